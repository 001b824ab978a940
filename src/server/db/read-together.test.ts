import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testDatabase } from '../test/test-database';
import { readTogether } from './read-together';

describe('reading lists together', () => {
  it('answers what each query answers alone: moments, dates, numbers, arrays, json, order', async () => {
    const { db } = await testDatabase();
    const rows = db
      .selectFrom(sql<{ n: number }>`generate_series(3, 1, -1)`.as('g'))
      .select([
        sql<Date>`timestamptz '2026-12-07 09:30:00.123+09' + g.g * interval '1 day'`.as(
          'created_at',
        ),
        sql<Date | null>`case when g.g = 2 then null else timestamptz '2026-04-01 00:00+09' end`.as(
          'noted_at',
        ),
        sql<string>`date '2026-12-07' + g.g`.as('given_on'),
        sql<number>`(g.g * 10000000000)::int8`.as('big'),
        sql<number>`1.25::numeric * g.g`.as('amount'),
        sql<boolean>`g.g > 1`.as('reached'),
        sql<string[]>`array['就労', 'ひきこもり']`.as('topics'),
        sql<unknown>`jsonb_build_object('goal', '生活の安定', 'n', g.g)`.as('detail'),
        // A text column named like a moment (meeting.starts_at holds 'HH:MM') stays text.
        sql<string>`'09:30'`.as('starts_at'),
        sql<string>`'さとう' || g.g`.as('name_kana'),
      ])
      .orderBy(sql`g.g`, 'desc');
    const none = db
      .selectFrom(sql<{ n: number }>`generate_series(1, 0)`.as('g'))
      .select(sql<number>`1`.as('one'));

    const together = await readTogether(db, { rows, none });
    expect(together).toEqual({ rows: await rows.execute(), none: await none.execute() });
    expect(together.rows.map((r) => r.big)).toEqual([30000000000, 20000000000, 10000000000]);
    expect(together.rows[0]?.created_at).toBeInstanceOf(Date);
  });

  it('relies on a naming rule the schema keeps: a moment is a timestamptz column named *_at', async () => {
    const { db } = await testDatabase();
    const result = await sql<{ column: string; type: string }>`
      select table_name || '.' || column_name as column, data_type as type
      from information_schema.columns
      where table_schema = current_schema()
        and (column_name like '%\\_at') <> (data_type = 'timestamp with time zone')
      order by 1`.execute(db);
    // The two known exceptions: a lock's end (never read in a list) and a meeting's clock time.
    expect(result.rows).toEqual([
      { column: 'app_user.locked_until', type: 'timestamp with time zone' },
      { column: 'meeting.starts_at', type: 'text' },
    ]);
  });
});
