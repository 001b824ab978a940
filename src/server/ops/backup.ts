import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { chmod, open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Config } from '../config';
import { type DatabaseHandle, openPGlite, openPostgres, type ScriptRunner } from '../db/connect';
import { fingerprintDatabase, fingerprintDifferences, type TableFingerprint } from './fingerprint';

/**
 * Backup and restore of the whole database, for both engines, in one file:
 *
 *   TSUNAGU-BACKUP/1 <engine> <manifest bytes>\n
 *   <manifest JSON>
 *   <payload>
 *
 * The payload is the engine's own format — the embedded data directory as a gzipped tarball
 * (PGlite's dumpDataDir), or `pg_dump --format=custom` of the server database — so a restore is
 * the engine's own restore. The manifest names the migrations applied and every table's
 * fingerprint (row count and contents hash) taken in the same snapshot as the payload; a restore
 * compares the restored database with it and fails loudly if any table differs.
 */
export interface BackupManifest {
  format: 1;
  engine: 'pglite' | 'postgres';
  createdAt: string;
  migrations: string[];
  tables: TableFingerprint[];
}

export class BackupError extends Error {}

const magic = 'TSUNAGU-BACKUP/1';

function header(manifest: BackupManifest): Buffer {
  const json = Buffer.from(JSON.stringify(manifest), 'utf8');
  return Buffer.concat([Buffer.from(`${magic} ${manifest.engine} ${json.length}\n`), json]);
}

/** Reads the header and manifest; the payload starts at `payloadOffset`. */
export async function readBackupManifest(
  file: string,
): Promise<{ manifest: BackupManifest; payloadOffset: number }> {
  if (!existsSync(file)) throw new BackupError(`backup file not found: ${file}`);
  const handle = await open(file, 'r');
  try {
    const start = Buffer.alloc(256);
    const { bytesRead } = await handle.read(start, 0, start.length, 0);
    const newline = start.subarray(0, bytesRead).indexOf(10);
    const [tag, engine, size] = start.subarray(0, Math.max(newline, 0)).toString('utf8').split(' ');
    const length = Number(size);
    if (
      tag !== magic ||
      (engine !== 'pglite' && engine !== 'postgres') ||
      !Number.isInteger(length)
    )
      throw new BackupError(`${file} is not a Tsunagu backup`);
    const json = Buffer.alloc(length);
    await handle.read(json, 0, length, newline + 1);
    const manifest = JSON.parse(json.toString('utf8')) as BackupManifest;
    return { manifest, payloadOffset: newline + 1 + length };
  } finally {
    await handle.close();
  }
}

/**
 * A backup holds every person's records: the file is created readable and writable by its owner
 * only (0600), whatever the umask.
 */
export const backupFileMode = 0o600;

/** The backup's file, readable by its owner only — also when it replaces an older, looser one. */
async function backupStream(file: string) {
  const out = createWriteStream(file, { mode: backupFileMode });
  await once(out, 'open');
  await chmod(file, backupFileMode);
  return out;
}

/**
 * How pg_dump / pg_restore reach the database: the URL without its password as --dbname, and the
 * password in PGPASSWORD, so it never shows in the process list (ps, /proc/<pid>/cmdline).
 */
export function pgToolConnection(url: string): { dbnameArg: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  if (!parsed.password) return { dbnameArg: `--dbname=${url}`, env: process.env };
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return {
    dbnameArg: `--dbname=${parsed.toString()}`,
    env: { ...process.env, PGPASSWORD: password },
  };
}

