import { describe, expect, it } from 'vitest';
import { roles } from '../../domain/roles';
import { todayInJapan } from '../../domain/text/wareki';
import { createApp } from '../app';
import { openPGlite } from '../db/connect';
import { applyMigrations } from '../db/migrate';
import { TestClient } from '../test/client';
import { testConfig } from '../test/test-app';
import { demoPassword, demoUsers } from './demo-data';
import { hasDemoData, seedDemoData } from './seed-demo';

describe('demo data', () => {
  it('creates 架空市 with 4 districts, a direct and a commissioned agency, partners, one user per role, the demo caseload and its meetings — once', async () => {
    const database = await openPGlite({});
    try {
      await applyMigrations(database);
      const config = testConfig();
      const today = todayInJapan();
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
        // In the order the demo opened them: their numbers restart each fiscal year, and the
        // stories are told in days before today, so the numbers' order depends on the date.
        .orderBy('support_case.created_at')
        .orderBy('support_case.id')
        .execute();
      expect(cases.map((c) => c.status)).toEqual([
        'in_support',
        'follow_up',
        'in_support',
        'assessing',
        'referred_out',
        'detected',
        // seed 004's household (multi-agency work) and the young man reached through outreach
        'applied',
        'applied',
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

      // The meetings: the monthly 支援調整会議, the municipality's 支援会議, and the 重層的支援会議
      // that agreed the multi-agency household's roles (demo-multi-agency.test.ts follows it).
      const series = await database.db
        .selectFrom('meeting_series')
        .select(['id', 'type', 'legal_basis'])
        .orderBy('type')
        .execute();
      expect(series.map((s) => [s.type, s.legal_basis])).toEqual([
        ['coordination', null],
        ['multi_agency', null],
        ['support_meeting', 'poverty_act_9'],
      ]);
      const [coordination, multiAgency, supportMeeting] = series;
      const meetings = await database.db
        .selectFrom('meeting')
        .select(['id', 'series_id', 'held_on', 'status'])
        .orderBy('held_on')
        .execute();
      expect(meetings.filter((m) => m.series_id === multiAgency?.id).map((m) => m.status)).toEqual([
        'held',
      ]);
      const held = meetings.filter((m) => m.status === 'held' && m.series_id !== multiAgency?.id);
      const planned = meetings.filter((m) => m.status === 'planned');
      expect(held).toMatchObject([{ series_id: coordination?.id }]);
      expect((held[0]?.held_on ?? today) < today).toBe(true);
      expect(planned.map((m) => m.series_id).sort()).toEqual(
        [coordination?.id, supportMeeting?.id].sort(),
      );
      expect(planned.every((m) => m.held_on >= today)).toBe(true);
      const itemsOf = (meetingId: string) =>
        database.db
          .selectFrom('meeting_item')
          .select(['case_id', 'kind', 'basis', 'legal_basis', 'consent_id', 'decision'])
          .where('meeting_id', '=', meetingId)
          .orderBy('position')
          .execute();
      // Last month's sitting: the officer was there; two cases shared and noted.
      const attendees = await database.db
        .selectFrom('meeting_attendee')
        .select(['municipal', 'present'])
        .where('meeting_id', '=', held[0]?.id ?? '')
        .execute();
      expect(attendees).toContainEqual({ municipal: true, present: true });
      expect(await itemsOf(held[0]?.id ?? '')).toMatchObject([
        { case_id: a?.id, basis: 'consent', decision: 'noted' },
        { case_id: c?.id, basis: 'consent', decision: 'noted' },
      ]);
      // The next sitting's agenda came from the workers' requests, through the consent gate.
      const next = planned.find((m) => m.series_id === coordination?.id);
      expect(await itemsOf(next?.id ?? '')).toMatchObject([
        { case_id: a?.id, kind: 'sharing', basis: 'consent', decision: null },
        { case_id: c?.id, kind: 'evaluation', basis: 'consent', decision: null },
      ]);
      // The 支援会議 discusses the lead, not consented, on the basis of the law.
      const lead = cases[5];
      const support = planned.find((m) => m.series_id === supportMeeting?.id);
      expect(await itemsOf(support?.id ?? '')).toEqual([
        {
          case_id: lead?.id,
          kind: 'sharing',
          basis: 'law',
          legal_basis: 'poverty_act_9',
          consent_id: null,
          decision: null,
        },
      ]);

      const as = async (login: string) => {
        const c = new TestClient(app);
        expect((await c.signIn(login, demoPassword)).status).toBe(200);
        return c;
      };
      // The support worker's home page lists the homework, due at the next sitting.
      const tasks = await (await as('shien')).get<{
        items: { description: string; dueOn: string; personName: string | null }[];
      }>('/api/meetings/tasks');
      expect(tasks.status).toBe(200);
      expect(tasks.body.items.length).toBeGreaterThanOrEqual(1);
      expect(tasks.body.items.every((t) => t.dueOn === next?.held_on)).toBe(true);
      expect(tasks.body.items.map((t) => t.personName)).toContain(a?.name);
      // Only the chief has acknowledged the 支援会議's duty of confidentiality.
      type Agenda = { agenda: { visible: boolean; refusal?: string; personName?: string }[] };
      const chiefView = await (await as('shunin')).get<Agenda>(`/api/meetings/${support?.id}`);
      expect(chiefView.body.agenda).toMatchObject([{ visible: true, personName: lead?.name }]);
      const officerView = await (await as('jichitai')).get<Agenda>(`/api/meetings/${support?.id}`);
      expect(officerView.body.agenda).toMatchObject([
        { visible: false, refusal: 'CONFIDENTIALITY_NOT_ACKNOWLEDGED' },
      ]);
      // The care centre joins the next sitting for Cさん only, whose consent covers it.
      const partnerView = await (await as('kankei')).get<Agenda>(`/api/meetings/${next?.id}`);
      expect(partnerView.body.agenda).toMatchObject([
        { visible: false, refusal: 'MEETING_NOT_MEMBER' },
        { visible: true, personName: c?.name },
      ]);
    } finally {
      await database.close();
    }
  });
});
