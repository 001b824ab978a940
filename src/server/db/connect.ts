import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import { ConnectionLock, PGliteDialect } from './pglite-dialect';
import { namePreparedStatements } from './prepared-statements';
import type { Database } from './schema';

/**
 * One database, two engines: PGlite in-process (the embedded default) or a PostgreSQL server.
 * Both return the same value types, so no code above this file knows which one runs:
 * `date` stays an ISO string, `bigint` and `numeric` become numbers (counts and yen amounts fit),
 * `timestamptz` becomes a Date.
 */
export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: 'pglite' | 'postgres';
  /**
   * Runs work on one database session held exclusively: multi-statement scripts (migrations,
   * restores) and session-level locks. `run` returns the rows of the script's last statement.
   * If the work fails, an open transaction on the session is rolled back.
   */
  session<T>(work: (run: ScriptRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** PGlite only: the whole data directory as a tarball, gzipped unless asked (backups, templates). */
  dumpDataDir?: (compression?: 'gzip' | 'none') => Promise<Blob>;
}

export type ScriptRunner = (script: string) => Promise<Record<string, unknown>[]>;

const OID = { int8: 20, date: 1082, numeric: 1700 } as const;

const keepText = (value: string) => value;

export async function openPGlite(options: {
  dataDir?: string;
  loadDataDir?: Blob | File;
  /**
   * PostgreSQL's buffer cache inside the WebAssembly heap. PGlite's default (128MB) is most of
   * an idle server's memory; the operating system caches the data files as well, so a smaller
   * cache costs little.
   */
  sharedBuffers?: string;
  /** Statements prepared once under a name, their plans kept (see PGliteStatements). */
  keepPlans?: boolean;
}): Promise<DatabaseHandle> {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const instance = await PGlite.create(options.dataDir, {
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    startParams: [
      ...PGlite.defaultStartParams,
      '-c',
      `shared_buffers=${options.sharedBuffers ?? '32MB'}`,
    ],
    parsers: { [OID.date]: keepText, [OID.int8]: Number, [OID.numeric]: Number },
  });
  await instance.exec("set time zone 'Asia/Tokyo'");
  return wrapPGlite(instance, options.keepPlans);
}

export function wrapPGlite(instance: PGlite, keepPlans = false): DatabaseHandle {
  const lock = new ConnectionLock();
  const db = new Kysely<Database>({ dialect: new PGliteDialect(instance, lock, keepPlans) });
  return {
    db,
    kind: 'pglite',
    async session(work) {
      const release = await lock.acquire();
      try {
        return await work(async (script) => {
          const results = await instance.exec(script);
          return (results.at(-1)?.rows ?? []) as Record<string, unknown>[];
        });
      } catch (error) {
        await instance.exec('rollback').catch(() => {});
        throw error;
      } finally {
        release();
      }
    },
    async close() {
      await db.destroy();
      await instance.close();
    },
    async dumpDataDir(compression = 'gzip') {
      const release = await lock.acquire();
      try {
        return await instance.dumpDataDir(compression);
      } finally {
        release();
      }
    },
  };
}

/** The `application_name` of every connection Tsunagu makes to a PostgreSQL server. */
export const tsunaguApplicationName = 'tsunagu';

export function openPostgres(options: {
  url: string;
  poolSize?: number;
  /** An idle pooled connection failed (server restart, terminated session). */
  onIdleError?: (error: Error) => void;
  /** Name the queries so each connection parses and plans them once (on unless said otherwise). */
  preparedStatements?: boolean;
}): DatabaseHandle {
  const parsers: Record<number, (value: string) => unknown> = {
    [OID.date]: keepText,
    [OID.int8]: Number,
    [OID.numeric]: Number,
  };
  // Loaded only for a PostgreSQL server: the embedded mode, where starting fast counts most, does
  // not need it (node-postgres is a CommonJS package).
  const { Pool, types } = createRequire(import.meta.url)('pg') as typeof pg;
  const pool = new Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    // A server that does not answer fails the request (and the readiness check) instead of
    // keeping it waiting for ever; the same limit holds for waiting on a busy pool.
    connectionTimeoutMillis: 15_000,
    // Named, so a restore can see that Tsunagu is still connected to the database it would replace.
    application_name: tsunaguApplicationName,
    // Sessions work in Japan time, as the embedded database does (see openPGlite). No JIT: its
    // compilation (35–400 ms a query past jit_above_cost) costs more than the short reports save.
    options: '-c TimeZone=Asia/Tokyo -c jit=off',
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        parsers[oid] ?? types.getTypeParser(oid, format ?? 'text')) as typeof types.getTypeParser,
    },
  });
  // Without a listener an idle connection's error would end the process; the pool replaces it.
  pool.on('error', (error) => options.onIdleError?.(error));
  if (options.preparedStatements ?? true) namePreparedStatements(pool);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    async session(work) {
      const client = await pool.connect();
      try {
        return await work(async (script) => {
          // A multi-statement script answers with one result per statement.
          const result: pg.QueryResult | pg.QueryResult[] = await client.query(script);
          const last = Array.isArray(result) ? result.at(-1) : result;
          return (last?.rows ?? []) as Record<string, unknown>[];
        });
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await db.destroy();
      // Kysely ends the pool only if a query of its own opened it; connections taken by
      // `session` alone (migrations, backup, restore) were left open until the process ended.
      if (!pool.ended) await pool.end();
    },
  };
}
