import { beforeEach, describe, expect, it } from 'vitest';
import {
  decide,
  getCaseView,
  openIntakeCase,
  planStep,
  samplePlan,
  toApplied,
  toInSupport,
  toPlanning,
  transition,
  writePlan,
} from '../test/case-helpers';
import { signedIn, type TestClient } from '../test/client';
import { createWorld } from '../test/factories';
import { type TestApp, testApp } from '../test/test-app';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let worker: TestClient;
let officer: TestClient;

beforeEach(async () => {
  t = await testApp();
  world = await createWorld(t.database.db);
  worker = await signedIn(t.app, world.users.supportWorker.login_id);
  officer = await signedIn(t.app, world.users.officer.login_id);
});

describe('a lead becomes a consultation', () => {
  it('records the lead, then the intake, with the history of both', async () => {
    const lead = await worker.post<{
      id: string;
      version: number;
      status: string;
      caseNumber: string;
    }>('/api/cases/detections', {
      person: { name: '不明（西町アパート2階の男性）' },
      detection: {
        detectedOn: 'R8.4.1',
        source: 'welfare_commissioner',
        signs: '郵便物がたまり、電気メーターが止まっている',
        approachPlan: '民生委員と一緒に訪問し、まず顔をつなぐ',
      },
    });
    expect(lead.status).toBe(201);
    expect(lead.body.status).toBe('detected');
    expect(lead.body.caseNumber).toMatch(/^2026-\d{5}$/);
    const intake = await worker.post<{ status: string }>(`/api/cases/${lead.body.id}/intake`, {
      version: lead.body.version,
      intake: {
        receivedOn: '2026-04-05',
        routeIn: 'outreach',
        topics: ['no_food'],
        mainTopic: 'no_food',
      },
    });
    expect(intake.body.status).toBe('intake');
    const view = await getCaseView(worker, lead.body.id);
    expect(view.case).toMatchObject({ status: 'intake' });
    const timeline = (
      view as unknown as { timeline: { kind: string; data: { action?: string } }[] }
    ).timeline;
    expect(timeline.filter((e) => e.kind === 'transition').map((e) => e.data.action)).toEqual([
      'record_intake',
      'open_detection',
    ]);
  });
});

describe('triage', () => {
  it('refers out with a follow-up date, then confirms the arrival; a 生活保護 referral is flagged', async () => {
    const kase = await openIntakeCase(worker);
    const res = await worker.post<{ status: string }>(`/api/cases/${kase.id}/triage`, {
      version: kase.version,
      outcome: 'refer_out',
      note: '生活保護の申請が必要と判断',
      referral: {
        partnerAgencyId: world.partner.id,
        reason: '所持金がなく、保護の要否判定が必要',
        accompanied: true,
        toPublicAssistance: true,
        followUpOn: 'R8.4.8',
      },
    });
    expect(res.body.status).toBe('referred_out');
    const view = await getCaseView(worker, kase.id);
    const referral = (
      view as unknown as {
        referrals: {
          id: string;
          version: number;
          status: string;
          toPublicAssistance: boolean;
          followUpOn: string;
        }[];
      }
    ).referrals[0];
    expect(referral).toMatchObject({
      status: 'pending',
      toPublicAssistance: true,
      followUpOn: '2026-04-08',
    });
    const confirmed = await worker.put<{ status: string; confirmedOn: string }>(
      `/api/cases/${kase.id}/referrals/${referral?.id}`,
      {
        version: referral?.version,
        status: 'arrived',
        confirmedOn: 'R8.4.7',
      },
    );
    expect(confirmed.body).toMatchObject({ status: 'arrived', confirmedOn: '2026-04-07' });
  });

  it('needs a destination and a follow-up date to refer out', async () => {
    const kase = await openIntakeCase(worker);
    const res = await worker.post(`/api/cases/${kase.id}/triage`, {
      version: kase.version,
      outcome: 'refer_out',
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: {
        fields: [
          {
            path: 'referral.partnerAgencyId',
            message: 'つなぎ先の機関を選ぶか、機関名を入力してください。',
          },
          { path: 'referral.followUpOn', message: '入力してください。' },
        ],
      },
    });
  });

  it('ends with information only, counted and closed the same day', async () => {
    const kase = await openIntakeCase(worker);
    const res = await worker.post<{ status: string; closedOn: string }>(
      `/api/cases/${kase.id}/triage`,
      {
        version: kase.version,
        outcome: 'info_only',
      },
    );
    expect(res.body.status).toBe('info_only');
    expect(res.body.closedOn).toBe('2026-04-01');
  });
});

