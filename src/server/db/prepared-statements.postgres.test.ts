import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { namePreparedStatements, type PreparedStatementLimits } from './prepared-statements';

// Runs in the server:postgres project only (see vitest.config.ts): named statements are the
// server's; PGlite runs in-process and has nothing to gain.

const table = `prepared_probe_${process.pid}`;
let pool: pg.Pool;

/** One connection, so every call below meets the statements the calls before it left. */
function onePool(limits?: PreparedStatementLimits): pg.Pool {
  const p = new pg.Pool({ connectionString: inject('databaseUrl'), max: 1 });
  namePreparedStatements(p, limits);
  return p;
}

async function probeStatements(p: pg.Pool): Promise<string[]> {
  // A script (no values) goes unnamed, so this look does not add to what it counts.
  const result = await p.query(
    `select name from pg_prepared_statements where statement like '%${table}%' order by name`,
  );
  return result.rows.map((r: { name: string }) => r.name);
}

beforeAll(async () => {
  pool = onePool();
  await pool.query(`create table ${table} (id int primary key, label text not null)`);
  await pool.query(`insert into ${table} values (1, 'one'), (2, 'two')`);
});

afterAll(async () => {
  await pool.query(`drop table if exists ${table}`);
  await pool.end();
});

describe('named prepared statements', () => {
  it('parse a query once per connection and answer as before', async () => {
    const first = await pool.query(`select * from ${table} where id = $1`, [1]);
    const second = await pool.query(`select * from ${table} where id = $1`, [2]);
    expect(first.rows).toEqual([{ id: 1, label: 'one' }]);
    expect(second.rows).toEqual([{ id: 2, label: 'two' }]);
    expect(await probeStatements(pool)).toHaveLength(1);
  });

  it('survive a migration that changes the columns under them, outside a transaction', async () => {
    await pool.query(`select * from ${table} where id = $1`, [1]);
    await pool.query(`alter table ${table} add column note text not null default 'x'`);
    // The statement parsed before the change now fails on the server; it is parsed again.
    const after = await pool.query(`select * from ${table} where id = $1`, [1]);
    expect(after.rows).toEqual([{ id: 1, label: 'one', note: 'x' }]);
    // The stale statement was dropped, the fresh one kept.
    expect(await probeStatements(pool)).toHaveLength(1);
  });

  it('fail a transaction the change caught, then carry on after its rollback', async () => {
    await pool.query(`select * from ${table} where id = $1`, [2]);
    await pool.query(`alter table ${table} add column kana text`);
    const client = await pool.connect();
    try {
      await client.query('begin');
      await expect(client.query(`select * from ${table} where id = $1`, [2])).rejects.toThrow(
        /cached plan/,
      );
      await client.query('rollback');
      const after = await client.query(`select * from ${table} where id = $1`, [2]);
      expect(after.rows).toEqual([{ id: 2, label: 'two', note: 'x', kana: null }]);
    } finally {
      client.release();
    }
    expect(await probeStatements(pool)).toHaveLength(1);
  });

  it('parse again what the server forgot (DISCARD ALL, a pooler)', async () => {
    await pool.query(`select label from ${table} where id = $1`, [1]);
    await pool.query('discard all');
    const after = await pool.query(`select label from ${table} where id = $1`, [1]);
    expect(after.rows).toEqual([{ label: 'one' }]);
  });

  it('send statements with long in-lists unnamed: a kept plan cannot hash the list', async () => {
    const before = await probeStatements(pool);
    const ids = Array.from({ length: 100 }, (_, i) => i + 1);
    const list = ids.map((_, i) => `$${i + 1}`).join(', ');
    const text = `select id from ${table} where id in (${list}) order by id`;
    for (let round = 0; round < 6; round++) {
      const result = await pool.query(text, ids);
      expect(result.rows).toEqual([{ id: 1 }, { id: 2 }]);
    }
    expect(await probeStatements(pool)).toEqual(before);
  });

  it('send a statement given a long array unnamed, and the same text with a short one named', async () => {
    const before = await probeStatements(pool);
    const text = `select id from ${table} where id = any($1::int[]) order by id`;
    const long = Array.from({ length: 100 }, (_, i) => i + 1);
    for (let round = 0; round < 6; round++) {
      const result = await pool.query(text, [long]);
      expect(result.rows).toEqual([{ id: 1 }, { id: 2 }]);
    }
    expect(await probeStatements(pool)).toEqual(before);
    const short = await pool.query(text, [[2, 3]]);
    expect(short.rows).toEqual([{ id: 2 }]);
    expect(await probeStatements(pool)).toHaveLength(before.length + 1);
    // An array an insert writes is data: the statement keeps its name.
    const write = `insert into ${table} (id, label) select id, 'many' from unnest($1::int[]) as u(id) where false`;
    await pool.query(write, [long]);
    expect(await probeStatements(pool)).toHaveLength(before.length + 2);
  });

  it('send shapes past the per-connection limit unnamed', async () => {
    const limited = onePool({ perConnection: 2, texts: 10, inList: 32 });
    try {
      for (const column of ['id', 'label', 'note', 'kana']) {
        const result = await limited.query(`select ${column} from ${table} where id = $1`, [1]);
        expect(result.rows).toHaveLength(1);
      }
      expect(await probeStatements(limited)).toHaveLength(2);
    } finally {
      await limited.end();
    }
  });
});
