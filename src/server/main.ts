import { ConfigError, loadConfig } from './config';
import { MigrationError } from './db/migrate';
import { unpackTemplate } from './db/template-files';
import {
  childLoadedLine,
  initialiseInChild,
  initialiseOnlyFlag,
  needsInitialisation,
  writeTemplateFlag,
} from './first-start';

/**
 * `npm start`. This module loads only what deciding how to start needs. The server itself
 * (start-server.ts: the app, the database engine and the packages, most of a start's loading
 * time) is imported afterwards, so that the very first start overlaps its steps on two cores:
 * the child loads it while the system's `tar` unpacks the template, and the parent loads it while
 * its child prepares the data directory (first-start.ts).
 */
async function main(): Promise<void> {
  const started = performance.now();
  const templateTarget = process.env[writeTemplateFlag];
  if (templateTarget) {
    const { writeTemplate } = await import('./db/template');
    await writeTemplate(templateTarget);
    return;
  }
  const config = loadConfig();
  if (process.env[initialiseOnlyFlag] === '1') {
    const fresh = needsInitialisation(config);
    // Without a template or a working tar it answers false, and boot hands the template to PGlite.
    const unpacking =
      fresh && config.database.kind === 'pglite'
        ? unpackTemplate(config.database.dataDir)
        : undefined;
    // Awaited by boot; this keeps a failure while the server loads from also being reported as an
    // unhandled rejection.
    unpacking?.catch(() => {});
    const { initialiseOnly } = await import('./start-server');
    process.stdout.write(`${childLoadedLine}\n`);
    await initialiseOnly(config, { fresh, keepPlans: true, ...(unpacking ? { unpacking } : {}) });
    return;
  }
  const first = needsInitialisation(config) ? initialiseInChild() : null;
  // Awaited by startServer; this keeps a failure while the server loads from also being reported
  // as an unhandled rejection.
  first?.done.catch(() => {});
  // Loading the server takes a core for some 300 ms. While the child loads it too and `tar`
  // unpacks, a third such task only slows the two; once the child runs its demo on one core, the
  // other is free.
  await first?.loaded;
  const { startServer } = await import('./start-server');
  await startServer(config, started, first?.done ?? null);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof MigrationError) {
    process.stderr.write(`\n${error.message}\n\n`);
  } else {
    process.stderr.write(
      `\nTsunagu could not start: ${(error as Error).stack ?? String(error)}\n\n`,
    );
  }
  process.exit(1);
});
