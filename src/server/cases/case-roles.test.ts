import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../domain/roles';
import { getCaseView, openIntakeCase, planStep, toPlanning, writePlan } from '../test/case-helpers';
import { signedIn, type TestClient } from '../test/client';
import { createSupportAgency, createUser, createWorld } from '../test/factories';
import { type TestApp, testApp } from '../test/test-app';

/**
 * Every role against the case endpoints: who may read, record, review, decide — and every refusal
 * is a 403 (or a 404 for a case out of sight of a role that reads cases) with an audit row. Roles
 * that read no case at all (partner staff, administrators, auditors) get 403 before any look-up.
 */
let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let caseId: string;
let personId: string;
let planId: string;
let assessmentId: string;
let clients: Record<Role, TestClient>;

beforeAll(async () => {
  t = await testApp();
  world = await createWorld(t.database.db);
  const worker = await signedIn(t.app, world.users.supportWorker.login_id);
  const planning = await toPlanning(worker);
  caseId = planning.case.id;
  personId = planning.case.personId;
  planId = planning.planId;
  await writePlan(worker, caseId, planId);
  await planStep(worker, caseId, planId, 'submit');
  await planStep(worker, caseId, planId, 'adopt');
  const view = await getCaseView(worker, caseId);
  assessmentId = (view as unknown as { assessments: { id: string }[] }).assessments[0]?.id ?? '';
  const u = world.users;
  clients = {
    support_worker: worker,
    chief_support_worker: await signedIn(t.app, u.chief.login_id),
    employment_support_worker: await signedIn(t.app, u.employment.login_id),
    household_budget_worker: await signedIn(t.app, u.budget.login_id),
    municipal_officer: await signedIn(t.app, u.officer.login_id),
    partner_staff: await signedIn(t.app, u.partnerStaff.login_id),
    admin: await signedIn(t.app, u.admin.login_id),
    auditor: await signedIn(t.app, u.auditor.login_id),
  };
});

const agencyStaff: Role[] = [
  'support_worker',
  'chief_support_worker',
  'employment_support_worker',
  'household_budget_worker',
];
const roles: Role[] = [...agencyStaff, 'municipal_officer', 'partner_staff', 'admin', 'auditor'];

const endpoints: {
  name: string;
  allowed: Role[];
  /** What a refused role gets: 404 when the case is out of its sight, 403 otherwise. */
  refusal: (role: Role) => number;
  call: (c: TestClient) => Promise<{ status: number }>;
}[] = [
  {
    name: 'read the case',
    allowed: [...agencyStaff, 'municipal_officer'],
    refusal: () => 403,
    call: (c) => c.get(`/api/cases/${caseId}`),
  },
  {
    name: 'record a contact',
    allowed: agencyStaff,
    refusal: () => 403,
    call: (c) =>
      c.post(`/api/cases/${caseId}/contacts`, {
        occurredAt: '2026-04-02T10:00',
        mode: 'phone',
        summary: '電話で様子を確認した',
      }),
  },
  {
    name: 'review the assessment',
    allowed: ['chief_support_worker'],
    refusal: () => 403,
    call: async (c) => {
      const a = await t.database.db
        .selectFrom('assessment')
        .select('version')
        .where('id', '=', assessmentId)
        .executeTakeFirstOrThrow();
      return c.post(`/api/cases/${caseId}/assessments/${assessmentId}/review`, {
        version: a.version,
        chiefReview: '課題の背景まで整理できている。',
      });
    },
  },
  {
    name: 'record the support decision',
    allowed: ['municipal_officer'],
    refusal: () => 403,
    call: async (c) => {
      const plan = await t.database.db
        .selectFrom('plan')
        .select('version')
        .where('id', '=', planId)
        .executeTakeFirstOrThrow();
      const kase = await t.database.db
        .selectFrom('support_case')
        .select('version')
        .where('id', '=', caseId)
        .executeTakeFirstOrThrow();
      return c.post(`/api/cases/${caseId}/plans/${planId}/decision`, {
        version: plan.version,
        caseVersion: kase.version,
        kind: 'confirmation',
        decidedOn: 'R8.4.20',
      });
    },
  },
  {
    name: 'open a new consultation',
    allowed: agencyStaff,
    refusal: () => 403,
    call: (c) =>
      openIntakeCase(c).then(
        () => ({ status: 201 }),
        (e: Error) => ({ status: Number(/failed: (\d+)/.exec(e.message)?.[1]) }),
      ),
  },
];

async function deniedRows(userId: string) {
  const rows = await t.database.db
    .selectFrom('audit_log')
    .select(['action', 'person_id'])
    .where('actor_user_id', '=', userId)
    .where('outcome', '=', 'denied')
    .execute();
  return rows;
}

describe.each(endpoints)('$name', ({ allowed, refusal, call }) => {
  it.each(roles)('as %s', async (role) => {
    const client = clients[role];
    const userId = (await client.get<{ user: { id: string } }>('/api/auth/session')).body.user.id;
    const before = (await deniedRows(userId)).length;
    const res = await call(client);
    const after = await deniedRows(userId);
    if (allowed.includes(role)) {
      expect(res.status).toBeLessThan(300);
      expect(after.length).toBe(before);
    } else {
      expect(res.status).toBe(refusal(role));
      expect(after.length).toBe(before + 1);
    }
  });
});

describe('visibility', () => {
  it('shows a case to staff of another agency only when they are put on its team', async () => {
    const other = await createSupportAgency(t.database.db, world.municipality.id, {
      operation: 'commissioned',
    });
    const budget = await createUser(t.database.db, {
      municipalityId: world.municipality.id,
      roles: ['household_budget_worker'],
      supportAgencyId: other.id,
    });
    const client = await signedIn(t.app, budget.login_id);
    expect((await client.get(`/api/cases/${caseId}`)).status).toBe(404);
    const chief = clients.chief_support_worker;
    const view = await getCaseView(chief, caseId);
    const assigned = await chief.put(`/api/cases/${caseId}/assignment`, {
      version: view.case.version,
      leadWorkerId: world.users.supportWorker.id,
      teamUserIds: [budget.id],
    });
    expect(assigned.status).toBe(200);
    expect((await client.get(`/api/cases/${caseId}`)).status).toBe(200);
    const contact = await client.post(`/api/cases/${caseId}/contacts`, {
      occurredAt: '2026-04-03T15:00',
      mode: 'interview',
      summary: '家計の状況を聞き取った',
    });
    expect(contact.status).toBe(201);
  });

  it('audits reading a case as a read of the person, with the legal basis', async () => {
    await clients.municipal_officer.get(`/api/cases/${caseId}`);
    const row = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('actor_user_id', '=', world.users.officer.id)
      .where('action', '=', 'case.read')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      person_id: personId,
      subject_id: caseId,
      legal_basis: 'own_case',
      outcome: 'success',
    });
  });
});
