import { instanceSecret } from './auth/instance-secrets';
import type { Config } from './config';
import { type DatabaseHandle, openPGlite, openPostgres } from './db/connect';
import { applyMigrations, MigrationError, migrationStatus } from './db/migrate';
import { readTemplate, unpackTemplate } from './db/template-files';
import { seedDemoData } from './demo/seed-demo';
import { needsInitialisation } from './first-start';
import type { AppDeps } from './http/context';
import { createLogger, type Logger } from './http/logger';
import { ReportCache } from './statistics/report-cache';

/**
 * `unpacking`: the template's unpacking into an empty data directory, when the caller has started
 * it already (main.ts does, before loading the server); without it, this unpacks the template.
 */
export async function openDatabase(
  config: Config,
  logger?: Logger,
  { unpacking, keepPlans }: Pick<BootOptions, 'unpacking' | 'keepPlans'> = {},
): Promise<DatabaseHandle> {
  if (config.database.kind === 'pglite') {
    const { dataDir, sharedBuffers } = config.database;
    // An empty data directory starts from the build's migrated template when there is one,
    // unpacked by the system's tar or, failing that, by PGlite.
    const template =
      !needsInitialisation(config) || (await (unpacking ?? unpackTemplate(dataDir)))
        ? undefined
        : await readTemplate();
    return openPGlite({
      dataDir,
      sharedBuffers,
      ...(template ? { loadDataDir: template } : {}),
      ...(keepPlans ? { keepPlans } : {}),
    });
  }
  return openPostgres({
    url: config.database.url,
    poolSize: config.database.poolSize,
    preparedStatements: config.database.preparedStatements,
    onIdleError: (error) =>
      logger?.warn('idle database connection failed', { error: error.message }),
  });
}

/**
 * Brings the schema up to date, or refuses: the embedded mode and development apply pending
 * migrations; production (AUTO_MIGRATE=false) stops with the list, to be applied on purpose with
 * `npm run migrate`.
 */
export async function prepareSchema(
  database: DatabaseHandle,
  config: Config,
): Promise<{ applied: string[] }> {
  if (config.autoMigrate) return { applied: await applyMigrations(database) };
  const { pending } = await migrationStatus(database);
  if (pending.length > 0) {
    throw new MigrationError(
      `The database needs migrations ${pending.map((p) => `${p.version}_${p.name}`).join(', ')}. Run \`npm run migrate\` first (production does not migrate at start).`,
    );
  }
  return { applied: [] };
}

export interface Booted {
  deps: AppDeps;
  applied: string[];
  demoSeeded: boolean;
}

export interface BootOptions {
  /**
   * The embedded data directory was empty when the start began (by default: it is empty now). A
   * caller that unpacks the template before booting (main.ts) says so, as the directory may no
   * longer look empty.
   */
  fresh?: boolean;
  /** The template's unpacking, when the caller has started it (see openDatabase). */
  unpacking?: Promise<boolean>;
  /**
   * PGlite only: statements prepared once with their plans kept, for a process that only prepares
   * the data directory (first-start.ts; see PGliteStatements).
   */
  keepPlans?: boolean;
}

/** Everything before listening: database, schema, instance secrets, demo data. */
export async function boot(
  config: Config,
  logger: Logger = createLogger(config.logLevel),
  options: BootOptions = {},
): Promise<Booted> {
  const { fresh = needsInitialisation(config) } = options;
  const database = await openDatabase(config, logger, options);
  try {
    const prepared = await prepareSchema(database, config);
    // A new embedded directory came with the template's migrations: report them too.
    const applied = fresh ? (await migrationStatus(database)).applied : prepared.applied;
    const csrfKey = await instanceSecret(database.db, 'csrf_key');
    const demoSeeded = config.demoData ? await seedDemoData(database, config) : false;
    return {
      deps: {
        config,
        database,
        logger,
        csrfKey,
        now: () => new Date(),
        reportCache: new ReportCache(config.statisticsCacheSeconds * 1000),
      },
      applied,
      demoSeeded,
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
