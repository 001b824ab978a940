import type { ScriptRunner } from '../db/connect';

/** One table's rows, summed up: how many, and an order-independent hash of their contents. */
export interface TableFingerprint {
  table: string;
  rows: number;
  hash: string;
}

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Every table of the schema with its row count and the sum of a hash of each row's text. Two
 * databases with the same fingerprint hold the same rows (up to hash collisions), whatever order
 * they were written in: a restore proves itself against the fingerprint taken at the backup.
 * One sequential scan per table, no sorting, so it stays cheap on a city-size database. It runs on
 * one session (`DatabaseHandle.session`) so that a backup can take it inside the snapshot it dumps.
 */
export async function fingerprintDatabase(run: ScriptRunner): Promise<TableFingerprint[]> {
  const tables = await run(
    "select tablename as name from pg_tables where schemaname = 'public' order by tablename",
  );
  const result: TableFingerprint[] = [];
  for (const { name } of tables) {
    const table = String(name);
    const [row] = await run(
      `select count(*)::text as rows, coalesce(sum(hashtext(t::text)::bigint), 0)::text as hash
       from ${quoteIdentifier(table)} as t`,
    );
    result.push({ table, rows: Number(row?.rows ?? 0), hash: String(row?.hash ?? '0') });
  }
  return result;
}

/** The tables whose rows differ between two fingerprints (missing on either side included). */
export function fingerprintDifferences(
  expected: readonly TableFingerprint[],
  actual: readonly TableFingerprint[],
): string[] {
  const found = new Map(actual.map((t) => [t.table, t]));
  const wanted = new Map(expected.map((t) => [t.table, t]));
  const differences: string[] = [];
  for (const name of [...new Set([...wanted.keys(), ...found.keys()])].sort()) {
    const want = wanted.get(name);
    const got = found.get(name);
    if (want && got && want.rows === got.rows && want.hash === got.hash) continue;
    const describe = (t: TableFingerprint | undefined) => (t ? `${t.rows} rows` : 'no table');
    const sameCount = want && got && want.rows === got.rows;
    differences.push(
      `${name}: expected ${describe(want)}, found ${describe(got)}${sameCount ? ' with other contents' : ''}`,
    );
  }
  return differences;
}
