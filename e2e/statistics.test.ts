import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInJapan } from '../src/domain/text/wareki';
import { readXlsx } from '../src/server/test/read-xlsx';
import { type Harness, signIn, startHarness } from './support/harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.close();
});

/** 'YYYY-MM' `by` months from `month`. */
function shiftMonth(month: string, by: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The report once it shows the district asked for ('' for all) and is no longer reloading. */
async function settledReport(page: Page, districtId: string) {
  const report = page.getByTestId('statistics-report');
  await expect
    .poll(async () => [
      await report.getAttribute('data-district-id'),
      await report.getAttribute('aria-busy'),
    ])
    .toEqual([districtId, 'false']);
  return report;
}

/** 「5件」 → 5 */
const countIn = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

async function headline(page: Page) {
  const card = (id: string) => page.getByTestId(`headline-${id}-value`).textContent();
  const total = (id: string) => page.getByTestId(`monthly-${id}-total`).textContent();
  return {
    newConsultations: countIn(await card('newConsultations')),
    plans: countIn(await card('plans')),
    employmentSupportTargets: countIn(await card('employmentSupportTargets')),
    tables: {
      newConsultations: countIn(await total('newConsultations')),
      plans: countIn(await total('plans')),
      employmentSupportTargets: countIn(await total('employmentSupportTargets')),
    },
  };
}

/** The counts column of a monthly table on screen, by month. */
async function monthColumn(page: Page, indicator: string) {
  const rows = page.getByTestId(`monthly-${indicator}`).locator('tbody tr[data-month]');
  const entries: [string, number][] = [];
  for (const row of await rows.all()) {
    const month = (await row.getAttribute('data-month')) ?? '';
    entries.push([month, countIn(await row.locator('td').first().textContent())]);
  }
  return Object.fromEntries(entries);
}

describe('the statistics dashboard', () => {
  it('filters one district, shows each figure in its table, and downloads the same figures as .xlsx', async () => {
    const { page } = await h.newPage();
    await signIn(page, h.origin, 'jichitai');
    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: '統計' })
      .click();
    await page.getByRole('heading', { name: '統計', level: 1 }).waitFor();

    // The demo's stories run over the last ten months: choose the twelve months up to now.
    const thisMonth = todayInJapan().slice(0, 7);
    const from = shiftMonth(thisMonth, -11);
    await page.locator('#stats-period').selectOption('range');
    await page.locator('#stats-from').selectOption(from);
    await page.locator('#stats-to').selectOption(thisMonth);
    await expect
      .poll(async () => page.getByTestId('statistics-report').getAttribute('data-from'))
      .toBe(from);
    await settledReport(page, '');
    const all = await headline(page);
    expect(all.newConsultations).toBeGreaterThan(0);
    expect(all.tables.newConsultations).toBe(all.newConsultations);

    // The 目安値 set in the settings is drawn as the dashed line and written beside the figure.
    await page.getByLabel('新規相談受付件数（10万人あたり・月）').fill('２０');
    await page.getByRole('button', { name: '目安値を保存する' }).click();
    await page.getByText('目安値を保存しました。').waitFor();
    await expect
      .poll(() => page.getByTestId('headline-newConsultations').textContent())
      .toContain('目安値 20.00');
    const line = page.getByTestId('monthly-newConsultations').locator('line[stroke-dasharray]');
    await line.waitFor({ state: 'attached' });
    expect(await page.getByTestId('monthly-newConsultations').textContent()).toContain(
      '目安値 20.00',
    );

    // Every chart is an image with a Japanese name, and has its table.
    const chart = page.getByTestId('monthly-newConsultations').getByRole('img');
    expect(await chart.getAttribute('aria-labelledby')).toBeTruthy();
    expect(await chart.locator('title').textContent()).toBe('新規相談受付件数のグラフ');
    expect(
      await page.getByTestId('monthly-newConsultations').locator('table caption').textContent(),
    ).toBe('新規相談受付件数（表）');

    // One district: 東地区, where fewer of the demo's consultations came in than in the whole city.
    await page.locator('#stats-district').selectOption({ label: '東地区' });
    const districtId = new URL(page.url()).searchParams.get('districtId') ?? '';
    expect(districtId).not.toBe('');
    await settledReport(page, districtId);
    expect(await page.getByTestId('statistics-scope').textContent()).toContain('東地区');
    const east = await headline(page);
    expect(east.newConsultations).toBeGreaterThan(0);
    expect(east.tables).toEqual({
      newConsultations: east.newConsultations,
      plans: east.plans,
      employmentSupportTargets: east.employmentSupportTargets,
    });
    expect(east.newConsultations).toBeLessThan(all.newConsultations);

    // The filters live in the address: a reload shows the same district and period.
    await page.reload();
    await settledReport(page, districtId);
    expect(await page.locator('#stats-district').inputValue()).toBe(districtId);
    expect(await page.locator('#stats-from').inputValue()).toBe(from);
    expect(await headline(page)).toEqual(east);

    // The 支援ケース一覧 behind the figures opens on demand (it names people, so it is audited).
    await page.getByText('支援ケース一覧を表示する').click();
    const caseList = page.getByTestId('case-list');
    await caseList.waitFor();
    expect(await caseList.locator('tbody tr').count()).toBeGreaterThan(0);
    // (A case that moved during the range shows its district now, so not every row need say 東地区.)
    expect(await caseList.locator('tbody tr td:nth-child(5)').allTextContents()).toContain(
      '東地区',
    );

    // The .xlsx of what is on screen, through the browser's own download.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Excel（.xlsx）' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const path = await download.path();
    const book = readXlsx(new Uint8Array(await readFile(path)));
    await page
      .getByTestId('downloads')
      .getByText(/を保存しました。/)
      .waitFor();

    const sheet = xlsxIndicators(book);
    expect(sheet.district).toBe('東地区');
    expect(sheet.newConsultations).toBe(east.newConsultations);
    expect(sheet.plans).toBe(east.plans);
    expect(sheet.employmentSupportTargets).toBe(east.employmentSupportTargets);
    expect(sheet.newConsultations).not.toBe(all.newConsultations);
    // Month by month too: the file's column is the screen's table.
    expect(sheet.newConsultationsByMonth).toEqual(await monthColumn(page, 'newConsultations'));

    // The national per-person CSV says how many of its rows have come, then saves the file.
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '国の統計入力用（CSV）' }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const text = await readFile(await csv.path(), 'utf8');
    const lines = text.trim().split(/\r?\n/).length - 1;
    await page
      .getByTestId('downloads')
      .getByText(`${csv.suggestedFilename()}を保存しました。`)
      .waitFor();
    expect(await page.getByTestId('download-progress').textContent()).toContain(
      `${lines}／${lines}行を受信しました`,
    );
  });
});

