import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatWareki } from '../src/domain/text/wareki';
import { CaseScreens, inDays, today } from './support/case-screens';
import { type Harness, signIn, startHarness } from './support/harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.close();
});

async function caseOf(name: string): Promise<string> {
  const row = await h.database.db
    .selectFrom('support_case')
    .innerJoin('person', 'person.id', 'support_case.person_id')
    .select('support_case.id')
    .where('person.name', '=', name)
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('outreach, participation and community building through the screens', () => {
  it('records a letter to a man not yet reached on the outreach tab, with the next approach, and the case timeline shows it', async () => {
    const worker = await CaseScreens.signedIn(h, 'shien');
    worker.caseId = await caseOf('北村 正');
    await worker.tab('outreach');
    const page = worker.page;
    await page.getByText('次回の働きかけは決まっていません。', { exact: false }).waitFor();

    const form = page.getByTestId('attempt-form');
    await worker.select('channel', 'letter');
    await worker.select('outcome', 'no_answer');
    await worker.fill(
      'summary',
      '自己紹介と、北地区出張相談窓口の案内を書いた手紙をポストに入れた。',
    );
    await worker.fill('nextStep', '民生委員と一緒に訪問する');
    await worker.fill('nextApproachOn', formatWareki(inDays(7)));
    await form.getByRole('button', { name: '働きかけを記録する', exact: true }).click();

    await expect
      .poll(async () =>
        h.database.db
          .selectFrom('contact_record')
          .select(['outreach_channel', 'outreach_outcome', 'mode', 'reached', 'next_approach_on'])
          .where('case_id', '=', worker.caseId)
          .where('outreach_channel', 'is not', null)
          .execute(),
      )
      .toEqual([
        {
          outreach_channel: 'letter',
          outreach_outcome: 'no_answer',
          mode: 'letter',
          reached: false,
          next_approach_on: inDays(7),
        },
      ]);
    // The history names the lead and then the letter; the next approach is the letter's plan.
    const history = page.getByTestId('outreach-history');
    await history.getByText('手紙・連絡票（反応なし・不在）', { exact: false }).waitFor();
    expect(await history.locator('li').first().getAttribute('data-kind')).toBe('detection');
    await page.getByTestId('next-approach').getByText('民生委員と一緒に訪問する').waitFor();

    await worker.tab('overview');
    await page
      .getByTestId('timeline')
      .getByText('アウトリーチ：手紙・連絡票（反応なし・不在）', { exact: false })
      .waitFor();
  });

  it('matches a person to a place, starts a trial and records a follow-up with the host on the participation tab', async () => {
    const worker = await CaseScreens.signedIn(h, 'shien');
    worker.caseId = await caseOf('坂口 真由美');
    await worker.tab('participation');
    const page = worker.page;

    const form = page.getByTestId('match-form');
    const place = worker.field('socialResourceId');
    // The places come with their own request: the one wanted is waited for, not read too early
    // (an empty label chose no place, and the kinds it offers never came).
    await expect.poll(() => optionLabel('居場所カフェ ひだまり')).toBeTruthy();
    await place.selectOption({ label: (await optionLabel('居場所カフェ ひだまり')) ?? '' });
    await expect.poll(() => worker.field('kind').locator('option').count()).toBeGreaterThan(1);
    await worker.select('kind', 'volunteering');
    await worker.check('days-fri');
    await worker.fill('hours', '13:00〜15:00');
    await worker.fill('activities', '調理の補助と配膳');
    await worker.fill(
      'accommodations',
      '人の多い時間を避け、調理場の奥で作業する。体調が悪い日は前日までに連絡すればよい。',
    );
    await worker.fill('hostContactName', '森 ゆかり');
    await form.getByRole('button', { name: '参加先を提案する', exact: true }).click();

    const card = page.getByTestId('match').filter({ hasText: '居場所カフェ ひだまり' });
    await card.getByTestId('match-status').getByText('提案中').waitFor();

    // The trial starts today.
    await card.getByText('お試し参加を始める', { exact: true }).click();
    const trial = card.getByTestId('step-start_trial');
    await trial.getByRole('button', { name: 'お試し参加を始める', exact: true }).click();
    const trialCard = page.getByTestId('match').filter({ hasText: '居場所カフェ ひだまり' });
    await trialCard.getByTestId('match-status').getByText('お試し参加中').waitFor();

    // A follow-up with the host, with the next one set.
    await trialCard.getByText('フォローアップを記録する', { exact: true }).click();
    const followUp = trialCard.getByTestId('follow-up-form');
    await followUp.getByLabel('相手').selectOption('host');
    await followUp
      .getByLabel('内容')
      .fill('森さんに電話。調理場の奥で落ち着いて作業できていた。次回から配膳も任せたい。');
    await followUp.getByLabel('次回の予定日').fill(formatWareki(inDays(14)));
    await followUp.getByRole('button', { name: 'フォローアップを記録する', exact: true }).click();
    await page
      .getByTestId('follow-ups')
      .getByText('森さんに電話。調理場の奥で落ち着いて作業できていた。', { exact: false })
      .waitFor();

    const saved = await h.database.db
      .selectFrom('participation_match')
      .innerJoin('social_resource', 'social_resource.id', 'participation_match.social_resource_id')
      .innerJoin(
        'participation_follow_up',
        'participation_follow_up.match_id',
        'participation_match.id',
      )
      .select([
        'participation_match.status',
        'participation_match.kind',
        'participation_match.days',
        'participation_match.trial_started_on',
        'participation_follow_up.with_whom',
        'participation_follow_up.next_on',
      ])
      .where('participation_match.case_id', '=', worker.caseId)
      .where('social_resource.name', '=', '居場所カフェ ひだまり')
      .execute();
    expect(saved).toEqual([
      {
        status: 'trial',
        kind: 'volunteering',
        days: ['fri'],
        trial_started_on: today,
        with_whom: 'host',
        next_on: inDays(14),
      },
    ]);

    async function optionLabel(name: string) {
      const options = await place.locator('option').allTextContents();
      return options.find((o) => o.startsWith(name));
    }
  });

  it('passes a worry noticed at the salon to the centre as a lead from the community page', async () => {
    const { page } = await h.newPage();
    await signIn(page, h.origin, 'shien');
    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: '地域づくり' })
      .click();
    const salon = page.getByTestId('community-base').filter({ hasText: '北地区ふれあいサロン' });
    const issue = salon.getByTestId('issue').filter({ hasText: '近所の小学生' });
    await issue.getByTestId('issue-status').getByText('未対応').waitFor();
    await issue.getByText('つなぐ', { exact: true }).click();
    const pass = issue.getByTestId('pass-form');
    await pass.getByLabel('相談支援機関へつなぐ（把握として登録）').check();
    await pass.getByLabel('氏名（分かる範囲で）').fill('北町の小学生（名前は未確認）');
    await pass.getByLabel('働きかけの方針').fill('民生委員・児童委員と学校に様子を確かめる。');
    await pass.getByRole('button', { name: 'つなぐ', exact: true }).click();

    const passed = salon.getByTestId('issue').filter({ hasText: '近所の小学生' });
    await passed.getByTestId('issue-status').getByText('つないだ').waitFor();
    await passed.getByRole('link', { name: 'ケースを開く' }).click();
    await page.getByTestId('case-header').getByText('把握').waitFor();
    const lead = await h.database.db
      .selectFrom('community_issue')
      .innerJoin('detection', 'detection.case_id', 'community_issue.case_id')
      .select(['community_issue.status', 'detection.source', 'detection.source_detail'])
      .where('community_issue.description', 'like', '%近所の小学生%')
      .executeTakeFirstOrThrow();
    expect(lead).toEqual({
      status: 'passed',
      source: 'other',
      source_detail: '地域づくりの拠点「北地区ふれあいサロン」で把握',
    });
  });
});
