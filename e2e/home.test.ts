import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchKey } from '../src/domain/text/search';
import { CaseScreens } from './support/case-screens';
import { type Harness, startHarness } from './support/harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.close();
});

/** The demo support worker, whose screens these are. */
const demoWorker = () =>
  h.database.db
    .selectFrom('app_user')
    .select(['id', 'municipality_id', 'support_agency_id'])
    .where('login_id', '=', 'shien')
    .executeTakeFirstOrThrow();

describe('long lists on the caseworker’s screens', () => {
  it('shows a large caseload fifty cases at a time and says how many there are', async () => {
    const db = h.database.db;
    const worker = await demoWorker();
    // Sixty fictional people in support, led by the demo worker, changed long before the demo's
    // own cases: they come after those in the table.
    await sql`
      with people as (
        insert into person (municipality_id, name, name_kana)
        select ${worker.municipality_id}, '架空 ' || g || '郎', 'かくう ' || g
        from generate_series(1, 60) g
        returning id, split_part(name_kana, ' ', 2)::int as n
      )
      insert into support_case
        (municipality_id, case_number, person_id, support_agency_id, status, status_changed_at,
         opened_on, lead_worker_id)
      select ${worker.municipality_id}, '2019-' || lpad(n::text, 5, '0'), id,
        ${worker.support_agency_id}, 'in_support', timestamptz '2020-01-01' + n * interval '1 day',
        date '2019-12-01', ${worker.id}
      from people`.execute(db);
    // Their current cases: those they lead and those whose team they are on.
    const { total } = await db
      .selectFrom('support_case')
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .where((eb) =>
        eb.or([
          eb('lead_worker_id', '=', worker.id),
          eb(
            'id',
            'in',
            eb.selectFrom('case_team_member').select('case_id').where('user_id', '=', worker.id),
          ),
        ]),
      )
      .where('status', 'not in', ['closed', 'referred_out', 'info_only'])
      .executeTakeFirstOrThrow();
    expect(Number(total)).toBeGreaterThan(50);
    expect(Number(total)).toBeLessThanOrEqual(100);

    const { page } = await CaseScreens.signedIn(h, 'shien');
    await page.goto(h.origin);
    const pages = page.getByTestId('caseload-pages');
    const rows = page.getByTestId('caseload-table').locator('tbody tr');
    await expect
      .poll(() => pages.locator('p').textContent())
      .toBe(`全${total}件中、1〜50件目を表示しています。`);
    expect(await rows.count()).toBe(50);
    const previous = pages.getByRole('button', { name: '前の50件' });
    const next = pages.getByRole('button', { name: '次の50件' });
    expect(await previous.isDisabled()).toBe(true);

    await next.click();
    await expect
      .poll(() => pages.locator('p').textContent())
      .toBe(`全${total}件中、51〜${total}件目を表示しています。`);
    expect(await rows.count()).toBe(Number(total) - 50);
    expect(await next.isDisabled()).toBe(true);
    // The button went disabled under the pointer: the reader is taken to the table's heading.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('caseload-title');
    expect(new URL(page.url()).searchParams.get('from')).toBe('50');
    // The oldest of the sixty comes last; Back from its case returns to this page.
    expect(await rows.last().textContent()).toContain('架空 1郎');
    await rows.last().getByRole('link').click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
    await page.goBack();
    await expect
      .poll(() => pages.locator('p').textContent())
      .toBe(`全${total}件中、51〜${total}件目を表示しています。`);

    await previous.click();
    await expect
      .poll(() => pages.locator('p').textContent())
      .toBe(`全${total}件中、1〜50件目を表示しています。`);
    expect(await previous.isDisabled()).toBe(true);
    // The due lists stay on the page while the table turns.
    expect(await page.getByRole('heading', { name: '本日の確認事項' }).count()).toBe(1);
  });

  it('says so when a search finds more cases than it shows', async () => {
    const db = h.database.db;
    const worker = await demoWorker();
    // Fifty-five fictional namesakes, each with a case of the demo worker's agency.
    const key = searchKey('検索 多数', 'けんさく たすう');
    const people = await db
      .insertInto('person')
      .values(
        Array.from({ length: 55 }, () => ({
          municipality_id: worker.municipality_id,
          name: '検索 多数',
          name_kana: 'けんさく たすう',
          search_text: key.text,
          search_grams: key.grams,
        })),
      )
      .returning('id')
      .execute();
    await db
      .insertInto('support_case')
      .values(
        people.map((p, i) => ({
          municipality_id: worker.municipality_id,
          case_number: `2018-${String(i + 1).padStart(5, '0')}`,
          person_id: p.id,
          support_agency_id: worker.support_agency_id ?? '',
          status: 'intake' as const,
          opened_on: '2018-06-01',
        })),
      )
      .execute();

    const { page } = await CaseScreens.signedIn(h, 'shien');
    await page.goto(`${h.origin}/cases?q=${encodeURIComponent('けんさく')}`);
    const count = page.getByTestId('case-search-count');
    await expect.poll(() => count.textContent()).toContain('該当するケースが多いため');
    expect(await count.textContent()).toContain('受付日の新しい50件だけを表示しています');
    expect(await page.getByTestId('case-search-results').locator('tbody tr').count()).toBe(50);

    // Narrowed to one name, the count is plain again.
    await page.goto(`${h.origin}/cases?q=${encodeURIComponent('けんさく たすう')}&status=ended`);
    await expect.poll(() => count.textContent()).toBe('0件');
  });
});
