import { type Insertable, type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';

type Row<T extends keyof Database> = Insertable<Database[T]>;

/** The PostgreSQL type of each column written (`uuid`, `text`, `date`, `text[]` …). */
export type ColumnTypes<T extends keyof Database> = { [C in keyof Row<T>]?: string };

/** A text[] value as PostgreSQL writes it, every element quoted. */
function arrayLiteral(values: readonly (string | null)[]): string {
  const quoted = values.map((v) =>
    v === null ? 'NULL' : `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`,
  );
  return `{${quoted.join(',')}}`;
}

/**
 * Inserts many rows as one `insert … select … from unnest(…)`: one array parameter per column
 * instead of one parameter per cell. On both engines a thousand-row VALUES list with ten thousand
 * parameters costs more to send and plan than the rows cost to write (bench/import.ts). A column
 * of arrays travels as the text of each array and is cast back. Same SQL on PGlite and PostgreSQL.
 */
export async function insertRows<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  types: ColumnTypes<T>,
  rows: readonly Row<T>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(types) as (keyof Row<T> & string)[];
  const typeOf = (column: keyof Row<T> & string) => types[column] as string;
  const arrays = columns.map((column) => {
    const isArray = typeOf(column).endsWith('[]');
    const values = rows.map((row) => {
      const value = (row as Record<string, unknown>)[column] ?? null;
      if (value instanceof Date) return value.toISOString();
      if (isArray && value !== null) return arrayLiteral(value as string[]);
      return value;
    });
    return sql`${values}::${sql.raw(isArray ? 'text' : typeOf(column))}[]`;
  });
  const names = columns.map((_, i) => sql.raw(`c${i}`));
  const values = columns.map((column, i) =>
    typeOf(column).endsWith('[]') ? sql`${names[i]}::${sql.raw(typeOf(column))}` : names[i],
  );
  await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
    select ${sql.join(values)} from unnest(${sql.join(arrays)}) as u(${sql.join(names)})`.execute(
    db,
  );
}
