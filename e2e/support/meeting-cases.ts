import { demoScriptOn } from '../../src/server/demo/seed-demo';
import { testConfig } from '../../src/server/test/test-app';
import { consentedCase } from './case-screens';
import type { Harness } from './harness';

export const socialWelfareCouncil = '架空市社会福祉協議会 地域福祉課';
export const workReadiness = '就労準備支援事業所 ステップ架空';

/**
 * Seed 000's first example (浜松市's July 支援調整会議): six cases, two new plans and four
 * evaluations, the 社協 joining for the second and the 就労準備支援 worker for the fifth.
 * Fictional people.
 */
export const seed000Cases = [
  { name: '朝霧 一郎', kana: 'あさぎり いちろう', kind: 'new_plan', guest: null },
  { name: '夕凪 双葉', kana: 'ゆうなぎ ふたば', kind: 'evaluation', guest: socialWelfareCouncil },
  { name: '星野原 三郎', kana: 'ほしのはら さぶろう', kind: 'new_plan', guest: null },
  { name: '霧島台 四季', kana: 'きりしまだい しき', kind: 'evaluation', guest: null },
  { name: '風早 五月', kana: 'かざはや さつき', kind: 'evaluation', guest: workReadiness },
  { name: '月影 六花', kana: 'つきかげ りっか', kind: 'evaluation', guest: null },
] as const;

/**
 * The six cases behind the meeting, made through the same use cases as the screens (the demo
 * script): intake, triage, consent naming both partners (consentedCase); the two new ones also
 * an assessment and a plan submitted for review. The meeting itself is built in the browser.
 */
export async function prepareSeed000Cases(h: Harness): Promise<void> {
  const s = await demoScriptOn(h.database, testConfig(), new Date());
  for (const [i, c] of seed000Cases.entries()) {
    const caseId = await consentedCase(
      s,
      { name: c.name, kana: c.kana },
      {
        routeIn: 'self_visit',
        topics: ['income', 'job_search'],
        mainTopic: 'income',
        consultationText: `収入が少なく、仕事を探したい（事例${i + 1}）。`,
      },
      {
        day: -20,
        consent: {
          partnerAgencyIds: [s.partner(socialWelfareCouncil), s.partner(workReadiness)],
          purposes: ['coordination_meeting', 'partner_liaison', 'employment_support'],
        },
      },
    );
    if (c.kind !== 'new_plan') continue;
    await s.assess(
      caseId,
      { start: -15, complete: -14 },
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
    await s.submitPlan(
      caseId,
      {
        longTermGoal: '自分に合った仕事に就き、生活を安定させる。',
        periodStart: s.date(-9),
        periodEnd: s.date(171),
        goals: [{ goal: '就労準備支援事業に週2回通う', indicator: '通所日数' }],
        services: [
          {
            content: '就労準備支援プログラム（週2回）',
            providerPartnerAgencyId: s.partner(workReadiness),
            serviceClass: 'A',
            programme: 'work_readiness',
          },
        ],
        programmes: ['work_readiness'],
      },
      { write: -10, submit: -9 },
    );
  }
}
