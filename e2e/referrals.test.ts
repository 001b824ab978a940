import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatWareki } from '../src/domain/text/wareki';
import { CaseScreens, inDays, today } from './support/case-screens';
import { type Harness, signIn, startHarness } from './support/harness';
import { slowly } from './support/network';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.close();
});

const careCentre = '架空市中央地域包括支援センター';
const reason = '父の退院後の在宅介護について、介護保険の申請と訪問の調整をお願いしたい。';
const handOver = '父は脳梗塞で入院中。来月退院予定。本人は就労中で、平日日中の介護が難しい。';

async function referralOf(caseId: string) {
  return h.database.db
    .selectFrom('referral')
    .select(['id', 'status'])
    .where('case_id', '=', caseId)
    .where('reason', '=', reason)
    .executeTakeFirst();
}

describe('つなぎ through the screens', () => {
  it('a support worker refers a person to the care centre; its staff accept; the worker confirms arrival; the case timeline shows all three', async () => {
    const sakaguchi = await h.database.db
      .selectFrom('support_case')
      .innerJoin('person', 'person.id', 'support_case.person_id')
      .select('support_case.id')
      .where('person.name', '=', '坂口 真由美')
      .executeTakeFirstOrThrow();

    // shien refers Cさん's father's care to the care centre, with a hand-over within consent,
    // the dates typed in 和暦.
    const worker = await CaseScreens.signedIn(h, 'shien');
    worker.caseId = sakaguchi.id;
    await worker.tab('referrals');
    const form = worker.page.getByTestId('referral-new');
    await form.locator('[id="referral-partnerAgencyId"]').selectOption({ label: careCentre });
    await expect
      .poll(() => form.getByTestId('referral-consent').textContent())
      .toContain('本人の同意');
    await worker.fill('referral-reason', reason);
    await worker.fill('referral-handOverSummary', handOver);
    await worker.check('referral-accompanied');
    await worker.fill('referral-dueOn', formatWareki(inDays(5)));
    await worker.fill('referral-followUpOn', formatWareki(inDays(14)));
    await form.getByRole('button', { name: 'つなぐ', exact: true }).click();
    await expect.poll(async () => (await referralOf(sakaguchi.id))?.status).toBe('pending');
    const referral = await referralOf(sakaguchi.id);
    // The case stays the worker's: its status does not change.
    expect(await worker.status()).toBe('in_support');

    // kankei (the care centre) finds it in the inbox, reads the hand-over, and accepts.
    const { page: partner } = await h.newPage();
    await signIn(partner, h.origin, 'kankei');
    await partner
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: 'つなぎ', exact: true })
      .click();
    const item = partner.getByTestId('inbox-item').filter({ hasText: reason });
    await expect.poll(() => item.count()).toBe(1);
    await item.getByRole('link', { name: '共有された情報を見る' }).click();
    await expect
      .poll(() => partner.getByTestId('shared-hand-over').allTextContents())
      .toContain(handOver);
    await partner.goBack();
    await item.getByRole('button', { name: '受け入れる' }).click();
    await expect.poll(async () => (await referralOf(sakaguchi.id))?.status).toBe('accepted');

    // The worker confirms that Cさん's father was taken on: the person arrived.
    await worker.tab('referrals');
    const card = worker.page.getByTestId('referral').filter({ hasText: reason });
    await expect.poll(() => card.getByTestId('referral-status').textContent()).toBe('受入れ');
    await card.locator(`[id="referral-${referral?.id}-on"]`).fill(formatWareki(today));
    await card
      .locator(`[id="referral-${referral?.id}-note"]`)
      .fill('本人から、訪問を受けたと連絡があった。');
    await card.getByRole('button', { name: '記録する', exact: true }).click();
    await expect.poll(async () => (await referralOf(sakaguchi.id))?.status).toBe('arrived');

    // The case timeline shows the three steps.
    await worker.tab('overview');
    const timeline = worker.page.getByTestId('timeline');
    await expect.poll(() => timeline.textContent()).toContain(`到着を確認：${careCentre}`);
    const text = (await timeline.textContent()) ?? '';
    expect(text).toContain(`つなぎを依頼：${careCentre}`);
    expect(text).toContain(`受入れ：${careCentre}`);
    // Newest first: arrived, accepted, sent.
    const at = (s: string) => text.indexOf(s);
    expect(at(`到着を確認：${careCentre}`)).toBeLessThan(at(`受入れ：${careCentre}（`));
    expect(at(`受入れ：${careCentre}`)).toBeLessThan(at(`つなぎを依頼：${careCentre}（`));
  });

  it('the care centre records what it did for the person and corrects it; the worker reads it on the つなぎ tab', async () => {
    const sakaguchi = await h.database.db
      .selectFrom('support_case')
      .innerJoin('person', 'person.id', 'support_case.person_id')
      .select('support_case.id')
      .where('person.name', '=', '坂口 真由美')
      .executeTakeFirstOrThrow();
    const { page: partner } = await h.newPage();
    await signIn(partner, h.origin, 'kankei');
    await partner.goto(`${h.origin}/shared-cases/${sakaguchi.id}`);
    const added = partner.getByTestId('activity-new');
    await added.locator('[id="activity-occurredOn"]').fill(formatWareki(today));
    await added.locator('[id="activity-kind"]').selectOption({ label: '訪問' });
    await added
      .locator('[id="activity-summary"]')
      .fill('父の自宅を訪問し、介護保険の申請書類を一緒に記入した。');
    await added.getByRole('button', { name: '記録する', exact: true }).click();
    const record = partner
      .getByTestId('partner-activity')
      .filter({ hasText: '介護保険の申請書類を一緒に記入した' });
    await expect.poll(() => record.count()).toBe(1);

    // A correction, at the version it was read.
    await record.getByText('この記録を修正する').click();
    const edit = record.getByTestId('activity-edit');
    const summary = edit.locator('textarea');
    await summary.fill('父の自宅を訪問し、介護保険の申請書類を長女と一緒に記入した。');
    await edit.getByRole('button', { name: '保存する', exact: true }).click();
    await expect
      .poll(
        async () =>
          (
            await h.database.db
              .selectFrom('partner_activity')
              .select(['summary', 'version'])
              .where('case_id', '=', sakaguchi.id)
              .where('summary', 'like', '%長女と一緒に%')
              .executeTakeFirst()
          )?.version,
      )
      .toBe(2);

    // The worker sees the agency's record under the referral.
    const worker = await CaseScreens.signedIn(h, 'shien');
    worker.caseId = sakaguchi.id;
    await worker.tab('referrals');
    await expect
      .poll(() => worker.page.getByTestId('partner-activities').allTextContents())
      .toContainEqual(expect.stringContaining('長女と一緒に記入した'));
  });

  it('takes nothing typed into an answer while it is on its way, and after a refusal gives the focus back to the button pressed', async () => {
    const { page: partner } = await h.newPage();
    await signIn(partner, h.origin, 'kankei');
    await slowly(partner, (method, path) => method === 'POST' && path.endsWith('/response'));
    await partner
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: 'つなぎ', exact: true })
      .click();
    // The demo's referral still waiting for the centre's answer.
    const decline = partner.getByRole('button', { name: 'お断りする', exact: true }).first();
    await expect.poll(() => decline.count()).toBe(1);
    const answer = partner.getByTestId('answer').filter({ has: decline });
    const reasonField = answer.getByRole('textbox', { name: /理由・連絡事項/ });
    const waiting = await h.database.db
      .selectFrom('referral')
      .select(['id', 'version'])
      .where('status', '=', 'pending')
      .execute();

    // Declined from the keyboard without the reason it needs: while the answer travels, the
    // reason cannot be typed into; the refusal comes back beside the field, which takes input
    // again, and the focus is back on the button.
    await decline.focus();
    await partner.keyboard.press('Enter');
    await expect.poll(() => reasonField.isDisabled()).toBe(true);
    await expect
      .poll(() => reasonField.getAttribute('aria-invalid'), { timeout: 10_000 })
      .toBe('true');
    expect(await reasonField.isDisabled()).toBe(false);
    expect(await partner.evaluate(() => document.activeElement?.textContent)).toBe('お断りする');
    const after = await h.database.db
      .selectFrom('referral')
      .select(['id', 'version'])
      .where('status', '=', 'pending')
      .execute();
    expect(after).toEqual(waiting);
  });
});
