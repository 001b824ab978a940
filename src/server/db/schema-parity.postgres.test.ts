import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testDatabase } from '../test/test-database';
import { type DatabaseHandle, openPGlite } from './connect';
import { applyMigrations } from './migrate';

// Runs in the server:postgres project only (see vitest.config.ts): it compares the two engines.

/**
 * What the migrations built, in words that do not depend on the server version: columns with
 * type, nullability and default; constraints by definition; indexes; triggers.
 */
async function describeSchema(database: DatabaseHandle) {
  const db = database.db;
  const columns = await sql<{
    table_name: string;
    column_name: string;
    data_type: string;
    is_nullable: string;
    column_default: string | null;
  }>`
    select table_name, column_name, data_type, is_nullable, column_default
    from information_schema.columns where table_schema = 'public'
    order by table_name, column_name`.execute(db);
  const constraints = await sql<{ table: string; name: string; def: string }>`
    select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as def
    from pg_constraint where connamespace = 'public'::regnamespace and contype in ('p','u','f','c')
    order by 1, 2`.execute(db);
  const indexes = await sql<{ indexname: string; indexdef: string }>`
    select indexname, indexdef from pg_indexes where schemaname = 'public' order by indexname`.execute(
    db,
  );
  const triggers = await sql<{ tgname: string; def: string }>`
    select tgname, pg_get_triggerdef(oid) as def from pg_trigger where not tgisinternal order by tgname`.execute(
    db,
  );
  return {
    columns: columns.rows,
    // PostgreSQL 18 (PGlite) writes some CHECK definitions with different parentheses than 15.
    constraints: constraints.rows.map((c) => ({ ...c, def: c.def.replace(/[()\s]/g, '') })),
    indexes: indexes.rows,
    triggers: triggers.rows,
  };
}

describe('migrations', () => {
  it('produce the same schema on PGlite and on the PostgreSQL server', async () => {
    const server = await testDatabase();
    const embedded = await openPGlite({});
    try {
      await applyMigrations(embedded);
      const [a, b] = await Promise.all([describeSchema(embedded), describeSchema(server)]);
      expect(a.columns.length).toBeGreaterThan(50);
      expect(a.columns).toEqual(b.columns);
      expect(a.constraints).toEqual(b.constraints);
      expect(a.indexes).toEqual(b.indexes);
      expect(a.triggers).toEqual(b.triggers);
    } finally {
      await embedded.close();
    }
  });
});
