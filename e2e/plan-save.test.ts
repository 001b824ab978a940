import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIntake } from '../src/server/cases/open-intake';
import { openIntakeBody } from '../src/server/cases/schema';
import { triageContinue } from '../src/server/demo/demo-cases';
import { demoScriptOn } from '../src/server/demo/seed-demo';
import { testConfig } from '../src/server/test/test-app';
import { CaseScreens } from './support/case-screens';
import { type Harness, startHarness } from './support/harness';

let h: Harness;
let caseId = '';

beforeAll(async () => {
  h = await startHarness();
  // A consultation continued here with consent given, made through the demo script's use cases.
  const s = await demoScriptOn(h.database, testConfig(), new Date());
  s.on(-10, '10:00');
  const opened = await openIntake(
    s.deps,
    s.as('shien'),
    openIntakeBody.parse({
      person: { name: '保存 待子', nameKana: 'ほぞん まちこ', addressCity: '架空市' },
      intake: {
        receivedOn: s.date(-10),
        routeIn: 'self_phone',
        topics: ['income'],
        mainTopic: 'income',
        consultationText: '家賃の支払いが遅れている。',
      },
    }),
  );
  await triageContinue(s, opened.id, -10, '継続して支援する。');
  await s.consent(opened.id, -9, { signedBy: 'person', explanationGiven: true, allAgencies: true });
  caseId = opened.id;
});

afterAll(async () => {
  await h.close();
});

describe('saving a plan', () => {
  it('keeps what is typed while the save is on its way: the fields wait for the saved plan', async () => {
    const worker = await CaseScreens.signedIn(h, 'shien');
    worker.caseId = caseId;
    await worker.assess('income_budget_debt', '家賃を2か月滞納している。');
    await worker.tab('plan');
    await worker.click('プランを作成する');
    await expect.poll(async () => (await worker.planRows()).length).toBe(1);
    await worker.tab('plan');
    await worker.writePlan({
      longTermGoal: '家賃を払い続けられる暮らしに戻る。',
      goals: ['家計を見直す'],
      service: { content: '家計改善支援', serviceClass: 'A' },
    });

    // A slow network: the next save takes a second and a half to reach the server.
    await worker.page.route('**/api/cases/*/plans/*', async (route) => {
      if (route.request().method() === 'PUT') await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
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
