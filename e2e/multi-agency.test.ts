import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, signIn, startHarness } from './support/harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.close();
});

/** Seed 004's five agencies, as the demo names them. */
const agencies = [
  '障害者相談支援事業所 さくら架空',
  '架空市中央地域包括支援センター',
  '居宅介護支援事業所 かくうケアプラン',
  '架空市高齢福祉課',
  '架空市障害福祉課',
];
const lead = '障害者相談支援事業所 さくら架空';

async function agencyLabels(page: Page) {
  return page
    .getByTestId('ecomap-svg')
    .getByTestId('ecomap-node-agency')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-label') ?? ''));
}

describe('the multi-agency household through the screens', () => {
  it("opens seed 004's household from the coordinator's list: five agencies with their roles and the lead, the ecomap and its table, and the A4 sheet", async () => {
    const { page } = await h.newPage();
    await signIn(page, h.origin, 'shunin');

    // The menu's 多機関協働 list names the household, its lead and its five agencies.
    await page.getByRole('link', { name: '多機関協働' }).first().click();
    const row = page
      .getByTestId('multi-agency-list')
      .getByRole('row')
      .filter({ hasText: '岡田 翔太' });
    await expect.poll(() => row.textContent()).toContain(lead);
    expect(await row.textContent()).toContain('協働中');
    await row.getByRole('link', { name: '岡田 翔太' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/\/multi_agency$/);
    const caseId = new URL(page.url()).pathname.split('/')[2] ?? '';

    // The tab: status, the five agencies with their roles, one lead.
    await expect.poll(() => page.getByTestId('ma-status').textContent()).toContain('協働中');
    const members = page.getByTestId('ma-member');
    await expect.poll(() => members.count()).toBe(5);
    const memberTexts = await members.allTextContents();
    for (const name of agencies) expect(memberTexts.some((t) => t.includes(name))).toBe(true);
    expect(memberTexts.every((t) => t.length > 30)).toBe(true);
    const leads = page.locator('[data-testid="ma-member"][data-lead="true"]');
    expect(await leads.count()).toBe(1);
    expect(await leads.textContent()).toContain(lead);
    expect(await page.getByTestId('ma-reviews').textContent()).toContain('架空市重層的支援会議');

    // The ecomap: the person, both parents, the five agencies, the lead marked, ties drawn in
    // their strengths (the mother's strained tie to her care manager in a zigzag).
    const svg = page.getByTestId('ecomap-svg');
    await svg.waitFor();
    expect(await svg.getAttribute('role')).toBe('img');
    expect(await svg.locator('title').first().textContent()).toContain('岡田 翔太');
    const labels = await agencyLabels(page);
    for (const name of agencies) expect(labels).toContain(name);
    expect(await svg.getByTestId('ecomap-node-member').count()).toBe(2);
    expect(await svg.getByTestId('ecomap-node-person').count()).toBe(1);
    const leadNode = svg.locator(`[data-testid="ecomap-node-agency"][data-label="${lead}"]`);
    expect(await leadNode.textContent()).toContain('主担当');
    expect(await svg.locator('polyline[data-strength="strained"]').count()).toBeGreaterThan(0);
    expect(await svg.locator('line[data-strength="strong"]').count()).toBeGreaterThan(0);
    expect(await svg.locator('line[data-strength="weak"]').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('ecomap-legend').textContent()).toContain('ストレス・対立がある');

    // The same ties as a table beside the diagram.
    const table = page.getByTestId('ecomap-table');
    const tableText = (await table.textContent()) ?? '';
    for (const name of agencies) expect(tableText).toContain(name);
    const leadRow = table.getByRole('row').filter({ hasText: lead }).first();
    expect(await leadRow.textContent()).toContain('主担当');
    expect(tableText).toContain('岡田 茂（父）');

    // The lead moves to the care centre: one lead still, on the list, the diagram and the table.
    await members
      .filter({ hasText: '架空市中央地域包括支援センター' })
      .getByRole('button', { name: '主担当にする' })
      .click();
    await expect.poll(() => leads.textContent()).toContain('架空市中央地域包括支援センター');
    expect(await leads.count()).toBe(1);
    await expect
      .poll(() =>
        svg
          .locator(
            '[data-testid="ecomap-node-agency"][data-label="架空市中央地域包括支援センター"]',
          )
          .textContent(),
      )
      .toContain('主担当');
    expect(await leadNode.textContent()).not.toContain('主担当');

    // The A4 sheet: the diagram, the legend and the table, printed as A4.
    await page.getByRole('link', { name: 'エコマップを印刷する' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/cases/${caseId}/print/ecomap`);
    const sheet = page.getByTestId('print-sheet');
    await sheet.waitFor();
    expect(await sheet.locator('h1').textContent()).toBe('エコマップ');
    expect(await page.getByTestId('print-notice').textContent()).toBeTruthy();
    await page.getByTestId('print-ecomap').getByTestId('ecomap-svg').waitFor();
    const printedText = (await sheet.textContent()) ?? '';
    for (const name of agencies) expect(printedText).toContain(name);
    await page.emulateMedia({ media: 'print' });
    const pdf = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
    expect(pdf.startsWith('%PDF')).toBe(true);
    expect(pdf).toMatch(/\/MediaBox \[0 0 59[45]\.\d+ 84[12]\.\d+\]/);

    // Nothing was fetched from anywhere but this server.
    expect(h.requests.every((url) => url.startsWith(h.origin) || url.startsWith('data:'))).toBe(
      true,
    );
  });

  it('shows the care centre’s staff the roles and the joint plan shared with their agency, without the controls', async () => {
    const { page } = await h.newPage();
    await signIn(page, h.origin, 'kankei');
    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: '多機関協働' })
      .click();
    const row = page
      .getByTestId('multi-agency-list')
      .getByRole('row')
      .filter({ hasText: '岡田 翔太' });
    await row.waitFor();
    // No CSV and no case number for a partner: the list shows only what the roles need.
    expect(await page.getByRole('button', { name: 'CSV' }).count()).toBe(0);
    expect(await row.textContent()).not.toMatch(/\d{4}-\d{5}/);
    await row.getByRole('link', { name: '岡田 翔太' }).click();
    await expect
      .poll(() => new URL(page.url()).pathname)
      .toMatch(/^\/multi-agency\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('ma-member').count()).toBe(5);
    expect(await page.getByRole('status').first().textContent()).toContain('本人の同意に基づいて');
    expect(await page.getByTestId('ma-plan').textContent()).toContain('父子が家に一緒にいる時間');
    expect(await page.getByRole('button', { name: '主担当にする' }).count()).toBe(0);
    expect(await page.getByTestId('ma-plan-form').count()).toBe(0);
    // The partner's view: no case number, no referral reason, no household roster, no notes.
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).not.toContain('ケース番号');
    expect(body).not.toContain('つなぎの理由');
    expect(body).not.toMatch(/\d{4}-\d{5}/);
    expect(await page.getByTestId('ma-review').count()).toBeGreaterThan(0);
  });
});
