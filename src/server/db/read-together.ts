import type { Expression, Kysely } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Database } from './schema';

type Lists = Record<string, Expression<object>>;
export type ListsRead<Q extends Lists> = {
  [K in keyof Q]: Q[K] extends Expression<infer O> ? O[] : never;
};

// PostgreSQL writes a timestamptz in JSON as ISO 8601 with the session's offset.
const isoMoment = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}(:\d{2})?|Z)$/;

/**
 * Reads several lists in one statement and one round trip: each query becomes a JSON array of its
 * rows (`json_agg` over the query, in its order) in one row. A page made of many small reads (the
 * case page: some 25 tables of one case) otherwise pays each statement's own cost — on a server
 * more than the reads themselves (docs/benchmarks.md, load).
 *
 * JSON keeps what the drivers give (uuid, text, date as 'YYYY-MM-DD', numbers, arrays, jsonb)
 * except moments: a timestamptz comes back as text, and is made a Date again here. Columns are
 * named for that: every timestamptz column ends in `_at` (schema.test.ts checks the catalogue),
 * and only a value of such a column that reads as a whole ISO moment is turned into a Date.
 */
export async function readTogether<Q extends Lists>(
  db: Kysely<Database>,
  lists: Q,
): Promise<ListsRead<Q>> {
  const names = Object.keys(lists);
  const row = (await db
    .selectNoFrom(names.map((name) => jsonArrayFrom(lists[name] as Expression<object>).as(name)))
    .executeTakeFirstOrThrow()) as Record<string, Record<string, unknown>[]>;
  for (const name of names) {
    for (const item of row[name] ?? []) {
      for (const key in item) {
        const value = item[key];
        if (key.endsWith('_at') && typeof value === 'string' && isoMoment.test(value)) {
          item[key] = new Date(value);
        }
      }
    }
  }
  return row as ListsRead<Q>;
}
