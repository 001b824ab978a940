import { beforeAll, describe, expect, it } from 'vitest';
import { caseStatuses, nextStatus } from '../../domain/cases/case-status';
import { signedIn, type TestClient } from '../test/client';
import { createWorld } from '../test/factories';
import { type TestApp, testApp } from '../test/test-app';
import { simpleActions } from './schema';

/**
 * Every status-only action against every status, through the API: allowed exactly where the
 * transition table says, refused elsewhere with 409 and the actions allowed from there. The case
 * is given what the guards ask (consent, an active plan, an agreed follow-up), so what is tested
 * is the table.
 */
let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let worker: TestClient;

beforeAll(async () => {
  t = await testApp();
  world = await createWorld(t.database.db);
  worker = await signedIn(t.app, world.users.supportWorker.login_id);
});

async function caseIn(status: (typeof caseStatuses)[number]) {
  const db = t.database.db;
  const person = await db
    .insertInto('person')
    .values({ municipality_id: world.municipality.id, name: '遷移 試験' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const kase = await db
    .insertInto('support_case')
    .values({
      municipality_id: world.municipality.id,
      case_number: `T-${Math.random().toString(36).slice(2, 10)}`,
      person_id: person.id,
      support_agency_id: world.agency.id,
      lead_worker_id: world.users.supportWorker.id,
      status,
      opened_on: '2026-04-01',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db
    .insertInto('consent')
    .values({
      municipality_id: world.municipality.id,
      case_id: kase.id,
      given_on: '2026-04-01',
      signed_by: 'person',
      explanation_given: true,
      all_agencies: true,
    })
    .execute();
  await db
    .insertInto('plan')
    .values({
      municipality_id: world.municipality.id,
      case_id: kase.id,
      plan_no: 1,
      status: 'active',
    })
    .execute();
  await db
    .insertInto('case_closure')
    .values({
      municipality_id: world.municipality.id,
      case_id: kase.id,
      kind: 'termination',
      decided_on: '2026-04-01',
      reason: 'goals_in_sight',
      follow_up: true,
      follow_up_by: world.users.supportWorker.id,
      follow_up_until: '2026-09-30',
    })
    .execute();
  return kase;
}

const pairs = caseStatuses.flatMap((status) => simpleActions.map((action) => ({ status, action })));

describe('status-only transitions through the API', () => {
  it.each(pairs)('$action from $status', async ({ status, action }) => {
    const kase = await caseIn(status);
    const res = await worker.post<{
      status?: string;
      error?: { code: string; details: { allowedActions: string[] } };
    }>(`/api/cases/${kase.id}/transitions`, {
      version: kase.version,
      action,
      reason: '試験のため',
    });
    const to = nextStatus(status, action);
    if (to) {
      expect(res.status).toBe(200);
      expect(res.body.status).toBe(to);
      const history = await t.database.db
        .selectFrom('case_transition')
        .select(['from_status', 'to_status', 'actor_user_id'])
        .where('case_id', '=', kase.id)
        .execute();
      expect(history).toEqual([
        { from_status: status, to_status: to, actor_user_id: world.users.supportWorker.id },
      ]);
    } else {
      expect(res.status).toBe(409);
      expect(res.body.error?.code).toBe('TRANSITION_NOT_ALLOWED');
      const row = await t.database.db
        .selectFrom('support_case')
        .select('status')
        .where('id', '=', kase.id)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe(status);
    }
  });
});

describe('transitions with records of their own refuse the wrong status too', () => {
  it.each([
    ['triage', 'applied', { outcome: 'continue' }],
    [
      'intake',
      'intake',
      {
        intake: {
          receivedOn: '2026-04-01',
          routeIn: 'other',
          topics: ['other'],
          mainTopic: 'other',
        },
      },
    ],
    ['closure', 'closed', { kind: 'termination', decidedOn: '2026-04-02', reason: 'other' }],
  ] as const)('%s from %s', async (endpoint, status, body) => {
    const kase = await caseIn(status);
    const res = await worker.post(`/api/cases/${kase.id}/${endpoint}`, {
      version: kase.version,
      ...body,
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { code: 'TRANSITION_NOT_ALLOWED' } });
  });

  it('refuses a stale case version with 409 and leaves the status alone', async () => {
    const kase = await caseIn('in_support');
    const res = await worker.post(`/api/cases/${kase.id}/transitions`, {
      version: kase.version + 5,
      action: 'start_monitoring',
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { code: 'VERSION_CONFLICT' } });
  });
});
