import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DatabaseHandle, ScriptRunner } from './connect';

/**
 * Forward-only SQL migrations: `NNNN_name.sql` files in ./migrations, the same files on PGlite
 * and PostgreSQL. Each file runs in its own transaction and is recorded with its checksum; an
 * applied file that was edited afterwards stops the start, because the databases in the field
 * would no longer match the code. A session-level advisory lock keeps two starting servers from
 * migrating at once.
 */
export interface MigrationFile {
  version: string;
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationStatus {
  applied: string[];
  pending: MigrationFile[];
}

export class MigrationError extends Error {}

const defaultDirectory = fileURLToPath(new URL('./migrations/', import.meta.url));
const lockKey = 7_390_112; // arbitrary, constant: "tsunagu migrations"

/**
 * Read synchronously: a start reads them just after PGlite is instantiated, while V8 compiles its
 * WebAssembly on every core, and Node's thread pool, which the asynchronous calls go through,
 * waited a quarter of a second for a core (docs/benchmarks.md, start-up).
 */
export function readMigrations(directory = defaultDirectory): MigrationFile[] {
  const names = readdirSync(directory)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const files: MigrationFile[] = [];
  for (const file of names) {
    const match = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file);
    if (!match) throw new MigrationError(`Migration file name not understood: ${file}`);
    const sql = readFileSync(`${directory}/${file}`, 'utf8');
    files.push({
      version: match[1] ?? '',
      name: match[2] ?? '',
      sql,
      checksum: createHash('sha256').update(sql).digest('hex'),
    });
  }
  return files;
}

let latest: string | null | undefined;

/** The newest migration this code knows (read once), which a ready database has applied last. */
export function latestMigration(): string | null {
  if (latest === undefined) latest = readMigrations().at(-1)?.version ?? null;
  return latest;
}

const bootstrap = `
create table if not exists schema_migration (
  version text primary key,
  name text not null,
  checksum text not null,
  applied_at timestamptz not null default now()
)`;

async function appliedRows(run: ScriptRunner) {
  await run(bootstrap);
  const rows = await run('select version, name, checksum from schema_migration order by version');
  return rows as { version: string; name: string; checksum: string }[];
}

function compare(
  files: MigrationFile[],
  applied: { version: string; name: string; checksum: string }[],
): MigrationStatus {
  const byVersion = new Map(files.map((f) => [f.version, f]));
  for (const row of applied) {
    const file = byVersion.get(row.version);
    if (!file) {
      throw new MigrationError(
        `The database has migration ${row.version}_${row.name}, which this version of Tsunagu does not know. Is the code older than the database?`,
      );
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationError(
        `Migration ${row.version}_${row.name} was changed after it was applied. Migrations are forward-only: add a new file instead.`,
      );
    }
  }
  const done = new Set(applied.map((r) => r.version));
  return {
    applied: applied.map((r) => r.version),
    pending: files.filter((f) => !done.has(f.version)),
  };
}

export async function migrationStatus(
  handle: DatabaseHandle,
  directory?: string,
): Promise<MigrationStatus> {
  const files = readMigrations(directory);
  return handle.session(async (run) => compare(files, await appliedRows(run)));
}

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** Applies every pending migration, in order; returns the versions applied. */
export async function applyMigrations(
  handle: DatabaseHandle,
  directory?: string,
): Promise<string[]> {
  const files = readMigrations(directory);
  return handle.session(async (run) => {
    await run(`select pg_advisory_lock(${lockKey})`);
    try {
      const { pending } = compare(files, await appliedRows(run));
      for (const file of pending) {
        try {
          await run(
            `begin;\n${file.sql}\n;insert into schema_migration (version, name, checksum) values (${quote(file.version)}, ${quote(file.name)}, ${quote(file.checksum)});\ncommit;`,
          );
        } catch (error) {
          await run('rollback').catch(() => []);
          throw new MigrationError(
            `Migration ${file.version}_${file.name} failed: ${(error as Error).message}`,
          );
        }
      }
      return pending.map((f) => f.version);
    } finally {
      await run(`select pg_advisory_unlock(${lockKey})`);
    }
  });
}
