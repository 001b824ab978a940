import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPGlite } from './connect';
import { PGliteStatements } from './pglite-statements';

let pg: PGlite;
let statements: PGliteStatements;

beforeAll(async () => {
  pg = await PGlite.create();
  await pg.exec(`create table probe (id int primary key, label text not null, at timestamptz,
    on_day date, tags text[], detail jsonb, big int8)`);
  await pg.exec(`insert into probe values
    (1, 'one', '2026-12-07 09:30:00+09', '2026-12-07', '{a,b}', '{"k": 1}', 10000000000),
    (2, 'two', null, null, null, null, null)`);
  statements = new PGliteStatements(pg, 3);
}, 60_000);

afterAll(async () => {
  await pg.close();
});

describe('statements on PGlite in one exchange', () => {
  it('answer what query() answers, parameters and types alike, and keep nothing prepared', async () => {
    const text = 'select * from probe where id = any($1::int[]) and label <> $2 order by id';
    const values = [[1, 2], 'none'];
    const plain = await pg.query(text, values);
    const first = await statements.query(text, values);
    const second = await statements.query(text, [[2], 'none']);
    expect(first.rows).toEqual(plain.rows);
    expect(first.fields).toEqual(plain.fields);
    expect(second.rows).toEqual([plain.rows[1]]);
    const written = await statements.query(
      'update probe set at = $1, on_day = $2 where id = $3 returning at, on_day',
      [new Date('2026-12-08T00:00:00Z'), '2026-12-08', 2],
    );
    expect(written.rows).toEqual([
      { at: new Date('2026-12-08T00:00:00Z'), on_day: new Date('2026-12-08') },
    ]);
    expect(written.affectedRows).toBe(1);
    const none = await statements.query<{ n: number }>('select count(*)::int as n from probe', []);
    expect(none.rows).toEqual([{ n: 2 }]);
    const prepared = await pg.query<{ n: number }>(
      'select count(*)::int as n from pg_prepared_statements',
    );
    expect(prepared.rows).toEqual([{ n: 0 }]);
  });

  it('give errors with their code, and the next statement runs', async () => {
    const insert = 'insert into probe (id, label) values ($1, $2)';
    await expect(statements.query(insert, [1, 'again'])).rejects.toMatchObject({ code: '23505' });
    await statements.query(insert, [3, 'three']);
    const found = await statements.query('select label from probe where id = $1', [3]);
    expect(found.rows).toEqual([{ label: 'three' }]);
  });

  it('learn the parameter types again after a failed call, and keep a bounded number', async () => {
    const text = 'select label from probe where on_day = $1';
    await statements.query(text, ['2026-12-07']);
    await pg.exec('alter table probe alter column on_day type int using 1');
    // Serialised as a date, the value no longer fits; the next call asks PostgreSQL again.
    await expect(statements.query(text, ['2026-12-07'])).rejects.toMatchObject({ code: '22P02' });
    const again = await statements.query(text, [1]);
    expect(again.rows.map((r) => (r as { label: string }).label).sort()).toEqual([
      'one',
      'three',
      'two',
    ]);
    await pg.exec('alter table probe alter column on_day type date using null');
    const kept = () => [...(statements as unknown as { types: Map<string, unknown> }).types.keys()];
    const text1 = 'select 1 as n from probe where id = $1';
    for (const id of [1, 2, 3])
      await statements.query(`select ${id} as n from probe where id = $1`, [1]);
    await statements.query(text1, [1]);
    for (const id of [4, 5])
      await statements.query(`select ${id} as n from probe where id = $1`, [1]);
    // Three kept; the first text, used again, outlived the second and third.
    expect(kept()).toEqual([
      text1,
      'select 4 as n from probe where id = $1',
      'select 5 as n from probe where id = $1',
    ]);
  });

  it('leave the plan cache of the app’s database as PostgreSQL sets it, and match long lists', async () => {
    // Forcing fresh plans for the session re-planned every foreign-key check for every row.
    const opened = await openPGlite({});
    try {
      const mode = await sql<{ plan_cache_mode: string }>`show plan_cache_mode`.execute(opened.db);
      expect(mode.rows).toEqual([{ plan_cache_mode: 'auto' }]);
    } finally {
      await opened.close();
    }
    const ids = Array.from({ length: 40 }, (_, i) => i + 1);
    const list = ids.map((_, i) => `$${i + 1}`).join(', ');
    const inList = await statements.query(
      `select id from probe where id in (${list}) order by id`,
      ids,
    );
    const array = await statements.query(
      'select id from probe where id = any($1) and id < 3 order by id',
      [ids],
    );
    expect(inList.rows).toHaveLength(3);
    expect(array.rows).toEqual([{ id: 1 }, { id: 2 }]);
  });
});

describe('statements on PGlite with kept plans (the demo of a very first start)', () => {
  const preparedCount = async () =>
    (await pg.query<{ n: number }>('select count(*)::int as n from pg_prepared_statements')).rows[0]
      ?.n;

  it('answer what query() answers, and prepare each text once, up to the bound', async () => {
    const named = new PGliteStatements(pg, 2, true);
    const before = await preparedCount();
    const text =
      'select id, label, at, tags, detail, big from probe where id = any($1) order by id';
    const plain = await pg.query(text, [[1, 2]]);
    for (let run = 0; run < 7; run++) {
      const answered = await named.query(text, [[1, 2]]);
      expect(answered.rows).toEqual(plain.rows);
      expect(answered.fields).toEqual(plain.fields);
    }
    const written = await named.query('update probe set at = $1 where id = $2 returning at', [
      new Date('2026-12-09T00:00:00Z'),
      2,
    ]);
    expect(written.rows).toEqual([{ at: new Date('2026-12-09T00:00:00Z') }]);
    expect(await preparedCount()).toBe((before ?? 0) + 2);
    // A third text goes unnamed: nothing more is prepared, and it answers all the same.
    const third = await named.query<{ n: number }>('select count(*)::int as n from probe', []);
    expect(third.rows).toEqual([{ n: 3 }]);
    expect(await preparedCount()).toBe((before ?? 0) + 2);
  });

  it('give errors with their code, and the same text runs again afterwards', async () => {
    const named = new PGliteStatements(pg, 10, true);
    const insert = 'insert into probe (id, label) values ($1, $2) returning label';
    await expect(named.query(insert, [1, 'again'])).rejects.toMatchObject({ code: '23505' });
    const added = await named.query(insert, [4, 'four']);
    expect(added.rows).toEqual([{ label: 'four' }]);
    await expect(named.query(insert, [4, 'again'])).rejects.toMatchObject({ code: '23505' });
    const again = await named.query(insert, [5, 'five']);
    expect(again.rows).toEqual([{ label: 'five' }]);
  });
});
