import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoScriptOn } from '../src/server/demo/seed-demo';
import { testConfig } from '../src/server/test/test-app';
import { CaseScreens, consentedCase } from './support/case-screens';
import { type Harness, signIn, startHarness } from './support/harness';
import { slowly } from './support/network';

let h: Harness;
let caseId = '';

beforeAll(async () => {
  h = await startHarness();
  // A case in support under a plan with one monitoring due, made through the demo script.
  const s = await demoScriptOn(h.database, testConfig(), new Date());
  caseId = await consentedCase(
    s,
    { name: '記録 待子', kana: 'きろく まちこ' },
    { topics: ['income'], mainTopic: 'income', consultationText: '収入が減り、家賃が払えない。' },
  );
  await s.assess(
    caseId,
    { start: -8, complete: -8 },
    {
      domains: [
        {
          domain: 'income_budget_debt',
          situation: '収入が生活費に足りていない。',
          sources: ['person'],
        },
      ],
    },
  );
  await s.plan(
    caseId,
    {
      longTermGoal: '家賃を払い続けられる暮らしに戻る。',
      periodStart: s.date(-4),
      periodEnd: s.date(86),
      monitoringDates: [-1],
      goals: [{ goal: '家計を見直す' }],
      services: [
        { content: '家計の相談', providerName: '架空市生活支援相談センター', serviceClass: 'D' },
      ],
    },
    {
      write: -7,
      submit: -6,
      adopt: -5,
      adoptNote: '支援調整会議で了承。',
      decide: -4,
      decision: { kind: 'confirmation' },
      start: -4,
    },
  );
});

afterAll(async () => {
  await h.close();
});

describe('saving a record the screen then shows afresh', () => {
  it('a meeting item: what is typed while the save is on its way waits for the saved record', async () => {
    // The demo's next 支援調整会議, with 海野 健二's case on its agenda.
    const item = await h.database.db
      .selectFrom('meeting_item')
      .innerJoin('meeting', 'meeting.id', 'meeting_item.meeting_id')
      .innerJoin('support_case', 'support_case.id', 'meeting_item.case_id')
      .innerJoin('person', 'person.id', 'support_case.person_id')
      .select(['meeting_item.id', 'meeting_item.meeting_id'])
      .where('person.name', '=', '海野 健二')
      .where('meeting.status', '=', 'planned')
      .executeTakeFirstOrThrow();
    const { page } = await h.newPage();
    await signIn(page, h.origin, 'shunin');
    await page.goto(`${h.origin}/meetings/${item.meeting_id}`);
    const row = page.getByTestId('agenda-item').filter({ hasText: '海野 健二' });
    await row.getByRole('button', { name: '記録する' }).click();
    const record = row.getByTestId('item-record-form');
    const field = (key: string) => record.locator(`[id="item-${item.id}-${key}"]`);

    // Both the save and the meeting read again after it are slow.
    await slowly(
      page,
      (method, path) =>
        (method === 'POST' && path.endsWith(`/items/${item.id}/record`)) ||
        (method === 'GET' && path === `/api/meetings/${item.meeting_id}`),
    );
    await field('discussion').fill('中間的就労を週4日に増やす。家計への影響は次回確認する。');
    await record.getByRole('button', { name: '記録を保存する' }).click();
    // Typed at once: the row comes back with the saved record (keyed by its version, so a new
    // form); the field is disabled until it has, then takes the words.
    await field('decisionNote').fill('日数の変更はプラン変更なしで対応する。');
    await record.getByRole('button', { name: '記録を保存する' }).click();
    await expect
      .poll(
        () =>
          h.database.db
            .selectFrom('meeting_item')
            .select(['discussion', 'decision_note'])
            .where('id', '=', item.id)
            .executeTakeFirst(),
        { timeout: 15_000 },
      )
      .toEqual({
        discussion: '中間的就労を週4日に増やす。家計への影響は次回確認する。',
        decision_note: '日数の変更はプラン変更なしで対応する。',
      });
  });

  it('a monitoring entry: its form takes nothing while the record is saved and the case read again', async () => {
    const worker = await CaseScreens.signedIn(h, 'shien');
    worker.caseId = caseId;
    await worker.tab('monitoring');
    const form = worker.page.getByTestId('monitoring-form');
    await form.waitFor();

    // The save is slow; the case read again after it is held until the test lets it go.
    let reloading = () => {};
    const reloadStarted = new Promise<void>((resolve) => {
      reloading = resolve;
    });
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let saved = false;
    await worker.page.route('**/api/cases/**', async (route) => {
      const method = route.request().method();
      const path = new URL(route.request().url()).pathname;
      if (method === 'PUT' && path.includes('/monitoring/')) {
        await new Promise((r) => setTimeout(r, 1500));
        saved = true;
      } else if (saved && method === 'GET' && path === `/api/cases/${caseId}`) {
        reloading();
        await released;
      }
      await route.continue();
    });
    await worker.fill('progress', '家計表をつけ始め、今月の家賃は払えた。');
    // Whether the form's fields are ever enabled again while the form is still on the page.
    await worker.page.evaluate(() => {
      const fieldset = document.querySelector<HTMLFieldSetElement>(
        '[data-testid="monitoring-form"] fieldset',
      );
      const seen = window as unknown as { enabledAgain: boolean };
      seen.enabledAgain = false;
      if (!fieldset) throw new Error('no fieldset in the monitoring form');
      new MutationObserver(() => {
        if (!fieldset.disabled && fieldset.isConnected) seen.enabledAgain = true;
      }).observe(fieldset, { attributes: true, attributeFilter: ['disabled'] });
    });
    await worker.click('モニタリングを記録する');
    // The recorded entry is done, and its form goes once the case is read again: until then
    // nothing can be typed into it, as it would be lost with it.
    await expect.poll(() => worker.field('changes').isDisabled(), { timeout: 1000 }).toBe(true);
    await reloadStarted;
    await worker.page.waitForTimeout(200);
    expect(await worker.field('changes').isDisabled()).toBe(true);
    release();
    await form.waitFor({ state: 'detached', timeout: 10_000 });
    // Not even for a moment between the reload and the form's going.
    expect(
      await worker.page.evaluate(
        () => (window as unknown as { enabledAgain: boolean }).enabledAgain,
      ),
    ).toBe(false);
    const rows = await h.database.db
      .selectFrom('monitoring')
      .select(['progress', 'changes', 'done_on'])
      .where('case_id', '=', caseId)
      .execute();
    expect(rows).toEqual([
      {
        progress: '家計表をつけ始め、今月の家賃は払えた。',
        changes: null,
        done_on: expect.any(String),
      },
    ]);
  });
});