type Cell = string | number | null;

/**
 * The 指標（月別） sheet of the report's .xlsx (src/server/statistics/export-report.ts): a title
 * block (自治体, 地区, 期間 …), a header row starting with 月, one row per month, and 合計.
 */
function xlsxIndicators(book: Record<string, Cell[][]>) {
  const rows = book['指標（月別）'];
  if (!rows) throw new Error(`no 指標（月別） sheet: ${Object.keys(book).join(', ')}`);
  const header = rows.find((r) => r[0] === '月');
  if (!header) throw new Error('no header row');
  const column = (name: string) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`no column ${name}`);
    return index;
  };
  const total = rows.find((r) => r[0] === '合計') ?? [];
  const months = rows.filter((r) => typeof r[0] === 'string' && /^\d{4}-\d{2}$/.test(r[0]));
  const nc = column('新規相談受付件数');
  return {
    district: rows.find((r) => r[0] === '地区')?.[1],
    newConsultations: total[nc],
    plans: total[column('プラン作成件数')],
    employmentSupportTargets: total[column('①就労支援対象者数')],
    newConsultationsByMonth: Object.fromEntries(months.map((r) => [r[0], r[nc]])),
  };
}

describe('the statistics settings', () => {
  it('keeps what was typed when someone else saved the 目安値 first, and saves a district population', async () => {
    const { page } = await h.newPage();
    await signIn(page, h.origin, 'jichitai');
    await page.goto(`${h.origin}/statistics`);
    const form = page.getByTestId('targets-form');
    await form.waitFor();
    const field = page.getByLabel('就労・増収率（％）');
    await field.fill('65');

    // Meanwhile another officer saves the 目安値 (a newer version).
    await h.database.db
      .updateTable('statistics_target')
      .set((eb) => ({ plans: 13, version: eb('version', '+', 1) }))
      .execute();
    await page.getByRole('button', { name: '目安値を保存する' }).click();
    const conflict = page.getByTestId('conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('就労・増収率（％）');
    expect(await field.inputValue()).toBe('65');
    await conflict.getByRole('button', { name: '自分の入力で保存し直す' }).click();
    await form.getByText('目安値を保存しました。').waitFor();
    const saved = await h.database.db
      .selectFrom('statistics_target')
      .select(['employment_rate', 'plans'])
      .executeTakeFirstOrThrow();
    expect(Number(saved.employment_rate)).toBeCloseTo(0.65);

    // A district's population: the per-100,000 figures of that district use it.
    const west = page.getByLabel('西地区の人口');
    await west.fill('３０，０００');
    await west.locator('xpath=ancestor::form').getByRole('button', { name: '保存する' }).click();
    await page.getByText('西地区の人口を保存しました。').waitFor();
    const district = await h.database.db
      .selectFrom('district')
      .select('population')
      .where('name', '=', '西地区')
      .executeTakeFirstOrThrow();
    expect(district.population).toBe(30_000);

    // The same screen in English, charts and tables included.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Statistics', level: 1 }).waitFor();
    expect(
      await page.getByTestId('monthly-newConsultations').locator('svg title').textContent(),
    ).toBe('Chart: New consultations');
    await page.getByRole('button', { name: '日本語' }).click();
  });
});
