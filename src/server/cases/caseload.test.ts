import { beforeEach, describe, expect, it } from 'vitest';
import {
  decide,
  getCaseView,
  openIntakeCase,
  planStep,
  samplePlan,
  toInSupport,
  writePlan,
} from '../test/case-helpers';
import { signedIn, type TestClient } from '../test/client';
import { createSupportAgency, createUser, createWorld } from '../test/factories';
import { type TestApp, testApp } from '../test/test-app';

type Caseload = {
  today: string;
  counts: { status: string; count: number }[];
  cases: { id: string; status: string }[];
  page: { offset: number; limit: number; total: number };
  due: {
    monitoring: { caseId: string; dueOn: string; overdue: boolean }[];
    overduePlans: { caseId: string; dueOn: string }[];
    followUps: { caseId: string }[];
    referrals: { caseId: string; followUpOn: string; overdue: boolean }[];
  };
};

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

async function caseload(client: TestClient, today: string) {
  const res = await client.get<Caseload>(`/api/cases/caseload?today=${today}`);
  expect(res.status).toBe(200);
  return res.body;
}

describe('the caseworker’s home page', () => {
  it('lists the current cases they lead, with counts, and leaves ended consultations out', async () => {
    const open = await openIntakeCase(worker);
    const infoOnly = await openIntakeCase(worker, { name: '架空 花子', nameKana: 'かくう はなこ' });
    await worker.post(`/api/cases/${infoOnly.id}/triage`, {
      version: infoOnly.version,
      outcome: 'info_only',
    });
    const referred = await openIntakeCase(worker, {
      name: '架空 三郎',
      nameKana: 'かくう さぶろう',
    });
    await worker.post(`/api/cases/${referred.id}/triage`, {
      version: referred.version,
      outcome: 'refer_out',
      referral: { partnerAgencyId: world.partner.id, followUpOn: 'R8.4.8' },
    });

    const load = await caseload(worker, '2026-04-02');
    expect(load.cases.map((c) => c.id)).toEqual([open.id]);
    expect(load.counts).toEqual([{ status: 'intake', count: 1 }]);
    // A referral is followed up after the case left the caseload, until the arrival is confirmed.
    expect(load.due.referrals).toMatchObject([
      { caseId: referred.id, followUpOn: '2026-04-08', overdue: false },
    ]);
    expect((await caseload(worker, '2026-04-09')).due.referrals).toMatchObject([
      { caseId: referred.id, overdue: true },
    ]);
    expect((await caseload(worker, '2026-03-31')).due.referrals).toEqual([]);

    // No plan 14 days (the municipality's setting) after the intake: the plan is overdue.
    expect((await caseload(worker, '2026-04-15')).due.overduePlans).toEqual([]);
    expect((await caseload(worker, '2026-04-16')).due.overduePlans).toMatchObject([
      { caseId: open.id, dueOn: '2026-04-15' },
    ]);

    // Someone else's caseload does not show them.
    const colleague = await signedIn(t.app, world.users.employment.login_id);
    const theirs = await caseload(colleague, '2026-04-16');
    expect(theirs.cases).toEqual([]);
    expect(theirs.due.referrals).toEqual([]);
  });

  it('gives the table of cases a page at a time and counts them all', async () => {
    const first = await openIntakeCase(worker);
    const second = await openIntakeCase(worker, { name: '架空 花子', nameKana: 'かくう はなこ' });
    const third = await openIntakeCase(worker, { name: '架空 三郎', nameKana: 'かくう さぶろう' });
    const page = async (query: string) => {
      const res = await worker.get<Caseload>(`/api/cases/caseload?today=2026-04-02&${query}`);
      expect(res.status).toBe(200);
      return res.body;
    };
    const one = await page('limit=2');
    expect(one.cases).toHaveLength(2);
    expect(one.page).toEqual({ offset: 0, limit: 2, total: 3 });
    expect(one.counts).toEqual([{ status: 'intake', count: 3 }]);
    const two = await page('limit=2&offset=2');
    expect([...one.cases, ...two.cases].map((c) => c.id).sort()).toEqual(
      [first.id, second.id, third.id].sort(),
    );
    expect(two.page).toEqual({ offset: 2, limit: 2, total: 3 });
    expect((await page('')).page).toEqual({ offset: 0, limit: 50, total: 3 });
    // Past the end (cases closed meanwhile): the last page, and the offset it starts at.
    const past = await page('limit=2&offset=40');
    expect(past.page).toEqual({ offset: 2, limit: 2, total: 3 });
    expect(past.cases.map((c) => c.id)).toEqual(two.cases.map((c) => c.id));

    const bad = await worker.get<{ error: { code: string; fields: { path: string }[] } }>(
      '/api/cases/caseload?limit=0&offset=-1',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(bad.body.error.fields.map((f) => f.path).sort()).toEqual(['limit', 'offset']);
  });

  it('shows monitoring due within a week on the active plan only', async () => {
    const { caseId } = await toInSupport(worker, officer);
    expect((await caseload(worker, '2026-07-02')).due.monitoring).toEqual([]);
    expect((await caseload(worker, '2026-07-03')).due.monitoring).toMatchObject([
      { caseId, dueOn: '2026-07-10', overdue: false },
    ]);
    expect((await caseload(worker, '2026-07-11')).due.monitoring).toMatchObject([
      { caseId, overdue: true },
    ]);

    // A プラン変更 with its own dates replaces the plan; the old plan's monitoring is no longer due.
    const change = await worker.post<{ planId: string }>(`/api/cases/${caseId}/plan-changes`, {
      changeReason: '支援機関の変更',
    });
    await writePlan(worker, caseId, change.body.planId, {
      ...samplePlan,
      changeReason: '支援機関の変更',
      monitoringDates: ['R8.8.20'],
    });
    await planStep(worker, caseId, change.body.planId, 'submit');
    await planStep(worker, caseId, change.body.planId, 'adopt');
    await decide(officer, caseId, change.body.planId);
    await planStep(worker, caseId, change.body.planId, 'activation');
    expect((await caseload(worker, '2026-08-14')).due.monitoring).toMatchObject([
      { caseId, dueOn: '2026-08-20' },
    ]);
  });

  it('includes the cases a user is on the team of, in another agency too', async () => {
    const kase = await openIntakeCase(worker);
    const other = await createSupportAgency(t.database.db, world.municipality.id, {
      operation: 'commissioned',
    });
    const budget = await createUser(t.database.db, {
      municipalityId: world.municipality.id,
      roles: ['household_budget_worker'],
      supportAgencyId: other.id,
    });
    const budgetClient = await signedIn(t.app, budget.login_id);
    expect((await caseload(budgetClient, '2026-04-02')).cases).toEqual([]);

    const chief = await signedIn(t.app, world.users.chief.login_id);
    const view = await getCaseView(chief, kase.id);
    const assigned = await chief.put(`/api/cases/${kase.id}/assignment`, {
      version: view.case.version,
      leadWorkerId: world.users.supportWorker.id,
      teamUserIds: [budget.id],
    });
    expect(assigned.status).toBe(200);
    const load = await caseload(budgetClient, '2026-04-02');
    expect(load.cases.map((c) => c.id)).toEqual([kase.id]);
    expect(load.counts).toEqual([{ status: 'intake', count: 1 }]);
  });

  it('audits the people it shows as reads of their data', async () => {
    const kase = await openIntakeCase(worker);
    await caseload(worker, '2026-04-02');
    const row = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'case.caseload')
      .where('actor_user_id', '=', world.users.supportWorker.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      person_ids: [kase.personId],
      legal_basis: 'own_case',
      outcome: 'success',
    });
  });
});
