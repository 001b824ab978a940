import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildXlsx } from '../src/server/http/xlsx';
import { type Harness, signIn, startHarness } from './support/harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.close();
});

const personHeader = '管理番号,氏名,ふりがな,性別,生年月日,住所,電話,地区';
const people = [
  { ref: 'E2E-P-1', name: '取込 一郎', line: '取込 一郎,とりこみ いちろう,男性,昭和52年4月3日' },
  { ref: 'E2E-P-2', name: '取込 花子', line: '取込 花子,とりこみ はなこ,女性,1985-11-20' },
];

function csvFile(lines: string[]) {
  return {
    name: '相談者一覧.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf-8'),
  };
}

async function personsNamed(names: string[]) {
  return h.database.db
    .selectFrom('person')
    .select(['name', 'sex', 'birth_date'])
    .where('name', 'in', names)
    .orderBy('name')
    .execute();
}

describe('bulk import through the screen', () => {
  it('reports a bad row by row and column and writes nothing, imports the corrected file, and finds it unchanged the next time; then cases from an .xlsx', async () => {
    const { page } = await h.newPage();
    await signIn(page, h.origin, 'shien');
    await page.getByRole('navigation').getByRole('link', { name: '一括取り込み' }).click();
    await page.getByRole('heading', { name: '一括取り込み', level: 1 }).waitFor();
    expect(await page.getByTestId('import-order').textContent()).toContain(
      '「1. 相談者」→「2. 相談」→「3. 支援経過記録」の順に',
    );

    // The columns of the chosen kind, and a template with their headings only.
    const columns = page.getByTestId('import-columns');
    expect(await columns.locator('tbody th').allTextContents()).toEqual(personHeader.split(','));
    expect(await columns.textContent()).toContain(
      '入れられる値：「男性」「女性」「その他」「回答なし」',
    );
    const [template] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '見出しだけのCSVをダウンロード' }).click(),
    ]);
    expect(template.suggestedFilename()).toBe('一括取り込み_相談者.csv');
    expect(await readFile(await template.path(), 'utf8')).toBe(`\uFEFF${personHeader}\r\n`);

    const panel = page.getByTestId('csv-import');
    const file = panel.getByLabel('取り込むファイル（CSV または Excel）');
    const check = panel.getByRole('button', { name: '確認する（取り込まない）' });
    const apply = panel.getByRole('button', { name: '取り込む', exact: true });
    const status = panel.getByTestId('import-status');

    // One bad row: the whole file waits, the problem is named by row and column.
    await file.setInputFiles(
      csvFile([
        personHeader,
        `${people[0]?.ref},${people[0]?.line},,,北地区`,
        `${people[1]?.ref},取込 花子,とりこみ はなこ,おんな,1985-11-20,,,`,
      ]),
    );
    await check.click();
    const problems = panel.getByTestId('import-problems');
    await problems.waitFor();
    expect(await problems.locator('tbody tr').count()).toBe(1);
    expect(await problems.locator('tbody tr td').allTextContents()).toEqual([
      '3',
      '性別',
      '「おんな」は選択肢にありません。「男性」、「女性」、「その他」、「回答なし」のいずれかを入れてください。',
    ]);
    expect(await status.textContent()).toContain('1件の問題があるため、取り込めません。');
    expect(await apply.isDisabled()).toBe(true);
    expect(await personsNamed(people.map((p) => p.name))).toEqual([]);

    // The corrected file: checked (nothing written yet), then imported. The server is slowed
    // here so that the screen's progress can be seen.
    const corrected = csvFile([
      personHeader,
      `${people[0]?.ref},${people[0]?.line},,,北地区`,
      `${people[1]?.ref},${people[1]?.line},,03-0000-1234,`,
    ]);
    await file.setInputFiles(corrected);
    await check.click();
    await status.getByText('新規 2件・変更なし 0件').waitFor();
    expect(await personsNamed(people.map((p) => p.name))).toEqual([]);
    await page.route('**/api/imports/**', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    await apply.click();
    await status.getByText('処理中…').waitFor();
    expect(await check.isDisabled()).toBe(true);
    expect(await apply.isDisabled()).toBe(true);
    await status.getByText('取り込みました。').waitFor();
    await page.unroute('**/api/imports/**');
    expect(await panel.getByTestId('import-summary').textContent()).toBe('新規 2件・変更なし 0件');
    expect(await personsNamed(people.map((p) => p.name))).toEqual([
      { name: '取込 一郎', sex: 'male', birth_date: '1977-04-03' },
      { name: '取込 花子', sex: 'female', birth_date: '1985-11-20' },
    ]);

    // The same file again: every row unchanged, nothing to import.
    await file.setInputFiles(corrected);
    await check.click();
    await status.getByText('新しく登録する行はありません。').waitFor();
    expect(await panel.getByTestId('import-summary').textContent()).toBe('新規 0件・変更なし 2件');
    expect(await apply.isDisabled()).toBe(true);

    // Their cases, from an Excel workbook, after choosing the kind.
    await page.getByRole('radio', { name: '2. 相談' }).check();
    await expect.poll(() => new URL(page.url()).searchParams.get('kind')).toBe('cases');
    await page.getByRole('heading', { name: '相談のファイルの列' }).waitFor();
    const workbook = buildXlsx([
      {
        name: '相談',
        columns: [
          { header: '管理番号' },
          { header: '相談者番号' },
          { header: '受付日', format: 'date' },
          { header: '経路' },
          { header: '相談内容の分類' },
          { header: '状態' },
        ],
        rows: [
          ['E2E-K-1', 'E2E-P-1', '2026-04-06', '本人が来所', '仕事探し、就職について', '支援中'],
          ['E2E-K-2', 'E2E-P-2', '2026-04-07', '関係機関から', '住まいについて', ''],
        ],
      },
    ]);
    await panel.getByLabel('取り込むファイル（CSV または Excel）').setInputFiles({
      name: '相談一覧.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(workbook),
    });
    await check.click();
    await status.getByText('新規 2件・変更なし 0件').waitFor();
    await apply.click();
    await status.getByText('取り込みました。').waitFor();
    const cases = await h.database.db
      .selectFrom('support_case')
      .innerJoin('person', 'person.id', 'support_case.person_id')
      .innerJoin('intake', 'intake.case_id', 'support_case.id')
      .select(['person.name', 'support_case.status', 'intake.received_on', 'intake.main_topic'])
      .where(
        'person.name',
        'in',
        people.map((p) => p.name),
      )
      .orderBy('person.name')
      .execute();
    expect(cases).toEqual([
      {
        name: '取込 一郎',
        status: 'in_support',
        received_on: '2026-04-06',
        main_topic: 'job_search',
      },
      { name: '取込 花子', status: 'intake', received_on: '2026-04-07', main_topic: 'housing' },
    ]);

    // Nothing was fetched from outside the server.
    expect(h.requests.filter((url) => !url.startsWith(h.origin))).toEqual([]);
  });

  it('is not offered to the municipal officer, who may not open cases', async () => {
    const { page } = await h.newPage();
    await signIn(page, h.origin, 'jichitai');
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: '統計' }).waitFor();
    expect(await nav.getByRole('link', { name: '一括取り込み' }).count()).toBe(0);
    await page.goto(`${h.origin}/imports`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('heading', { name: '一括取り込み', level: 1 }).count()).toBe(0);
  });
});
