import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGliteStatements } from './pglite-statements';

let pg: PGlite;
let statements: PGliteStatements;

async function namedCount(): Promise<number> {
  const result = await pg.query<{ n: number }>(
    "select count(*)::int as n from pg_prepared_statements where statement like '%probe%'",
  );
  return result.rows[0]?.n ?? -1;
}

beforeAll(async () => {
  pg = await PGlite.create();
  await pg.exec(`create table probe (id int primary key, label text not null, at timestamptz,
    on_day date, tags text[], detail jsonb, big int8)`);
  await pg.exec(`insert into probe values
    (1, 'one', '2026-12-07 09:30:00+09', '2026-12-07', '{a,b}', '{"k": 1}', 10000000000),
    (2, 'two', null, null, null, null, null)`);
  statements = new PGliteStatements(pg, { perConnection: 250, texts: 2000, inList: 32 });
}, 60_000);

afterAll(async () => {
  await pg.close();
});

describe('named statements on PGlite', () => {
  it('answer what query() answers, parameters and types alike, and parse a shape once', async () => {
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
    expect(await namedCount()).toBe(2);
  });

  it('give errors with their code, and the next statement runs', async () => {
    const insert = 'insert into probe (id, label) values ($1, $2)';
    await expect(statements.query(insert, [1, 'again'])).rejects.toMatchObject({ code: '23505' });
    await statements.query(insert, [3, 'three']);
    const found = await statements.query('select label from probe where id = $1', [3]);
    expect(found.rows).toEqual([{ label: 'three' }]);
  });

  it('parse again after a schema change, outside a transaction and after a failed one', async () => {
    const text = 'select * from probe where id = $1';
    await statements.query(text, [1]);
    await pg.exec("alter table probe add column note text not null default 'x'");
    const after = await statements.query<{ note: string }>(text, [1]);
    expect(after.rows[0]?.note).toBe('x');

    await pg.exec('alter table probe add column kana text');
    await pg.exec('begin');
    await expect(statements.query(text, [1])).rejects.toThrow(/cached plan/);
    await pg.exec('rollback');
    const again = await statements.query<{ kana: string | null }>(text, [1]);
    expect(again.rows[0]?.kana).toBeNull();
  });

  it('send long in-lists and long arrays to be matched unnamed', async () => {
    const before = await namedCount();
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
    expect(await namedCount()).toBe(before);
  });
});
