import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseScreens, consentedCase } from './support/case-screens';
import { type Harness, signIn, startHarness } from './support/harness';

let h: Harness;
let caseId = '';
const person = { name: '宵宮 灯', kana: 'よいみや あかり' };
const resourceName = '夜間よりそい相談室';

beforeAll(async () => {
  h = await startHarness();
  caseId = await consentedCase(h, person, {
    topics: ['job_search', 'income'],
    mainTopic: 'job_search',
    consultationText: '夜勤明けにしか相談に来られない。仕事と生活費の相談。',
  });
});

afterAll(async () => {
  await h.close();
});

async function tableNames(page: Page) {
  await page.getByTestId('resource-table').waitFor();
  return page.getByTestId('resource-table').locator('tbody tr td:first-child a').allTextContents();
}

async function gapStatus(id: string) {
  const row = await h.database.db
    .selectFrom('resource_gap')
    .select(['status', 'resource_id'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row;
}

describe('the social-resource directory and resource gaps through the screens', () => {
  it('filters the directory, registers a resource, takes a gap to created with it, and names it as a provider in a plan', async () => {
    const { page } = await h.newPage();
    await signIn(page, h.origin, 'shunin');

    // The directory: places offering 中間的就労, then a search folding half-width kana.
    await page.getByRole('navigation').getByRole('link', { name: '社会資源' }).click();
    await page.getByRole('heading', { name: '社会資源', level: 1 }).waitFor();
    await page.locator('#filter-category').selectOption({ label: '場' });
    await page.locator('#filter-participation').selectOption('intermediate_work');
    await expect
      .poll(() => tableNames(page))
      .toEqual(['みどり農園（認定就労訓練事業）', 'リサイクル工房 つばさ（認定就労訓練事業）']);
    expect(new URL(page.url()).searchParams.get('participationKind')).toBe('intermediate_work');
    await page.locator('#filter-category').selectOption('');
    await page.locator('#filter-participation').selectOption('');
    await page.locator('#filter-q').fill('ﾌｰﾄﾞﾊﾞﾝｸ');
    await expect.poll(() => tableNames(page)).toEqual(['フードバンク架空']);
    await page.locator('#filter-q').fill('');
    await page.locator('#filter-community-base').click();
    await expect.poll(() => new URL(page.url()).search).toBe('?communityBase=true');
    await expect
      .poll(() => tableNames(page))
      .toEqual(['居場所カフェ ひだまり', '北地区ふれあいサロン']);

    // The printed list follows the filter.
    await page.getByRole('link', { name: '一覧を印刷する' }).click();
    const sheet = page.getByTestId('print-sheet');
    await sheet.waitFor();
    await expect.poll(() => sheet.textContent()).toContain('居場所カフェ ひだまり');
    expect(await sheet.textContent()).toContain('コーディネーター：森 ゆかり');
    expect(await sheet.textContent()).not.toContain('フードバンク架空');

    // A new resource, through the form.
    await page.goto(`${h.origin}/resources/new`);
    await page.locator('[id="name"]').fill(resourceName);
    await page.locator('[id="nameKana"]').fill('やかんよりそいそうだんしつ');
    await page.locator('[id="category"]').selectOption('service');
    await page.locator('[id="serviceClass"]').selectOption('D');
    await page.locator('fieldset[id="formality"] input[value="formal"]').check();
    await page.locator('[id="description"]').fill('平日20時まで、夜勤のある方の相談を受ける窓口。');
    await page.locator('[id="hours"]').fill('平日 17:00〜20:00');
    await page.locator('[id="tags"]').fill('夜間、相談');
    await page.getByRole('button', { name: '保存する', exact: true }).click();
    await page.getByText(`「${resourceName}」を保存しました。`).waitFor();
    const resource = await h.database.db
      .selectFrom('social_resource')
      .select(['id', 'tags', 'formal'])
      .where('name', '=', resourceName)
      .executeTakeFirstOrThrow();
    expect(resource).toMatchObject({ tags: ['夜間', '相談'], formal: true });

    // A gap raised by hand for the case, recognised, developed, and created with that resource.
    await page.getByRole('navigation').getByRole('link', { name: '地域課題' }).click();
    await page.getByText('地域課題を提起する').click();
    const raise = page.getByTestId('raise-gap');
    await raise.locator('[id="description"]').fill('夜勤のある人が相談できる時間帯の窓口がない');
    await raise.locator('#gap-case-search').fill('よいみや');
    await raise.getByRole('button', { name: '検索', exact: true }).click();
    await raise.getByRole('button', { name: new RegExp(`${person.name} 加える`) }).click();
    await raise.getByTestId('gap-cases').getByText(person.name).waitFor();
    await raise.getByRole('button', { name: '提起する', exact: true }).click();
    await expect
      .poll(() => new URL(page.url()).pathname)
      .toMatch(/^\/resource-gaps\/[0-9a-f-]{36}$/);
    const gapId = new URL(page.url()).pathname.split('/')[2] ?? '';
    await page.getByTestId('gap-affected-cases').getByText(person.name).waitFor();

    const step = page.getByTestId('gap-step');
    await step.locator('[id="note"]').fill('支援調整会議で地域課題として共有した。');
    await step.getByRole('button', { name: '地域課題として認識する' }).click();
    await expect.poll(async () => (await gapStatus(gapId)).status).toBe('recognised');
    await page.getByTestId('gap-status').getByText('地域課題として認識').waitFor();
    await step.getByRole('button', { name: '資源づくりに着手する' }).click();
    await expect.poll(async () => (await gapStatus(gapId)).status).toBe('in_development');
    await page.getByTestId('gap-status').getByText('資源づくりに着手').waitFor();
    await step.locator('[id="resourceId"]').selectOption({ label: `${resourceName}（D）` });
    await step.getByRole('button', { name: '資源ができたことを記録する' }).click();
    await expect
      .poll(() => gapStatus(gapId))
      .toEqual({ status: 'created', resource_id: resource.id });
    await page.getByTestId('gap-resource').getByRole('link', { name: resourceName }).waitFor();
    expect(await page.getByTestId('gap-history').textContent()).toContain(
      '支援調整会議で地域課題として共有した。',
    );

    // The worker writes the case's first plan and names the new resource as a provider.
    const worker = await CaseScreens.signedIn(h, 'shien');
    worker.caseId = caseId;
    await worker.assess('work', '夜勤の仕事を続けているが、昼間の相談に来られない。');
    await worker.draftPlan({
      longTermGoal: '生活のリズムを保ちながら、昼間の仕事に移る。',
      goals: ['夜間の窓口で月2回相談する'],
      service: { content: '夜間の相談（月2回）', serviceClass: 'C' },
    });
    await worker
      .field('services.0.socialResourceId')
      .selectOption({ label: `${resourceName}（D）` });
    // The class comes from the resource and stays editable.
    expect(await worker.field('services.0.serviceClass').inputValue()).toBe('D');
    const [draft] = await worker.planRows();
    await worker.click('下書きを保存する');
    // The save lands once the server has answered: under CI's full load that took over the
    // poll's default second; the other waits for a save allow ten.
    await expect
      .poll(
        async () =>
          h.database.db
            .selectFrom('plan_service')
            .select(['social_resource_id', 'service_class'])
            .where('plan_id', '=', draft?.id ?? '')
            .execute(),
        { timeout: 10_000 },
      )
      .toEqual([{ social_resource_id: resource.id, service_class: 'D' }]);

    // The printed plan names the provider.
    await worker.page.goto(`${h.origin}/cases/${caseId}/print/plan`);
    const plan = worker.page.getByTestId('print-sheet');
    await plan.waitFor();
    await expect.poll(() => plan.textContent()).toContain(resourceName);

    // Nothing was fetched from outside the server.
    expect(h.requests.filter((url) => !url.startsWith(h.origin))).toEqual([]);
  });
});

describe('the partner directory through the screens', () => {
  it('checks a CSV file before importing it, imports it, and prints how to refer to each agency', async () => {
    const { page } = await h.newPage();
    await signIn(page, h.origin, 'shunin');
    await page.goto(`${h.origin}/partner-agencies`);
    await page.getByText('CSVから取り込む').click();
    const panel = page.getByTestId('csv-import');
    const upload = (text: string) =>
      panel.locator('#csv-file').setInputFiles({
        name: 'partners.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`\uFEFF${text}`, 'utf-8'),
      });

    await upload('名称,分野,受付時間\r\n架空市こども家庭センター,子育て,平日 9:00〜17:00\r\n');
    await panel.getByRole('button', { name: '内容を確認する' }).click();
    const problems = panel.getByTestId('import-problems');
    await problems.waitFor();
    expect(await problems.textContent()).toContain('「子育て」は選択肢にありません。');
    expect(await panel.getByRole('button', { name: 'この内容で取り込む' }).isDisabled()).toBe(true);

    await upload(
      [
        '名称,分野,受付時間,つなぎ方',
        '架空市こども家庭センター,子ども,平日 8:30〜17:15,統括支援員へ電話で概要を伝える',
        '架空市消費生活センター,その他,平日 9:00〜16:00,予約のうえ同行可',
      ].join('\r\n'),
    );
    await panel.getByRole('button', { name: '内容を確認する' }).click();
    await panel.getByText('追加 1件・更新 1件・変更なし 0件').waitFor();
    await panel.getByRole('button', { name: 'この内容で取り込む' }).click();
    await panel.getByText('取り込みました。').waitFor();
    await page
      .getByTestId('partner-table')
      .getByRole('link', { name: '架空市消費生活センター' })
      .waitFor();

    await page.goto(`${h.origin}/partner-agencies/print?field=children`);
    const sheet = page.getByTestId('print-sheet');
    await sheet.waitFor();
    await expect.poll(() => sheet.textContent()).toContain('統括支援員へ電話で概要を伝える');
    expect(await sheet.textContent()).toContain('相談機関一覧');
    expect(await sheet.textContent()).not.toContain('架空市消費生活センター');
  });
});
