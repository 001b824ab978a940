import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/connect';
import { latestMigration } from '../db/migrate';

/** How long a readiness check waits on a busy embedded database before it answers from the last. */
const busyAfterMs = 1000;
/** How old that last answer may be: a database busy for longer is taken as not answering. */
const lastValidMs = 5 * 60_000;

interface SchemaCheck {
  /** The answer of the last check that finished, and when (undefined: none, or it failed). */
  last?: { current: boolean; at: number };
  /** The check under way, shared by the probes that come meanwhile. */
  running?: Promise<boolean>;
}

const checks = new WeakMap<DatabaseHandle, SchemaCheck>();

/**
 * Whether the database holds the schema of this code (its last migration is this code's latest).
 * The check under way is shared by the probes that come meanwhile, instead of each queueing one
 * more. PGlite runs one statement at a time, so during a bulk import's transaction a check would
 * wait for the whole import, and a probe that times out takes a server out of service that is
 * only busy: there, after a second, the last answer of the past five minutes stands. On a
 * PostgreSQL server a busy database does not hold a check back, so one that does not answer is
 * waited for (up to the pool's connection timeout) and fails the probe.
 */
export async function schemaIsCurrent(database: DatabaseHandle): Promise<boolean> {
  const check: SchemaCheck = checks.get(database) ?? {};
  checks.set(database, check);
  check.running ??= sql<{
    version: string | null;
  }>`select max(version) as version from schema_migration`
    .execute(database.db)
    .then(
      ({ rows }) => {
        const current = rows[0]?.version === latestMigration();
        check.last = { current, at: Date.now() };
        return current;
      },
      (error: unknown) => {
        check.last = undefined;
        throw error;
      },
    )
    .finally(() => {
      check.running = undefined;
    });
  const last = check.last;
  if (database.kind !== 'pglite' || !last || Date.now() - last.at > lastValidMs)
    return check.running;
  let timer: NodeJS.Timeout | undefined;
  const busy = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(last.current), busyAfterMs);
  });
  try {
    return await Promise.race([check.running, busy]);
  } finally {
    clearTimeout(timer);
  }
}
