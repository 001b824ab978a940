import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { chmod, open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import type { Config } from '../config';
import {
  type DatabaseHandle,
  openPGlite,
  openPostgres,
  type ScriptRunner,
  tsunaguApplicationName,
} from '../db/connect';
import { fingerprintDatabase, fingerprintDifferences, type TableFingerprint } from './fingerprint';
import { serverLockKey } from './server-lock';

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

const gunzipAsync = promisify(gunzip);

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

/**
 * Writes the backup beside `file` under another name and puts it in place only once complete: a
 * backup that fails half-way (pg_dump missing or refused, the disk full) leaves the last good
 * backup of that name as it was, and no truncated file that would look like a backup. The file
 * is readable by its owner only.
 */
async function writeBackupFile(
  file: string,
  write: (out: NodeJS.WritableStream) => Promise<void>,
): Promise<void> {
  const partial = join(dirname(file), `.${basename(file)}.${process.pid}.partial`);
  try {
    const out = createWriteStream(partial, { mode: backupFileMode });
    await once(out, 'open');
    await chmod(partial, backupFileMode);
    await write(out);
    out.end();
    await once(out, 'finish');
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
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

interface Tool {
  child: ChildProcess;
  /** The exit code once the tool has ended, with what it wrote to stderr. */
  ended: Promise<{ code: number | null; stderr: string }>;
}

/** Starts one of the PostgreSQL client tools; a missing tool is a BackupError that says so. */
async function startTool(
  command: string,
  args: string[],
  options: { stdin: boolean; stdout: boolean; env?: NodeJS.ProcessEnv },
): Promise<Tool> {
  const child = spawn(command, args, {
    stdio: [options.stdin ? 'pipe' : 'ignore', options.stdout ? 'pipe' : 'ignore', 'pipe'],
    ...(options.env ? { env: options.env } : {}),
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  await once(child, 'spawn').catch((error: NodeJS.ErrnoException) => {
    throw new BackupError(
      error.code === 'ENOENT'
        ? `${command} was not found: install the PostgreSQL client tools (Debian: apt-get install postgresql-client)`
        : error.message,
    );
  });
  const ended = once(child, 'close').then(([code]) => ({ code: code as number | null, stderr }));
  return { child, ended };
}

async function runTool(
  command: string,
  args: string[],
  io: { stdout: NodeJS.WritableStream; env?: NodeJS.ProcessEnv },
): Promise<void> {
  const tool = await startTool(command, args, { stdin: false, stdout: true, env: io.env });
  const piping = pipeline(tool.child.stdout as NodeJS.ReadableStream, io.stdout, { end: false });
  const { code, stderr } = await tool.ended;
  await piping;
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
      const payload = Buffer.from(await dump.arrayBuffer());
      await writeBackupFile(file, async (out) => {
        out.write(header(manifest));
        out.write(payload);
      });
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
      const connection = pgToolConnection(url);
      await writeBackupFile(file, async (out) => {
        out.write(header(manifest));
        await runTool(
          'pg_dump',
          ['--format=custom', `--snapshot=${String(snapshot)}`, '--no-owner', connection.dbnameArg],
          { stdout: out, env: connection.env },
        );
      });
      await run('commit');
      return manifest;
    });
  } finally {
    await database.close();
  }
}

/** Words before a quoted name of the schema (kept); any other quoted text may be a value. */
const schemaObject =
  /\b(relation|table|column|constraint|index|schema|type|function|sequence|view|trigger|extension|role|database)\s*$/i;

/**
 * psql's errors as the operator sees them, without the values of the row that failed. PostgreSQL
 * quotes a value it could not take (`invalid input syntax for type date: "…"`, `value "…" is out
 * of range`), and its DETAIL and CONTEXT lines hold whole rows (`Failing row contains (…)`, `COPY
 * person, line 3: "…"`), as do the lines a value with a line break runs onto. psql runs terse (no
 * DETAIL or CONTEXT); of what it writes only its own lines are kept, and in them every quoted text
 * but the names of tables, columns and constraints is replaced by "…" (to the end of the line when
 * the quote does not close there). Backups hold personal data; the terminal and its logs should not.
 */
export function psqlError(stderr: string): string {
  const kept = stderr
    .split('\n')
    .filter((line) => /^(psql|pg_restore|ERROR|FATAL):/.test(line))
    .map((line) =>
      line.replace(/"[^"]*("|$)/g, (quoted, _close, at: number) =>
        schemaObject.test(line.slice(0, at)) && quoted.endsWith('"') && quoted.length > 1
          ? quoted
          : '"…"',
      ),
    )
    .join('\n')
    .trim();
  return kept === '' ? '(psql gave no message)' : kept;
}

/**
 * Restores a `pg_dump --format=custom` payload in one transaction: pg_restore turns it into SQL and
 * psql runs that after `begin` (and, replacing, after dropping and recreating the public schema).
 * The transaction commits only when pg_restore has read the whole payload and psql has run all of
 * it; otherwise psql is stopped and the server rolls everything back, so a damaged or truncated
 * backup leaves the database as it was, also the one it was to replace.
 */
async function restorePostgresPayload(
  url: string,
  payload: NodeJS.ReadableStream,
  replace: boolean,
): Promise<void> {
  const connection = pgToolConnection(url);
  const psql = await startTool(
    'psql',
    // Terse errors: no DETAIL or CONTEXT, which quote the failing row (see `psqlError`).
    [
      '--no-psqlrc',
      '--quiet',
      '--set=ON_ERROR_STOP=1',
      '--set=VERBOSITY=terse',
      connection.dbnameArg,
    ],
    { stdin: true, stdout: false, env: connection.env },
  );
  const sqlIn = psql.child.stdin as NodeJS.WritableStream;
  // psql ends at the first error; what is still being piped to it then is of no use.
  sqlIn.on('error', () => undefined);
  const restore = await startTool(
    'pg_restore',
    ['--no-owner', '--no-privileges', '--exit-on-error', '--file=-'],
    { stdin: true, stdout: true },
  ).catch((error: unknown) => {
    psql.child.kill('SIGKILL');
    throw error;
  });
  // psql may end first: an error in the SQL (ON_ERROR_STOP), no connection. pg_restore is then
  // stopped too, as it would otherwise wait for ever on a pipe no one reads.
  let psqlEnded = false;
  void psql.ended.then(() => {
    psqlEnded = true;
    if (restore.child.exitCode === null) restore.child.kill('SIGKILL');
  });
  sqlIn.write(`begin;\n${replace ? 'drop schema public cascade;\ncreate schema public;\n' : ''}`);
  (restore.child.stdout as NodeJS.ReadableStream).pipe(sqlIn, { end: false });
  const feeding = pipeline(payload, restore.child.stdin as NodeJS.WritableStream).catch(
    () => undefined,
  );
  const [restored] = await Promise.all([restore.ended, feeding]);
  const failed = (ran: { code: number | null; stderr: string }) =>
    new BackupError(
      `the restore failed and was rolled back, nothing was changed in the database (psql exit ${ran.code}): ${psqlError(ran.stderr)}`,
    );
  if (psqlEnded) throw failed(await psql.ended);
  if (restored.code !== 0) {
    // Whatever psql has run so far is inside the open transaction: ending it unfinished rolls
    // it back on the server.
    psql.child.kill('SIGKILL');
    const ran = await psql.ended;
    throw new BackupError(
      `the backup could not be read to its end (pg_restore exit ${restored.code}: ${restored.stderr.trim() || psqlError(ran.stderr)}); nothing was changed in the database`,
    );
  }
  sqlIn.end('commit;\n');
  const ran = await psql.ended;
  if (ran.code !== 0) throw failed(ran);
}

/**
 * Refuses to replace a server database Tsunagu is using. A running server holds a shared lock
 * there (ops/server-lock.ts), idle or not, and would go on writing into the one being replaced;
 * nor should a command of Tsunagu's (a backup, a migration) be connected to it. A connection that
 * has just been closed (a command that ended a moment ago) may still be listed for some
 * milliseconds: asked again for up to two seconds before refusing.
 */
async function refuseWhileInUse(database: DatabaseHandle): Promise<void> {
  const [lock] = await database.session(async (run) => {
    const taken = await run(`select pg_try_advisory_lock(${serverLockKey}) as free`);
    if (taken[0]?.free) await run(`select pg_advisory_unlock(${serverLockKey})`);
    return taken;
  });
  if (!lock?.free)
    throw new BackupError(
      'a Tsunagu server is running on the target database: stop it first, then restore',
    );
  const connected = async () => {
    const [row] = await database.session((run) =>
      run(
        `select count(*)::int as n from pg_stat_activity
         where datname = current_database() and pid <> pg_backend_pid()
           and application_name = '${tsunaguApplicationName}'`,
      ),
    );
    return Number(row?.n ?? 0);
  };
  let others = await connected();
  for (let wait = 0; others > 0 && wait < 10; wait++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    others = await connected();
  }
  if (others > 0)
    throw new BackupError(
      `Tsunagu is still connected to the target database (${others} connections): stop the server, and any backup or other command running on it, first`,
    );
}

/** What a failed restore of an embedded backup says: the file, and what became of the target. */
function restoreFailure(file: string, error: unknown, outcome: string): BackupError {
  const reason = error instanceof Error ? error.message : String(error);
  return new BackupError(
    `${file} could not be restored (${reason}): the backup is damaged or incomplete. ${outcome}`,
  );
}

/**
 * Restores `file` into the configured database and checks every table against the manifest.
 * The target must be empty unless `replace` is given: then an embedded data directory is moved
 * aside (never deleted) and a server database's schema is dropped and recreated, in the same
 * transaction as the restore. A restore that fails leaves the target as it was.
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
  const differencesFrom = async (database: DatabaseHandle) => {
    const tables = await database.session(fingerprintDatabase);
    return { tables, differences: fingerprintDifferences(manifest.tables, tables) };
  };
  const differ = (differences: string[], outcome: string) =>
    new BackupError(
      `the restored database differs from the backup:\n${differences.join('\n')}\n${outcome}`,
    );

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
    // A restore that does not come through puts the directory back as it was.
    // What the error then says of the database that was there: back in place, or where it is.
    const undo = async (): Promise<string> => {
      try {
        await rm(dataDir, { recursive: true, force: true });
        if (movedAside) await rename(movedAside, dataDir);
        return movedAside
          ? 'The database that was there is back in place.'
          : 'Nothing was kept of it.';
      } catch {
        return movedAside
          ? `The database that was there is kept in ${movedAside}: move it back to ${dataDir}.`
          : `Remove what is left in ${dataDir} before starting Tsunagu.`;
      }
    };
    let database: DatabaseHandle;
    try {
      const payload = (await readFile(file)).subarray(payloadOffset);
      // Unpacked here, so a damaged or cut-off archive fails as an error of this restore (PGlite's
      // own decompression reports it on a stream no one listens to); PGlite reads a plain tar.
      const tar = payload[0] === 0x1f && payload[1] === 0x8b ? await gunzipAsync(payload) : payload;
      database = await openPGlite({ dataDir, loadDataDir: new Blob([tar]) });
    } catch (error) {
      throw restoreFailure(file, error, await undo());
    }
    let checked: Awaited<ReturnType<typeof differencesFrom>>;
    try {
      checked = await differencesFrom(database);
      await database.close();
    } catch (error) {
      await database.close().catch(() => undefined);
      throw restoreFailure(file, error, await undo());
    }
    if (checked.differences.length) throw differ(checked.differences, await undo());
    return { manifest, tables: checked.tables, ...(movedAside ? { movedAside } : {}) };
  }

  const { url } = config.database;
  const database = openPostgres({ url, poolSize: 1 });
  try {
    const existing = await database.session((run) =>
      run("select count(*)::int as n from pg_tables where schemaname = 'public'"),
    );
    const occupied = Number(existing[0]?.n ?? 0) > 0;
    if (occupied && !options.replace)
      throw new BackupError(
        'the target database already holds tables: restore into an empty database, or give --replace (drops and recreates its public schema)',
      );
    if (occupied) await refuseWhileInUse(database);
    await restorePostgresPayload(url, createReadStream(file, { start: payloadOffset }), occupied);
    const checked = await differencesFrom(database);
    if (checked.differences.length) {
      // Committed by now. A database that was empty is made empty again; one that was replaced
      // cannot be brought back from here.
      if (!occupied)
        await database.session((run) => run('drop schema public cascade; create schema public'));
      throw differ(
        checked.differences,
        occupied
          ? 'The data that was there before has been replaced: restore another backup.'
          : 'The database is empty again.',
      );
    }
    return { manifest, tables: checked.tables };
  } finally {
    await database.close();
  }
}
