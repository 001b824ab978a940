import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseScreens, consentedCase } from './support/case-screens';
import { type Harness, startHarness } from './support/harness';
import { slowly } from './support/network';

let h: Harness;
let caseId = '';

beforeAll(async () => {
  h = await startHarness();
  caseId = await consentedCase(
    h,
    { name: '保存 待子', kana: 'ほぞん まちこ' },
    { topics: ['income'], mainTopic: 'income', consultationText: '家賃の支払いが遅れている。' },
  );
});

afterAll(async () => {
  await h.close();
});

describe('saving a plan', () => {
  it('keeps what is typed while the save is on its way: the fields wait for the saved plan', async () => {
    const worker = await CaseScreens.signedIn(h, 'shien');
    worker.caseId = caseId;
    await worker.assess('income_budget_debt', '家賃を2か月滞納している。');
    await worker.draftPlan({
      longTermGoal: '家賃を払い続けられる暮らしに戻る。',
      goals: ['家計を見直す'],
      service: { content: '家計改善支援', serviceClass: 'A' },
    });

    // A slow network: the next save takes a second and a half to reach the server.
    await slowly(worker.page, (method, path) => method === 'PUT' && path.includes('/plans/'));
    await worker.fill('longTermGoal', '家賃を払い続けられる暮らしに戻り、貯金を始める。');
    await worker.click('下書きを保存する');
    // Typed at once: the field is disabled until the saved plan is back, then takes the words.
    await worker.fill('personWords', '少しずつでも貯金したい。');
    await worker.click('下書きを保存する');
    await expect
      .poll(
        () =>
          h.database.db
            .selectFrom('plan')
            .select(['long_term_goal', 'person_words'])
            .where('case_id', '=', caseId)
            .executeTakeFirst(),
        { timeout: 10_000 },
      )
      .toEqual({
        long_term_goal: '家賃を払い続けられる暮らしに戻り、貯金を始める。',
        person_words: '少しずつでも貯金したい。',
      });
  });
});