describe('the keyboard focus across a save', () => {
  it('goes back to the button that sent the form, after an error and after a save that keeps the form', async () => {
    const worker = await CaseScreens.signedIn(h, 'shien');
    worker.caseId = caseId;
    await worker.tab('records');
    const form = worker.page.getByTestId('contact-form');
    const send = form.getByRole('button', { name: '記録する', exact: true });
    const focusedText = () =>
      worker.page.evaluate(() => (document.activeElement as HTMLElement | null)?.textContent ?? '');

    // Sent from the keyboard without the required summary: the fields were disabled while it
    // went, and the focus is back on the button, next to the error to correct.
    await send.focus();
    await worker.page.keyboard.press('Enter');
    await form.getByTestId('error-summary').waitFor();
    await expect.poll(focusedText).toBe('記録する');

    // Written and sent again: the form stays for the next record, and so does the focus.
    await worker.fill('summary', '電話で家計表の記入を確認した。');
    await send.focus();
    await worker.page.keyboard.press('Enter');
    await worker.page
      .getByTestId('contact-list')
      .getByText('電話で家計表の記入を確認した。')
      .waitFor();
    await expect.poll(focusedText).toBe('記録する');
    expect(await worker.field('summary').inputValue()).toBe('');
  });
});

describe('saving the same record twice in one visit', () => {
  it('a detection: the second save is made from the first one’s version, not refused as a conflict, and the focus stays on its button', async () => {
    // The demo's new lead (発見), still before its first consultation.
    const lead = await h.database.db
      .selectFrom('detection')
      .innerJoin('support_case', 'support_case.id', 'detection.case_id')
      .select(['support_case.id', 'detection.version'])
      .where('support_case.status', '=', 'detected')
      .executeTakeFirstOrThrow();
    const worker = await CaseScreens.signedIn(h, 'shien');
    worker.caseId = lead.id;
    await worker.tab('intake');
    const form = worker.page.locator('form', { has: worker.page.locator('[id="signs"]') });
    const signs = async () =>
      (
        await h.database.db
          .selectFrom('detection')
          .select(['signs', 'version'])
          .where('case_id', '=', lead.id)
          .executeTakeFirstOrThrow()
      ).signs;

    await worker.fill('signs', '郵便受けに郵便物がたまっている。');
    await form.getByRole('button', { name: '保存する' }).click();
    await expect.poll(signs).toBe('郵便受けに郵便物がたまっている。');
    // The second time from the keyboard: the saved detection comes back as a new form, and the
    // focus is on its button, as it was on the replaced one's.
    await worker.fill('signs', '郵便受けに郵便物がたまり、夜も明かりがつかない。');
    await form.getByRole('button', { name: '保存する' }).focus();
    await worker.page.keyboard.press('Enter');
    await expect.poll(signs).toBe('郵便受けに郵便物がたまり、夜も明かりがつかない。');
    expect(await form.getByTestId('error-summary').count()).toBe(0);
    await expect
      .poll(() =>
        worker.page.evaluate(() => {
          const active = document.activeElement;
          return `${active?.closest('form')?.querySelector('[id="signs"]') ? 'detection' : '-'} ${active?.textContent ?? ''}`;
        }),
      )
      .toBe('detection 保存する');
  });
});
