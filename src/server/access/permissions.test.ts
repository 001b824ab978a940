import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../domain/roles';
import { signedIn, type TestClient } from '../test/client';
import { createPartnerAgency, createWorld } from '../test/factories';
import { type TestApp, testApp } from '../test/test-app';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let other: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  t = await testApp();
  world = await createWorld(t.database.db);
  other = await createWorld(t.database.db);
});

const loginOf: Record<Role, () => string> = {
  support_worker: () => world.users.supportWorker.login_id,
  chief_support_worker: () => world.users.chief.login_id,
  employment_support_worker: () => world.users.employment.login_id,
  household_budget_worker: () => world.users.budget.login_id,
  municipal_officer: () => world.users.officer.login_id,
  partner_staff: () => world.users.partnerStaff.login_id,
  admin: () => world.users.admin.login_id,
  auditor: () => world.users.auditor.login_id,
};

/** Every guarded endpoint and the roles that may use it; all others must get 403 and an audit row. */
const guarded: {
  name: string;
  allowed: Role[];
  call: (c: TestClient) => Promise<{ status: number }>;
}[] = [
  { name: 'list staff accounts', allowed: ['admin'], call: (c) => c.get('/api/users') },
  {
    name: 'export staff accounts',
    allowed: ['admin'],
    call: (c) => c.get('/api/users/export.csv'),
  },
  {
    name: 'create a staff account',
    allowed: ['admin'],
    call: (c) =>
      c.post('/api/users', {
        loginId: `new-${Math.random().toString(36).slice(2, 8)}`,
        displayName: '新規 職員',
        roles: ['municipal_officer'],
        initialPassword: 'initial-password-1',
      }),
  },
  { name: 'read the audit log', allowed: ['admin', 'auditor'], call: (c) => c.get('/api/audit') },
  {
    name: 'export the audit log',
    allowed: ['admin', 'auditor'],
    call: (c) => c.get('/api/audit/export.csv'),
  },
  {
    name: 'add a district',
    allowed: ['admin'],
    call: (c) =>
      c.post('/api/municipality/districts', {
        name: `地区${Math.random().toString(36).slice(2, 8)}`,
      }),
  },
  {
    name: 'register a support agency',
    allowed: ['admin'],
    call: (c) =>
      c.post('/api/support-agencies', {
        name: `センター${Math.random().toString(36).slice(2, 8)}`,
        operation: 'direct',
      }),
  },
  {
    name: 'register a partner agency',
    allowed: ['admin', 'chief_support_worker'],
    call: (c) =>
      c.post('/api/partner-agencies', {
        name: `機関${Math.random().toString(36).slice(2, 8)}`,
        field: 'legal',
      }),
  },
  {
    name: 'read the statistics',
    allowed: [
      'support_worker',
      'chief_support_worker',
      'employment_support_worker',
      'household_budget_worker',
      'municipal_officer',
      'admin',
    ],
    call: (c) => c.get('/api/statistics/report?from=2026-04&to=2026-06'),
  },
  {
    name: 'set the statistics targets (目安値)',
    allowed: ['municipal_officer', 'admin'],
    call: async (c) => {
      const current = await t.database.db
        .selectFrom('statistics_target')
        .select('version')
        .where('municipality_id', '=', world.municipality.id)
        .executeTakeFirst();
      return c.put('/api/statistics/targets', {
        version: current?.version ?? 0,
        newConsultations: 24,
        plans: 12,
        employmentSupportTargets: 7,
        employmentRate: 0.7,
      });
    },
  },
];

const allRoles = Object.keys(loginOf) as Role[];

describe.each(guarded)('$name', ({ allowed, call }) => {
  it.each(allRoles)('as %s', async (role) => {
    const client = await signedIn(t.app, loginOf[role]());
    const before = await t.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('outcome', '=', 'denied')
      .where('municipality_id', '=', world.municipality.id)
      .executeTakeFirstOrThrow();
    const res = await call(client);
    const after = await t.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('outcome', '=', 'denied')
      .where('municipality_id', '=', world.municipality.id)
      .executeTakeFirstOrThrow();
    if (allowed.includes(role)) {
      expect(res.status).toBeLessThan(300);
      expect(Number(after.n)).toBe(Number(before.n));
    } else {
      expect(res.status).toBe(403);
      expect(Number(after.n)).toBe(Number(before.n) + 1);
    }
  });
});

describe('a support worker opening an administration action', () => {
  it('gets 403 in Japanese, and the denial is audited with who, what, where and when', async () => {
    const client = await signedIn(t.app, world.users.supportWorker.login_id);
    const res = await client.get<{ error: { code: string; message: string; requestId: string } }>(
      '/api/users',
    );
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    expect(res.body.error.message).toBe('この操作を行う権限がありません。');
    const row = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('request_id', '=', res.body.error.requestId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      actor_user_id: world.users.supportWorker.id,
      actor_login_id: world.users.supportWorker.login_id,
      actor_roles: ['support_worker'],
      actor_organisation_type: 'support_agency',
      actor_organisation_id: world.agency.id,
      municipality_id: world.municipality.id,
      action: 'user.read',
      outcome: 'denied',
      reason: 'FORBIDDEN',
    });
    expect(row.occurred_at).toBeInstanceOf(Date);
  });
});

describe('tenancy', () => {
  it('hides another municipality’s records: 404, not 403, so their existence is not told', async () => {
    const admin = await signedIn(t.app, world.users.admin.login_id);
    const theirs = await createPartnerAgency(t.database.db, other.municipality.id);
    expect((await admin.get(`/api/partner-agencies/${theirs.id}`)).status).toBe(404);
    expect((await admin.get(`/api/users/${other.users.admin.id}`)).status).toBe(404);
    const update = await admin.post(`/api/users/${other.users.supportWorker.id}/disable`);
    expect(update.status).toBe(404);
    const list = await admin.get<{ items: { id: string }[] }>('/api/partner-agencies');
    expect(list.body.items.map((p) => p.id)).not.toContain(theirs.id);
  });

  it('shows an auditor only the audit rows of their own municipality', async () => {
    await signedIn(t.app, other.users.supportWorker.login_id);
    const auditor = await signedIn(t.app, world.users.auditor.login_id);
    const res = await auditor.get<{ items: { actorUserId: string | null }[] }>(
      '/api/audit?limit=500',
    );
    const foreign = new Set(Object.values(other.users).map((u) => u.id));
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items.some((e) => e.actorUserId && foreign.has(e.actorUserId))).toBe(false);
  });

  it('refuses an account pointing at another municipality’s agency, in the database too', async () => {
    await expect(
      t.database.db
        .updateTable('app_user')
        .set({ support_agency_id: other.agency.id })
        .where('id', '=', world.users.supportWorker.id)
        .execute(),
    ).rejects.toThrow(/foreign key/);
  });
});

describe('the abilities in each answer', () => {
  it('tell the screens what the user may do with each record', async () => {
    const chief = await signedIn(t.app, world.users.chief.login_id);
    const officer = await signedIn(t.app, world.users.officer.login_id);
    const asChief = await chief.get<{
      abilities: { create: boolean };
      items: { abilities: { update: boolean } }[];
    }>('/api/partner-agencies');
    const asOfficer = await officer.get<{
      abilities: { create: boolean };
      items: { abilities: { update: boolean } }[];
    }>('/api/partner-agencies');
    expect(asChief.body.abilities.create).toBe(true);
    expect(asChief.body.items[0]?.abilities.update).toBe(true);
    expect(asOfficer.body.abilities.create).toBe(false);
    expect(asOfficer.body.items[0]?.abilities.update).toBe(false);
  });
});
