import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/connect';
import { latestMigration } from '../db/migrate';

/** How long a readiness check waits on a busy database before it answers from the last check. */
const busyAfterMs = 1000;

interface SchemaCheck {
  /** The answer of the last check that finished (undefined: none has yet). */
  last?: boolean;
  /** The check under way, shared by the probes that come meanwhile. */
  running?: Promise<boolean>;
}

const checks = new WeakMap<DatabaseHandle, SchemaCheck>();

/**
 * Whether the database holds the schema of this code (its last migration is this code's latest).
 * PGlite runs one statement at a time, so during a bulk import's transaction a check would wait
 * for the whole import, and a probe that times out takes a server out of service that is only
 * busy: after a second the last answer stands, and the check still under way is shared by the
 * probes that follow instead of each queueing one more. The first check is always waited for.
 */
export async function schemaIsCurrent(database: DatabaseHandle): Promise<boolean> {
  let check = checks.get(database);
  if (!check) {
    check = {};
    checks.set(database, check);
  }
  const state = check;
  state.running ??= sql<{
    version: string | null;
  }>`select max(version) as version from schema_migration`
    .execute(database.db)
    .then(({ rows }) => {
      state.last = rows[0]?.version === latestMigration();
      return state.last;
    })
    .finally(() => {
      state.running = undefined;
    });
  if (state.last === undefined) return state.running;
  let timer: NodeJS.Timeout | undefined;
  const busy = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(state.last ?? false), busyAfterMs);
  });
  try {
    return await Promise.race([state.running, busy]);
  } finally {
    clearTimeout(timer);
  }
}
