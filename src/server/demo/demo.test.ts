import { describe, expect, it } from 'vitest';
import { roles } from '../../domain/roles';
import { createApp } from '../app';
import { openPGlite } from '../db/connect';
import { applyMigrations } from '../db/migrate';
import { TestClient } from '../test/client';
import { testConfig } from '../test/test-app';
import { demoPassword, demoUsers } from './demo-data';
import { hasDemoData, seedDemoData } from './seed-demo';

describe('demo data', () => {
  it('creates 架空市 with 4 districts, a direct and a commissioned agency, partners, one user per role and the demo caseload — once', async () => {
    const database = await openPGlite({});
    try {
      await applyMigrations(database);
      const config = testConfig();
      expect(await seedDemoData(database, config)).toBe(true);
      expect(await seedDemoData(database, config)).toBe(false);
      expect(await hasDemoData(database.db)).toBe(true);

      const municipalities = await database.db.selectFrom('municipality').selectAll().execute();
      expect(municipalities).toMatchObject([{ name: '架空市', population: 120_000 }]);
      const districts = await database.db.selectFrom('district').select('name').execute();
      expect(districts).toHaveLength(4);
      const agencies = await database.db.selectFrom('support_agency').select('operation').execute();
      expect(agencies.map((a) => a.operation).sort()).toEqual(['commissioned', 'direct']);
      const partners = await database.db.selectFrom('partner_agency').select('id').execute();
      expect(partners.length).toBeGreaterThanOrEqual(5);
      const users = await database.db.selectFrom('app_user').select('roles').execute();
      expect(users.flatMap((u) => u.roles).sort()).toEqual([...roles].sort());
      expect(demoUsers).toHaveLength(roles.length);

      // The demo caseload: seed 002's three case examples at their recorded stages, and newer cases.
      const cases = await database.db
        .selectFrom('support_case')
        .innerJoin('person', 'person.id', 'support_case.person_id')
        .select(['support_case.id', 'person.id as personId', 'person.name', 'support_case.status'])
        .orderBy('support_case.case_number')
        .execute();
      expect(cases.map((c) => c.status)).toEqual([
        'in_support',
        'follow_up',
        'in_support',
        'assessing',
        'referred_out',
        'detected',
      ]);
      const [a, b, c] = cases;
      const plansOf = (caseId: string) =>
        database.db
          .selectFrom('plan')
          .select(['id', 'plan_no', 'revision', 'status'])
          .where('case_id', '=', caseId)
          .orderBy('plan_no')
          .orderBy('revision')
          .execute();
      // Aさん: the first plan and three re-plans, the fourth in force.
      expect((await plansOf(a?.id ?? '')).map((p) => [p.plan_no, p.status])).toEqual([
        [1, 'superseded'],
        [2, 'superseded'],
        [3, 'superseded'],
        [4, 'active'],
      ]);
      // Bさん: terminated after the second evaluation, followed up by his worker.
      const closure = await database.db
        .selectFrom('case_closure')
        .selectAll()
        .where('case_id', '=', b?.id ?? '')
        .executeTakeFirstOrThrow();
      expect(closure).toMatchObject({
        kind: 'termination',
        reason: 'goals_in_sight',
        follow_up: true,
      });
      const evaluations = await database.db
        .selectFrom('evaluation')
        .select(['decision', 'employed'])
        .where('case_id', '=', b?.id ?? '')
        .orderBy('evaluated_on')
        .execute();
      expect(evaluations).toEqual([
        { decision: 'replan', employed: true },
        { decision: 'terminate', employed: true },
      ]);
      // Cさん: five family members, a plan change in force with 17 service lines across them.
      const members = await database.db
        .selectFrom('household_member')
        .select('id')
        .where('person_id', '=', c?.personId ?? '')
        .execute();
      expect(members).toHaveLength(5);
      const cPlans = await plansOf(c?.id ?? '');
      const active = cPlans.find((p) => p.status === 'active');
      expect(active).toMatchObject({ plan_no: 1, revision: 1 });
      const lines = await database.db
        .selectFrom('plan_service')
        .select(['household_member_id'])
        .where('plan_id', '=', active?.id ?? '')
        .execute();
      expect(lines).toHaveLength(17);
      expect(new Set(lines.map((l) => l.household_member_id).filter(Boolean)).size).toBe(5);
      // Everything the stories did went through the audited use cases.
      const audited = await database.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('action', '=', 'case.transition')
        .executeTakeFirstOrThrow();
      expect(Number(audited.n)).toBeGreaterThan(40);

      const app = createApp({
        config,
        database,
        logger: { debug() {}, info() {}, warn() {}, error() {} },
        csrfKey: 'k',
        now: () => new Date(),
      });
      const client = new TestClient(app);
      for (const user of demoUsers) {
        expect((await new TestClient(app).signIn(user.loginId, demoPassword)).status).toBe(200);
      }
      expect(client).toBeDefined();
    } finally {
      await database.close();
    }
  });
});
