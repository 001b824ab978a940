import { type RawBuilder, sql } from 'kysely';

/**
 * A constant written into the SQL text instead of being sent as a parameter. A partial index
 * whose predicate names the value (`where status = 'pending'`) can serve a prepared statement's
 * kept plan only when the value is in the text (db/prepared-statements.ts); as a parameter, the
 * kept plan cannot know the value and falls back to a wider index. For fixed states of the
 * domain only, never for input: the value is quoted by Kysely but is not a parameter.
 */
export function fixed<T extends string>(value: T): RawBuilder<T> {
  return sql.lit(value) as RawBuilder<T>;
}
