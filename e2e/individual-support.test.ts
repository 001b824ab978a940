import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseScreens, inDays } from './support/case-screens';
import { type Harness, startHarness } from './support/harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.close();
});

/** Replays of seed 002's case examples through the screens, with fictional people. */
describe('individual support through the screens', () => {
  it('takes Aさん from a lead to his second re-plan', { timeout: 180_000 }, async () => {
    const worker = await CaseScreens.signedIn(h, 'shien');
    const officer = await CaseScreens.signedIn(h, 'jichitai');
    const { page } = worker;

    // 把握: the hospital's social worker, through the 生活保護 caseworker, tells of a man found
    // collapsed in the street. His birth date is typed in 和暦.
    await page.goto(`${h.origin}/cases/new-lead`);
    await worker.fill('person.name', '架空 健太');
    await worker.fill('person.nameKana', 'かくう けんた');
    await worker.select('person.sex', 'male');
    await worker.fill('person.birthDate', 'S55.6.14');
    await worker.select('detection.source', 'partner_agency');
    await worker.fill('detection.sourceDetail', '病院MSWから生活保護担当CW経由');
    await worker.fill(
      'detection.signs',
      '路上で倒れているところを発見され入院中。住まいを失っている。',
    );
    await worker.click('登録する');
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
    worker.caseId = new URL(page.url()).pathname.split('/')[2] ?? '';
    await worker.waitForStatus('detected');
    const person = await h.database.db
      .selectFrom('support_case')
      .innerJoin('person', 'person.id', 'support_case.person_id')
      .select(['person.birth_date'])
      .where('support_case.id', '=', worker.caseId)
      .executeTakeFirstOrThrow();
    expect(person.birth_date).toBe('1980-06-14');
    expect(await page.getByTestId('case-header').textContent()).toContain('昭和55年6月14日');

    // 相談受付 in hospital, then 振り分け: continue here.
    await worker.tab('intake');
    await worker.select('intake.routeIn', 'municipal_department');
    for (const topic of ['income', 'housing', 'debt', 'job_search']) {
      await worker.check(`intake.topics-${topic}`);
    }
    await worker.select('intake.mainTopic', 'income');
    await worker.fill(
      'intake.consultationText',
      'とにかく体調を回復したいし、生活を安定させたい。',
    );
    await worker.click('相談受付を記録する');
    await worker.waitForStatus('intake');
    await worker.continueHere();
    await worker.consent();

    // アセスメント, then the first plan through the 支援調整会議 and the municipality's decision.
    await worker.assess('income_budget_debt', 'リフォームローンの残債と市民税の滞納がある。');
    await worker.planThrough(officer, {
      longTermGoal: '体調を整え、自分の収入の範囲で安定した生活を送る。',
      goals: ['債務整理、家計の相談を受ける', '病気の治療や体調管理をしっかり行う'],
      service: {
        content: '家計の相談、家計管理の指導',
        serviceClass: 'A',
        programme: 'household_budget',
      },
      programmes: ['household_budget'],
      meetingNote: '支援調整会議①。本人が了承して署名。',
    });
    await worker.recordContact('弁護士相談に同行。リフォームローンの債務整理を依頼した。');

    // Health and money settle: evaluation, re-plan ① (toward work).
    await worker.evaluate({ achievement: 'achieved', decision: 'replan' });
    await worker.waitForStatus('planning');
    await worker.planThrough(officer, {
      longTermGoal: '体調を保ちながら仕事に就く。',
      goals: ['ハローワークへの同伴で仕事を見つける', '履歴書の書き方などの支援を受ける'],
      service: { content: 'ハローワークへの同行、就職相談', serviceClass: 'E' },
      meetingNote: '支援調整会議②。就労相談員を紹介。',
    });
    await worker.recordContact('定期面談に来所せず。携帯電話にも応答なし。');

    // Work first did not fit: evaluation, re-plan ② (social participation first).
    await worker.evaluate({ achievement: 'partly', decision: 'replan' });
    await worker.planThrough(officer, {
      longTermGoal: '心身ともに安定し、人との関わりを楽しみながら、自分に合った働き方を見つける。',
      goals: ['ストレスへの対処方法、対人関係のスキルを身に着ける'],
      service: { content: '社会参加支援（居場所づくり）', serviceClass: 'C' },
      meetingNote: '支援調整会議③。就労の前の段階として居場所を試行。',
    });

    expect((await worker.planRows()).map((p) => [p.plan_no, p.status])).toEqual([
      [1, 'superseded'],
      [2, 'superseded'],
      [3, 'active'],
    ]);
    // The page shows the plans by their names, and the timeline tells the story.
    await worker.tab('plan');
    await page.getByRole('button', { name: /再プラン（2回目）（実施中）/ }).waitFor();
    await worker.tab('overview');
    const timeline = await page.getByTestId('timeline').textContent();
    expect(timeline).toContain('再プランを作成する');
    expect(timeline).toContain('把握（アウトリーチ）を登録');
    // The municipal officer's decisions are audited with the person.
    const decisions = await h.database.db
      .selectFrom('audit_log')
      .select('actor_login_id')
      .where('action', '=', 'plan.decide')
      .where(
        'subject_id',
        'in',
        (await worker.planRows()).map((p) => p.id),
      )
      .execute();
    expect(decisions.map((d) => d.actor_login_id)).toEqual(['jichitai', 'jichitai', 'jichitai']);
  });

  it('takes Bさん from intake to termination with follow-up', { timeout: 180_000 }, async () => {
    const worker = await CaseScreens.signedIn(h, 'shien');
    const officer = await CaseScreens.signedIn(h, 'jichitai');
    const { page } = worker;

    // 相談受付 at the desk: the ハローワーク sent him; his mother came with him.
    await page.goto(`${h.origin}/cases/new`);
    await worker.fill('person.name', '架空 翔');
    await worker.fill('person.nameKana', 'カクウ ショウ');
    await worker.fill('person.birthDate', 'H14.9.3');
    await worker.select('intake.routeIn', 'partner_agency');
    for (const topic of ['job_search', 'withdrawal_truancy', 'family']) {
      await worker.check(`intake.topics-${topic}`);
    }
    await worker.select('intake.mainTopic', 'job_search');
    await worker.fill('intake.wishes', '働いて自立したい。');
    await worker.fill('intake.visitorName', '架空 節子');
    await worker.fill('intake.visitorRelation', '母');
    await worker.click('受け付ける');
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
    worker.caseId = new URL(page.url()).pathname.split('/')[2] ?? '';
    await worker.waitForStatus('intake');

    await worker.continueHere();
    await worker.consent();
    await worker.assess('literacy_communication', '求人票が読めない。書けない漢字が多い。');

    // Plan ①: 就労準備支援事業, decided by the municipality.
    await worker.planThrough(officer, {
      longTermGoal: '働いて自立し、いずれは家から独立する。',
      goals: ['基礎学習の学び直しプログラムに参加する', '就労体験プログラムに参加する'],
      service: {
        content: '学び直しプログラムの提供',
        serviceClass: 'A',
        programme: 'work_readiness',
      },
      programmes: ['work_readiness'],
      meetingNote: '支援調整会議①。就労準備支援事業で段階的に支援する。',
    });
    await worker.recordContact('新聞折込の求人から警備員に応募。採用が決まった。');

    // Evaluation ①: he has a job; re-plan for retention.
    await worker.evaluate({
      achievement: 'achieved',
      decision: 'replan',
      employed: { startedOn: inDays(-2), type: 'non_regular' },
    });
    await worker.planThrough(officer, {
      longTermGoal: '仕事を続け、家族と話し合いながら自立に向けて進む。',
      goals: ['就労継続に向けての相談支援を受ける'],
      service: { content: '就労継続のためのフォローアップ', serviceClass: 'D' },
      meetingNote: '支援調整会議③。就労継続の相談支援。',
    });

    // Evaluation ②: terminate, with follow-up by his worker.
    await worker.evaluate({
      achievement: 'achieved',
      decision: 'terminate',
      employed: { startedOn: inDays(-2), type: 'non_regular' },
    });
    await worker.tab('closure');
    await worker.radio('kind', 'termination');
    await worker.select('reason', 'goals_in_sight');
    await worker.fill('meetingNote', '支援調整会議④で終結を確認。');
    await worker.check('followUp');
    await worker.fill('followUpUntil', inDays(120));
    await worker.fill('followUpMethod', '月1回程度の電話と来所時の声かけ');
    await worker.click('記録する');
    await worker.waitForStatus('terminated');
    await worker.simpleAction('フォローアップを始める', 'follow_up');

    const closure = await h.database.db
      .selectFrom('case_closure')
      .innerJoin('app_user', 'app_user.id', 'case_closure.follow_up_by')
      .select(['kind', 'reason', 'follow_up_until', 'app_user.login_id'])
      .where('case_id', '=', worker.caseId)
      .executeTakeFirstOrThrow();
    expect(closure).toEqual({
      kind: 'termination',
      reason: 'goals_in_sight',
      follow_up_until: inDays(120),
      login_id: 'shien',
    });
    // The follow-up shows on the worker's home page.
    await page.goto(`${h.origin}/`);
    expect(await page.getByTestId('due-followups').textContent()).toContain('架空 翔');

    // The forms print on A4 with 和暦 dates.
    await page.goto(`${h.origin}/cases/${worker.caseId}/print/evaluation`);
    const sheet = await page.getByTestId('print-sheet').textContent();
    expect(sheet).toContain('評価シート');
    expect(sheet).toContain('令和');
    await page.goto(`${h.origin}/cases/${worker.caseId}/print/intake`);
    expect(await page.getByTestId('print-sheet').textContent()).toContain('架空 節子（母）');
  });

  it('keeps a half-written contact record through a reload', async () => {
    const worker = await CaseScreens.signedIn(h, 'shien');
    const { page } = worker;
    await page.goto(`${h.origin}/cases?q=${encodeURIComponent('うみの')}`);
    await page.getByRole('link', { name: '海野 健二' }).click();
    await page.getByTestId('case-header').waitFor();
    worker.caseId = new URL(page.url()).pathname.split('/')[2] ?? '';
    await worker.tab('records');
    await worker.select('mode', 'phone');
    await worker.fill('summary', '中間的就労先から電話。作業の日数を');
    await page.getByTestId('draft-saved').waitFor();
    await page.reload();
    await expect
      .poll(() => worker.field('summary').inputValue())
      .toBe('中間的就労先から電話。作業の日数を');
    expect(await worker.field('mode').inputValue()).toBe('phone');
    expect(await page.getByRole('status').first().textContent()).toContain(
      '前回入力途中だった内容',
    );
  });

  it('finds people by kana in either script and by part of a name', async () => {
    const worker = await CaseScreens.signedIn(h, 'shien');
    const { page } = worker;
    for (const [query, name] of [
      ['オカダ', '岡田 翼'],
      ['さかぐち', '坂口 真由美'],
      ['真由', '坂口 真由美'],
    ] as const) {
      await page.goto(`${h.origin}/cases?q=${encodeURIComponent(query)}`);
      await page.getByRole('link', { name }).waitFor();
    }
  });
});