async function runTool(
  command: string,
  args: string[],
  io: { stdin?: NodeJS.ReadableStream; stdout?: NodeJS.WritableStream; env?: NodeJS.ProcessEnv },
): Promise<void> {
  const child = spawn(command, args, {
    stdio: [io.stdin ? 'pipe' : 'ignore', io.stdout ? 'pipe' : 'ignore', 'pipe'],
    ...(io.env ? { env: io.env } : {}),
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const spawned = once(child, 'spawn').catch((error: NodeJS.ErrnoException) => {
    throw new BackupError(
      error.code === 'ENOENT'
        ? `${command} was not found: install the PostgreSQL client tools (Debian: apt-get install postgresql-client)`
        : error.message,
    );
  });
  await spawned;
  const piping: Promise<void>[] = [];
  if (io.stdin && child.stdin) piping.push(pipeline(io.stdin, child.stdin));
  if (io.stdout && child.stdout) piping.push(pipeline(child.stdout, io.stdout, { end: false }));
  const [code] = (await once(child, 'close')) as [number | null];
  await Promise.all(piping);
  if (code !== 0) throw new BackupError(`${command} failed (exit ${code}): ${stderr.trim()}`);
}

/** The manifest, read on the session (and in the snapshot) the payload is taken from. */
async function manifestOf(
  engine: BackupManifest['engine'],
  run: ScriptRunner,
): Promise<BackupManifest> {
  const migrations = await run('select version from schema_migration order by version');
  return {
    format: 1,
    engine,
    createdAt: new Date().toISOString(),
    migrations: migrations.map((m) => String(m.version)),
    tables: await fingerprintDatabase(run),
  };
}

/**
 * Writes a backup of the configured database to `file`. The embedded database must not be in use
 * by a running server (PGlite has one process); a server database is dumped online, from one
 * snapshot that the fingerprint reads too.
 */
export async function backupDatabase(
  config: Config,
  file: string,
  options: { force?: boolean } = {},
): Promise<BackupManifest> {
  if (config.database.kind === 'pglite') {
    const { dataDir } = config.database;
    if (!existsSync(join(dataDir, 'PG_VERSION')))
      throw new BackupError(`no embedded database in ${dataDir}`);
    if (existsSync(join(dataDir, 'postmaster.pid')) && !options.force)
      throw new BackupError(
        `the embedded database in ${dataDir} is in use: stop Tsunagu first (if it is not running, it stopped abnormally: run again with --force)`,
      );
    const database = await openPGlite({ dataDir });
    try {
      const manifest = await database.session((run) => manifestOf('pglite', run));
      const dump = await database.dumpDataDir?.();
      if (!dump) throw new BackupError('the embedded database cannot dump its data directory');
      const out = await backupStream(file);
      out.write(header(manifest));
      out.end(Buffer.from(await dump.arrayBuffer()));
      await once(out, 'finish');
      return manifest;
    } finally {
      await database.close();
    }
  }

  const { url } = config.database;
  const database = openPostgres({ url, poolSize: 1 });
  try {
    return await database.session(async (run) => {
      await run('begin isolation level repeatable read read only');
      const [{ snapshot } = {}] = await run('select pg_export_snapshot() as snapshot');
      const manifest = await manifestOf('postgres', run);
      const out = await backupStream(file);
      out.write(header(manifest));
      const connection = pgToolConnection(url);
      await runTool(
        'pg_dump',
        ['--format=custom', `--snapshot=${String(snapshot)}`, '--no-owner', connection.dbnameArg],
        { stdout: out, env: connection.env },
      );
      out.end();
      await once(out, 'finish');
      await run('commit');
      return manifest;
    });
  } finally {
    await database.close();
  }
}

/**
 * Restores `file` into the configured database and checks every table against the manifest.
 * The target must be empty unless `replace` is given: then an embedded data directory is moved
 * aside (never deleted) and a server database's schema is dropped and recreated.
 */
export async function restoreDatabase(
  config: Config,
  file: string,
  options: { replace?: boolean } = {},
): Promise<{ manifest: BackupManifest; tables: TableFingerprint[]; movedAside?: string }> {
  const { manifest, payloadOffset } = await readBackupManifest(file);
  if (manifest.engine !== config.database.kind)
    throw new BackupError(
      `${file} is a backup of ${manifest.engine === 'pglite' ? 'an embedded' : 'a server'} database; the configured database is ${config.database.kind === 'pglite' ? 'embedded' : 'a server (DATABASE_URL)'}`,
    );
  const check = async (database: DatabaseHandle) => {
    const tables = await database.session(fingerprintDatabase);
    const differences = fingerprintDifferences(manifest.tables, tables);
    if (differences.length)
      throw new BackupError(
        `the restored database differs from the backup:\n${differences.join('\n')}`,
      );
    return tables;
  };

  if (config.database.kind === 'pglite') {
    const { dataDir } = config.database;
    let movedAside: string | undefined;
    if (existsSync(join(dataDir, 'PG_VERSION'))) {
      if (!options.replace)
        throw new BackupError(
          `${dataDir} already holds a database: restore into an empty directory, or give --replace (the current one is kept beside it)`,
        );
      if (existsSync(join(dataDir, 'postmaster.pid')))
        throw new BackupError(`the embedded database in ${dataDir} is in use: stop Tsunagu first`);
      movedAside = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      await rename(dataDir, movedAside);
    }
    const payload = (await readFile(file)).subarray(payloadOffset);
    const database = await openPGlite({ dataDir, loadDataDir: new Blob([payload]) });
    try {
      return { manifest, tables: await check(database), ...(movedAside ? { movedAside } : {}) };
    } finally {
      await database.close();
    }
  }

  const { url } = config.database;
  const database = openPostgres({ url, poolSize: 1 });
  try {
    const existing = await database.session((run) =>
      run("select count(*)::int as n from pg_tables where schemaname = 'public'"),
    );
    if (Number(existing[0]?.n ?? 0) > 0) {
      if (!options.replace)
        throw new BackupError(
          'the target database already holds tables: restore into an empty database, or give --replace (drops and recreates its public schema)',
        );
      await database.session((run) => run('drop schema public cascade; create schema public'));
    }
    const connection = pgToolConnection(url);
    await runTool(
      'pg_restore',
      [
        '--no-owner',
        '--no-privileges',
        '--exit-on-error',
        '--single-transaction',
        connection.dbnameArg,
      ],
      { stdin: createReadStream(file, { start: payloadOffset }), env: connection.env },
    );
    return { manifest, tables: await check(database) };
  } finally {
    await database.close();
  }
}
