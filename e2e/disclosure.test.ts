import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, signIn, startHarness } from './support/harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.close();
});

describe('the disclosure of one person (開示) through the screens', () => {
  it('opens from the person tab, shows every section, prints on A4 and downloads the JSON', async () => {
    const { page } = await h.newPage();
    await signIn(page, h.origin, 'shunin');

    // A demo household the chief supports: seed 004's son, through the 多機関協働 list.
    await page.getByRole('link', { name: '多機関協働' }).first().click();
    const row = page
      .getByTestId('multi-agency-list')
      .getByRole('row')
      .filter({ hasText: '岡田 翔太' });
    await row.getByRole('link', { name: '岡田 翔太' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/\/multi_agency$/);
    const caseId = new URL(page.url()).pathname.split('/')[2] ?? '';

    // The person tab offers the disclosure to the chief.
    await page.getByRole('link', { name: '本人・世帯' }).click();
    await page.getByRole('link', { name: '保有個人情報の開示資料を作成する' }).click();
    await expect
      .poll(() => new URL(page.url()).pathname)
      .toMatch(/^\/persons\/[0-9a-f-]+\/disclosure$/);
    const personId = new URL(page.url()).pathname.split('/')[2] ?? '';

    // The document: the title, the person, each case with its sections, the provision record.
    const sheet = page.getByTestId('print-sheet');
    await sheet.waitFor();
    expect(await sheet.locator('h1').textContent()).toBe('保有個人情報開示資料');
    await page.getByTestId('disclosure-case').first().waitFor();
    const text = (await sheet.textContent()) ?? '';
    for (const heading of [
      'この資料について',
      'ご本人の情報',
      '世帯の状況',
      '状態の経過',
      '相談受付・振り分け',
      '利用申込・同意',
      'アセスメント',
      'プラン',
      '支援経過記録',
      'つなぎ（他機関への紹介）',
      '添付書類（書類名のみ）',
      '会議での検討',
      '多機関協働',
      '参加支援',
      '地区の履歴',
      '提供記録（この方の情報を提供した先）',
    ]) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('岡田 翔太');
    expect(text).toContain('川村 健一');
    expect(text).toMatch(/令和\d+年\d+月\d+日/);
    // Empty sections say so rather than vanish.
    expect(text).toContain('記録はありません。');
    // Seed 004's agencies appear among those the information went to.
    expect(text).toContain('障害者相談支援事業所 さくら架空');

    // On A4, for the paper file.
    await page.emulateMedia({ media: 'print' });
    const pdf = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
    expect(pdf.startsWith('%PDF')).toBe(true);
    expect(pdf).toMatch(/\/MediaBox \[0 0 59[45]\.\d+ 84[12]\.\d+\]/);
    await page.emulateMedia({ media: 'screen' });

    // And as JSON, through the browser's own download.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'JSONファイルをダウンロードする' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^開示_.+\.json$/);
    const json = JSON.parse(await readFile(await download.path(), 'utf8')) as {
      format: string;
      person: { id: string; name: string };
      cases: { case: { id: string } }[];
      provisions: unknown[];
    };
    expect(json.format).toBe('tsunagu.disclosure');
    expect(json.person).toMatchObject({ id: personId, name: '岡田 翔太' });
    expect(json.cases.map((c) => c.case.id)).toContain(caseId);
    expect(json.provisions.length).toBeGreaterThan(0);

    // Each opening and each download is recorded.
    const rows = await h.database.db
      .selectFrom('audit_log')
      .select(['outcome', 'person_id'])
      .where('action', '=', 'person.disclose')
      .where('actor_login_id', '=', 'shunin')
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.every((r) => r.outcome === 'success' && r.person_id === personId)).toBe(true);

    // Nothing was fetched from anywhere but this server.
    expect(h.requests.every((url) => url.startsWith(h.origin) || url.startsWith('data:'))).toBe(
      true,
    );
  });
});