describe('the whole way: from intake to a second re-plan, then to termination with follow-up', () => {
  it('walks every step with its guard', async () => {
    // Consent first: no assessment without it.
    const kase = await openIntakeCase(worker);
    const continued = await worker.post<{ version: number }>(`/api/cases/${kase.id}/triage`, {
      version: kase.version,
      outcome: 'continue',
    });
    const early = await worker.post(`/api/cases/${kase.id}/assessments`, {
      caseVersion: continued.body.version,
    });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ error: { code: 'TRANSITION_NOT_ALLOWED' } });

    const { caseId, planId } = await toInSupport(worker, officer);
    let view = await getCaseView(worker, caseId);
    expect(view.case.status).toBe('in_support');
    expect(view.plans).toMatchObject([{ planNo: 1, revision: 0, status: 'active' }]);
    expect(view.monitoring).toMatchObject([{ dueOn: '2026-07-10', doneOn: null }]);

    // Monitoring on the date the plan set.
    const monitoring = view.monitoring[0];
    const done = await worker.put(`/api/cases/${caseId}/monitoring/${monitoring?.id}`, {
      version: monitoring?.version,
      doneOn: 'R8.7.10',
      progress: '求職登録を済ませ、面接を2件受けた',
      nextAction: 'continue',
    });
    expect(done.status).toBe(200);

    // Evaluation → re-plan (plan 2), then evaluation → re-plan again (plan 3).
    for (const expectedPlanNo of [2, 3]) {
      expect((await transition(worker, caseId, 'start_evaluation')).status).toBe(200);
      view = await getCaseView(worker, caseId);
      const active = view.plans.find((p) => p.status === 'active');
      const plan = await worker.get<{ goals: { id: string }[] }>(
        `/api/cases/${caseId}/plans/${active?.id}`,
      );
      const evaluated = await worker.post<{ case: { status: string } }>(
        `/api/cases/${caseId}/evaluations`,
        {
          caseVersion: view.case.version,
          evaluatedOn: 'R8.10.1',
          goals: plan.body.goals.map((g) => ({ planGoalId: g.id, achievement: 'partly' })),
          decision: 'replan',
          improvements: ['motivation'],
        },
      );
      expect(evaluated.status).toBe(201);
      expect(evaluated.body.case.status).toBe('planning');
      view = await getCaseView(worker, caseId);
      const next = await worker.post<{ planId: string }>(`/api/cases/${caseId}/plans`, {
        caseVersion: view.case.version,
      });
      expect(next.status).toBe(201);
      const replan = await worker.get<{ planNo: number; goals: unknown[] }>(
        `/api/cases/${caseId}/plans/${next.body.planId}`,
      );
      expect(replan.body.planNo).toBe(expectedPlanNo);
      expect(replan.body.goals).toHaveLength(1); // a re-plan starts from the plan before it
      await writePlan(worker, caseId, next.body.planId, { ...samplePlan, monitoringDates: [] });
      await planStep(worker, caseId, next.body.planId, 'submit');
      await planStep(worker, caseId, next.body.planId, 'adopt');
      await decide(officer, caseId, next.body.planId);
      await planStep(worker, caseId, next.body.planId, 'activation');
    }
    view = await getCaseView(worker, caseId);
    expect(view.plans.map((p) => [p.planNo, p.status])).toEqual([
      [1, 'superseded'],
      [2, 'superseded'],
      [3, 'active'],
    ]);
    expect(planId).toBeTruthy();

    // Evaluation → terminate, with follow-up; then follow-up and closing.
    await transition(worker, caseId, 'start_evaluation');
    view = await getCaseView(worker, caseId);
    const withoutSheet = await worker.post(`/api/cases/${caseId}/closure`, {
      version: view.case.version,
      kind: 'termination',
      decidedOn: 'R8.12.1',
      reason: 'goals_in_sight',
    });
    expect(withoutSheet.body).toMatchObject({ error: { code: 'EVALUATION_REQUIRED' } });
    const active = view.plans.find((p) => p.status === 'active');
    const plan = await worker.get<{ goals: { id: string }[] }>(
      `/api/cases/${caseId}/plans/${active?.id}`,
    );
    await worker.post(`/api/cases/${caseId}/evaluations`, {
      caseVersion: view.case.version,
      evaluatedOn: 'R8.12.1',
      goals: plan.body.goals.map((g) => ({ planGoalId: g.id, achievement: 'achieved' })),
      employed: true,
      employmentStartedOn: 'R8.11.15',
      employmentType: 'non_regular',
      incomeIncreased: true,
      improvements: ['earned_income_increased', 'motivation'],
      decision: 'terminate',
    });
    view = await getCaseView(worker, caseId);
    const closed = await worker.post<{ status: string }>(`/api/cases/${caseId}/closure`, {
      version: view.case.version,
      kind: 'termination',
      decidedOn: 'R8.12.1',
      reason: 'goals_in_sight',
      meetingNote: '支援調整会議で終結を確認',
      followUp: true,
      followUpBy: world.users.supportWorker.id,
      followUpMethod: '月1回の電話、職場との連絡',
      followUpUntil: 'R9.3.31',
    });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('terminated');
    expect((await transition(worker, caseId, 'start_follow_up')).body).toMatchObject({
      status: 'follow_up',
    });
    expect((await transition(worker, caseId, 'close')).body).toMatchObject({ status: 'closed' });

    // Reopening keeps the history and needs a reason.
    expect((await transition(worker, caseId, 'reopen')).status).toBe(400);
    const reopened = await transition(worker, caseId, 'reopen', '再び失業したため');
    expect(reopened.body).toMatchObject({ status: 'reopened' });
    view = await getCaseView(worker, caseId);
    expect(view.plans).toHaveLength(3);
    const closures = (view as unknown as { closures: unknown[] }).closures;
    expect(closures).toHaveLength(1);
  });
});

describe('guards', () => {
  it('refuses an illegal transition with 409 and the allowed actions', async () => {
    const kase = await openIntakeCase(worker);
    const res = await worker.post<{
      error: { code: string; details: { allowedActions: string[] } };
    }>(`/api/cases/${kase.id}/transitions`, { version: kase.version, action: 'close' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('TRANSITION_NOT_ALLOWED');
    expect(res.body.error.details.allowedActions).toEqual([
      'triage_continue',
      'triage_refer_out',
      'triage_info_only',
    ]);
  });

  it('needs a completed assessment before a plan, and a complete plan before the meeting', async () => {
    const applied = await toApplied(worker);
    const assessment = await worker.post<{ id: string }>(`/api/cases/${applied.id}/assessments`, {
      caseVersion: applied.version,
    });
    const view = await getCaseView(worker, applied.id);
    const noPlan = await worker.post(`/api/cases/${applied.id}/plans`, {
      caseVersion: view.case.version,
    });
    expect(noPlan.body).toMatchObject({ error: { code: 'ASSESSMENT_REQUIRED' } });
    expect(assessment.status).toBe(201);

    const { case: planning, planId } = await toPlanning(worker, {
      name: '架空 二郎',
      nameKana: 'かくう じろう',
    });
    const empty = await worker.post(`/api/cases/${planning.id}/plans/${planId}/submit`, {
      version: 1,
      caseVersion: planning.version,
    });
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({
      error: {
        fields: expect.arrayContaining([
          {
            path: 'longTermGoal',
            message: '支援調整会議に提出する前に、この項目を入力してください。',
          },
        ]),
      },
    });
  });

  it('keeps a submitted plan from being edited; a プラン変更 is a new revision', async () => {
    const { caseId, planId } = await toInSupport(worker, officer);
    const plan = await worker.get<{ version: number }>(`/api/cases/${caseId}/plans/${planId}`);
    const edit = await worker.put(`/api/cases/${caseId}/plans/${planId}`, {
      version: plan.body.version,
      plan: samplePlan,
    });
    expect(edit.body).toMatchObject({ error: { code: 'PLAN_NOT_EDITABLE' } });
    const change = await worker.post<{ planId: string }>(`/api/cases/${caseId}/plan-changes`, {
      changeReason: '支援機関の変更',
    });
    expect(change.status).toBe(201);
    await writePlan(worker, caseId, change.body.planId, {
      ...samplePlan,
      changeReason: '支援機関の変更',
      monitoringDates: [],
    });
    await planStep(worker, caseId, change.body.planId, 'submit');
    await planStep(worker, caseId, change.body.planId, 'adopt');
    await decide(officer, caseId, change.body.planId);
    await planStep(worker, caseId, change.body.planId, 'activation');
    const view = await getCaseView(worker, caseId);
    expect(view.case.status).toBe('in_support');
    expect(view.plans.map((p) => [p.planNo, p.revision, p.status])).toEqual([
      [1, 0, 'superseded'],
      [1, 1, 'active'],
    ]);
  });

  it('interrupts only after a visit and a letter (or asking people close) failed to reach the person', async () => {
    const { caseId } = await toInSupport(worker, officer);
    const interrupt = async () => {
      const view = await getCaseView(worker, caseId);
      return worker.post(`/api/cases/${caseId}/closure`, {
        version: view.case.version,
        kind: 'interruption',
        decidedOn: 'R8.9.1',
        meetingNote: '支援調整会議で中断を確認',
      });
    };
    const first = await interrupt();
    expect(first.status).toBe(409);
    expect(first.body).toMatchObject({
      error: {
        code: 'INTERRUPTION_NEEDS_ATTEMPTS',
        details: { missing: ['visit', 'letter', 'inquiry'] },
      },
    });
    await worker.post(`/api/cases/${caseId}/contacts`, {
      occurredAt: '2026-08-20T10:00',
      mode: 'visit',
      reached: false,
      summary: '訪問したが不在。郵便受けに連絡票を入れた。',
    });
    expect((await interrupt()).status).toBe(409);
    await worker.post(`/api/cases/${caseId}/contacts`, {
      occurredAt: 'R8.8.25 14:30',
      mode: 'inquiry',
      reached: false,
      summary: '大家に様子を聞いたが、最近見かけないとのこと。',
    });
    const done = await interrupt();
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'interrupted' });
  });
});

describe('the support decision', () => {
  it('is the municipal officer’s alone, and cannot be recorded twice', async () => {
    const { case: kase, planId } = await toPlanning(worker);
    await writePlan(worker, kase.id, planId);
    await planStep(worker, kase.id, planId, 'submit');
    await planStep(worker, kase.id, planId, 'adopt');
    const byWorker = await worker.post(`/api/cases/${kase.id}/plans/${planId}/decision`, {
      version: 3,
      caseVersion: 1,
      kind: 'confirmation',
      decidedOn: 'R8.4.20',
    });
    expect(byWorker.status).toBe(403);
    await decide(officer, kase.id, planId);
    const again = await officer.post(`/api/cases/${kase.id}/plans/${planId}/decision`, {
      version: 4,
      caseVersion: 1,
      kind: 'confirmation',
      decidedOn: 'R8.4.20',
    });
    expect(again.body).toMatchObject({ error: { code: 'SUPPORT_DECISION_EXISTS' } });
  });
});
