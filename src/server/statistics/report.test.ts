import type { Kysely } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImprovementItem } from '../../domain/cases/vocabulary';
import type { StatisticsReport } from '../../domain/statistics/report';
import type { Database } from '../db/schema';
import { signedIn, type TestClient } from '../test/client';
import {
  createMunicipality,
  createPartnerAgency,
  createSupportAgency,
  createUser,
} from '../test/factories';
import { type TestApp, testApp } from '../test/test-app';

/**
 * The statistics on a hand-built municipality whose every figure is known. Range: 2026-04 to
 * 2026-06 (FY2026 Q1). Population 200,000; district 北 50,000, district 南 not set.
 *
 *  C1 agency A, 北: intake 04-05 (continue); plan 1 decided 05-20 (target); its プラン変更
 *     decided 06-02 (never counted); evaluated 06-15 employed [motivation] and 06-25 employed
 *     again + income [] — a case spanning three months, employment counted once.
 *  C2 agency A, 南: intake 03-20 (before the range), triaged 04-02 (continue); plan 1 decided
 *     03-30 (no target), evaluated 04-20 income [housing, health] → re-plan: plan 2 decided 05-10
 *     (target), evaluated 06-10 employed [has_goal].
 *  C3 agency A, 北: intake 04-10 (info only), closed, reopened 2026-06-01 00:30 in Japan
 *     (2026-05-31 UTC): a reopened case is a new consultation in June.
 *  C4 agency A, 南: intake 05-03, referred out to 生活保護 (arrived).
 *  C5 agency A, 南: intake 06-01, referred out (triaged 06-02) to a partner, pending.
 *  C6 agency A, 北 → 南 from 05-15: intake 04-01 (in 北); plan 1 decided 05-20 (target, in 南);
 *     evaluated 06-20 employed [housing].
 *  C7 agency B, 北: intake 04-15; plan 1 decided 04-30 (no target).
 *  C8 agency A: a lead (把握) 04-20 without intake — not a consultation.
 *  C9 agency A: intake 07-01 — after the range.
 */

let t: TestApp;
let db: Kysely<Database>;
const ids = {} as Record<string, string>;
let municipalityId: string;
let officer: TestClient;
let workerA: TestClient;
let workerB: TestClient;
let chiefA: TestClient;
const range = 'from=2026-04&to=2026-06';

async function buildWorld() {
  const municipality = await createMunicipality(db, { population: 200_000 });
  municipalityId = municipality.id;
  const agencyA = await createSupportAgency(db, municipalityId, { name: 'テスト中央センター' });
  const agencyB = await createSupportAgency(db, municipalityId, { name: 'テスト東センター' });
  const partner = await createPartnerAgency(db, municipalityId);
  ids.agencyA = agencyA.id;
  ids.agencyB = agencyB.id;
  const [north, south] = await db
    .insertInto('district')
    .values([
      { municipality_id: municipalityId, name: '北地区', population: 50_000 },
      { municipality_id: municipalityId, name: '南地区' },
    ])
    .returning('id')
    .execute();
  ids.north = north?.id ?? '';
  ids.south = south?.id ?? '';
  const officerUser = await createUser(db, { municipalityId, roles: ['municipal_officer'] });
  const worker = await createUser(db, {
    municipalityId,
    roles: ['support_worker'],
    supportAgencyId: agencyA.id,
    displayName: '相談 太郎',
  });
  const chief = await createUser(db, {
    municipalityId,
    roles: ['chief_support_worker'],
    supportAgencyId: agencyA.id,
  });
  const workerOfB = await createUser(db, {
    municipalityId,
    roles: ['support_worker'],
    supportAgencyId: agencyB.id,
    displayName: '支援 花子',
  });
  ids.worker = worker.id;
  ids.workerB = workerOfB.id;
  ids.officer = officerUser.id;

  let n = 0;
  const person = async (sex: 'male' | 'female' | null, birth: string | null) =>
    (
      await db
        .insertInto('person')
        .values({
          municipality_id: municipalityId,
          name: `統計 太郎${++n}`,
          name_kana: 'とうけい たろう',
          sex,
          birth_date: birth,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const kase = async (
    key: string,
    p: { sex: 'male' | 'female' | null; birth: string | null },
    c: {
      agency?: string;
      district: string | null;
      opened: string;
      status?: Database['support_case']['status'] extends infer S ? S : never;
      closed?: string;
    },
  ) => {
    const personId = await person(p.sex, p.birth);
    const row = await db
      .insertInto('support_case')
      .values({
        municipality_id: municipalityId,
        case_number: `T-${key}`,
        person_id: personId,
        support_agency_id: c.agency ?? agencyA.id,
        lead_worker_id: c.agency === agencyB.id ? workerOfB.id : worker.id,
        district_id: c.district,
        status: (c.status ?? 'in_support') as never,
        opened_on: c.opened,
        closed_on: c.closed ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[key] = row.id;
    return row.id;
  };
  const intake = (
    caseId: string,
    i: {
      received: string;
      route: Database['intake']['route_in'] extends infer R ? R : never;
      topics: string[];
      triage?: 'continue' | 'refer_out' | 'info_only';
      triaged?: string;
    },
  ) =>
    db
      .insertInto('intake')
      .values({
        case_id: caseId,
        municipality_id: municipalityId,
        received_on: i.received,
        route_in: i.route as never,
        topics: i.topics as never,
        main_topic: i.topics[0] as never,
        triage_outcome: i.triage ?? null,
        triaged_on: i.triage ? (i.triaged ?? i.received) : null,
      })
      .execute();
  const plan = async (
    caseId: string,
    p: { no: number; revision?: number; target: boolean; decided: string },
  ) => {
    const row = await db
      .insertInto('plan')
      .values({
        municipality_id: municipalityId,
        case_id: caseId,
        plan_no: p.no,
        revision: p.revision ?? 0,
        status: 'active',
        employment_support_target: p.target,
        change_reason: p.revision ? '就労先が決まったため' : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('support_decision')
      .values({
        municipality_id: municipalityId,
        plan_id: row.id,
        case_id: caseId,
        kind: p.revision ? 'confirmation' : 'decision',
        decided_on: p.decided,
        decided_by: officerUser.id,
      })
      .execute();
    return row.id;
  };
  let seq = 0;
  const evaluate = (
    caseId: string,
    planId: string,
    e: { on: string; employed?: boolean; income?: boolean; improvements?: ImprovementItem[] },
  ) =>
    db
      .insertInto('evaluation')
      .values({
        municipality_id: municipalityId,
        case_id: caseId,
        plan_id: planId,
        evaluated_on: e.on,
        employed: e.employed ?? false,
        income_increased: e.income ?? false,
        improvements: e.improvements ?? [],
        decision: 'continue',
        created_at: new Date(Date.UTC(2026, 0, 1, 0, 0, ++seq)),
      })
      .execute();

  // C1 — spans months.
  const c1 = await kase(
    'C1',
    { sex: 'male', birth: '1980-05-10' },
    { district: ids.north, opened: '2026-04-05' },
  );
  await intake(c1, {
    received: '2026-04-05',
    route: 'self_visit',
    topics: ['income', 'job_search'],
    triage: 'continue',
  });
  await plan(c1, { no: 1, target: true, decided: '2026-05-20' });
  const c1change = await plan(c1, { no: 1, revision: 1, target: true, decided: '2026-06-02' });
  await evaluate(c1, c1change, { on: '2026-06-15', employed: true, improvements: ['motivation'] });
  await evaluate(c1, c1change, { on: '2026-06-25', employed: true, income: true });

  // C2 — a re-plan.
  const c2 = await kase(
    'C2',
    { sex: 'female', birth: '1990-01-01' },
    { district: ids.south, opened: '2026-03-20' },
  );
  await intake(c2, {
    received: '2026-03-20',
    route: 'self_visit',
    topics: ['income'],
    triage: 'continue',
    triaged: '2026-04-02',
  });
  const c2p1 = await plan(c2, { no: 1, target: false, decided: '2026-03-30' });
  await evaluate(c2, c2p1, {
    on: '2026-04-20',
    income: true,
    improvements: ['housing_secured', 'health_improved'],
  });
  const c2p2 = await plan(c2, { no: 2, target: true, decided: '2026-05-10' });
  await evaluate(c2, c2p2, { on: '2026-06-10', employed: true, improvements: ['has_goal'] });

  // C3 — closed, then reopened just after midnight in Japan on 1 June.
  const c3 = await kase(
    'C3',
    { sex: 'male', birth: null },
    { district: ids.north, opened: '2026-04-10', status: 'reopened' },
  );
  await intake(c3, {
    received: '2026-04-10',
    route: 'partner_agency',
    topics: ['debt'],
    triage: 'info_only',
  });
  await db
    .insertInto('case_transition')
    .values({
      case_id: c3,
      municipality_id: municipalityId,
      from_status: 'closed',
      to_status: 'reopened',
      action: 'reopen',
      occurred_at: '2026-05-31T15:30:00Z',
    })
    .execute();

  // C4 — referred out to 生活保護.
  const c4 = await kase(
    'C4',
    { sex: null, birth: '2010-06-01' },
    { district: ids.south, opened: '2026-05-03', status: 'referred_out' },
  );
  await intake(c4, {
    received: '2026-05-03',
    route: 'welfare_commissioner',
    topics: ['income', 'no_food'],
    triage: 'refer_out',
  });
  await db
    .insertInto('referral')
    .values({
      municipality_id: municipalityId,
      case_id: c4,
      destination_name: '福祉事務所 保護担当',
      to_public_assistance: true,
      referred_on: '2026-05-03',
      status: 'arrived',
      confirmed_on: '2026-05-08',
    })
    .execute();

  // C5 — referred out to a partner agency.
  const c5 = await kase(
    'C5',
    { sex: 'female', birth: '1960-07-01' },
    { district: ids.south, opened: '2026-06-01', status: 'referred_out' },
  );
  await intake(c5, {
    received: '2026-06-01',
    route: 'self_phone',
    topics: ['care'],
    triage: 'refer_out',
    triaged: '2026-06-02',
  });
  await db
    .insertInto('referral')
    .values({
      municipality_id: municipalityId,
      case_id: c5,
      partner_agency_id: partner.id,
      referred_on: '2026-06-02',
    })
    .execute();

  // C6 — moves from 北 to 南 on 15 May (through the API, below).
  const c6 = await kase(
    'C6',
    { sex: 'male', birth: '1975-03-01' },
    { district: ids.north, opened: '2026-04-01' },
  );
  await intake(c6, {
    received: '2026-04-01',
    route: 'self_visit',
    topics: ['housing'],
    triage: 'continue',
  });
  const c6p1 = await plan(c6, { no: 1, target: true, decided: '2026-05-20' });
  await evaluate(c6, c6p1, { on: '2026-06-20', employed: true, improvements: ['housing_secured'] });

  // C7 — agency B.
  const c7 = await kase(
    'C7',
    { sex: 'female', birth: '1985-08-01' },
    { agency: agencyB.id, district: ids.north, opened: '2026-04-15' },
  );
  await intake(c7, {
    received: '2026-04-15',
    route: 'other',
    topics: ['family'],
    triage: 'continue',
  });
  await plan(c7, { no: 1, target: false, decided: '2026-04-30' });

  // C8 — a lead only; C9 — after the range.
  await kase(
    'C8',
    { sex: 'male', birth: '1970-01-01' },
    { district: ids.north, opened: '2026-04-20', status: 'detected' },
  );
  const c9 = await kase(
    'C9',
    { sex: 'male', birth: '1970-01-01' },
    { district: ids.north, opened: '2026-07-01', status: 'intake' },
  );
  await intake(c9, { received: '2026-07-01', route: 'self_visit', topics: ['income'] });

  // A 支援調整会議 held on 12 May discussing C1 and C6; another only planned.
  const series = await db
    .insertInto('meeting_series')
    .values({
      municipality_id: municipalityId,
      type: 'coordination',
      name: '支援調整会議',
      pattern: 'ad_hoc',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const [held, planned] = await db
    .insertInto('meeting')
    .values([
      {
        municipality_id: municipalityId,
        series_id: series.id,
        held_on: '2026-05-12',
        starts_at: '10:00',
        status: 'held',
      },
      {
        municipality_id: municipalityId,
        series_id: series.id,
        held_on: '2026-06-09',
        starts_at: '10:00',
      },
    ])
    .returning('id')
    .execute();
  if (!held || !planned) throw new Error('meetings');
  const item = (meetingId: string, caseId: string, position: number, minutes: number) => ({
    municipality_id: municipalityId,
    meeting_id: meetingId,
    series_id: series.id,
    case_id: caseId,
    kind: 'new_plan' as const,
    position,
    minutes,
    basis: 'internal' as const,
  });
  await db
    .insertInto('meeting_item')
    .values([item(held.id, c1, 1, 15), item(held.id, c6, 2, 20), item(planned.id, c2, 1, 30)])
    .execute();
  await db
    .insertInto('meeting_attendee')
    .values([
      {
        municipality_id: municipalityId,
        meeting_id: held.id,
        user_id: officerUser.id,
        present: true,
      },
      { municipality_id: municipalityId, meeting_id: held.id, user_id: worker.id, present: true },
      { municipality_id: municipalityId, meeting_id: held.id, name: '民生委員 甲', present: false },
    ])
    .execute();

  // A resource gap raised on 1 May (Japan) naming C6.
  const gap = await db
    .insertInto('resource_gap')
    .values({
      municipality_id: municipalityId,
      description: '夜間に相談できる居場所がない',
      created_at: '2026-04-30T16:00:00Z',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('resource_gap_case')
    .values({ gap_id: gap.id, municipality_id: municipalityId, case_id: c6 })
    .execute();

  return { officerUser, worker, chief, workerOfB };
}

beforeAll(async () => {
  t = await testApp();
  db = t.database.db;
  // Mid-July 2026: the whole range is in the past.
  t.clock.advance(Date.parse('2026-07-15T00:00:00Z') - t.clock.now().getTime());
  const users = await buildWorld();
  officer = await signedIn(t.app, users.officerUser.login_id);
  workerA = await signedIn(t.app, users.worker.login_id);
  workerB = await signedIn(t.app, users.workerOfB.login_id);
  chiefA = await signedIn(t.app, users.chief.login_id);
  const moved = await workerA.put(`/api/statistics/cases/${ids.C6}/district`, {
    version: 1,
    districtId: ids.south,
    movedOn: '2026-05-15',
  });
  expect(moved.status, moved.text).toBe(200);
});

const report = async (client: TestClient, query = '') => {
  const res = await client.get<StatisticsReport>(`/api/statistics/report?${range}${query}`);
  expect(res.status, res.text).toBe(200);
  return res.body;
};

const month = (r: StatisticsReport, key: string) => {
  const found = r.months.find((m) => m.month === key);
  if (!found) throw new Error(`no month ${key}`);
  return found;
};

const asMap = (rows: { key: string; count: number }[]) =>
  Object.fromEntries(rows.filter((r) => r.count > 0).map((r) => [r.key, r.count]));

describe('the national indicators of the whole municipality', () => {
  it('count new consultations by month: intakes, and a reopening in Japan’s calendar', async () => {
    const r = await report(officer);
    expect(r.scope).toMatchObject({
      months: ['2026-04', '2026-05', '2026-06'],
      population: 200_000,
    });
    expect(r.months.map((m) => m.newConsultations)).toEqual([4, 1, 2]);
    expect(r.total.newConsultations).toBe(7);
    expect(month(r, '2026-04').per100k.newConsultations).toBe(2);
    expect(r.total.per100k.newConsultations).toBeCloseTo((7 * 100_000) / 200_000 / 3, 10);
  });

  it('count plans when decided: first plans and re-plans apart, a プラン変更 never', async () => {
    const r = await report(officer);
    expect(r.months.map((m) => [m.firstPlans, m.replans, m.employmentSupportTargets])).toEqual([
      [1, 0, 0],
      [2, 1, 3],
      [0, 0, 0],
    ]);
    expect(r.total).toMatchObject({
      plans: 4,
      firstPlans: 3,
      replans: 1,
      employmentSupportTargets: 3,
    });
    expect(r.total.per100k.plans).toBeCloseTo((4 * 100_000) / 200_000 / 3, 10);
  });

  it('count 就労・増収 once per plan, at the first evaluation recording it, with ② and ③', async () => {
    const r = await report(officer);
    expect(month(r, '2026-04')).toMatchObject({
      employed: 0,
      incomeIncreased: 1,
      incomeIncreasedOfTargets: 0,
      employmentRate: null,
    });
    expect(month(r, '2026-05')).toMatchObject({ employed: 0, employmentRate: 0 });
    expect(month(r, '2026-06')).toMatchObject({
      employed: 3,
      employedOfTargets: 3,
      incomeIncreased: 1,
      incomeIncreasedOfTargets: 1,
      employmentRate: null,
    });
    expect(r.total).toMatchObject({
      employed: 3,
      employedOfTargets: 3,
      incomeIncreased: 2,
      incomeIncreasedOfTargets: 1,
    });
    expect(r.total.employmentRate).toBeCloseTo(4 / 3, 10);
  });

  it('judge 自立に向けた改善 on each plan holder’s latest evaluation of the period', async () => {
    const r = await report(officer);
    expect(month(r, '2026-04')).toMatchObject({
      planHoldersEvaluated: 1,
      improved: 1,
      improvedShare: 1,
    });
    expect(month(r, '2026-06')).toMatchObject({ planHoldersEvaluated: 3, improved: 2 });
    expect(r.total).toMatchObject({ planHoldersEvaluated: 3, improved: 2 });
    expect(r.total.improvedShare).toBeCloseTo(2 / 3, 10);
    expect(asMap(r.improvements)).toEqual({ has_goal: 1, housing_secured: 1 });
  });

  it('count triage outcomes, with the つなぎ to 生活保護 apart', async () => {
    const r = await report(officer);
    expect(r.triage).toEqual({
      continued: 4,
      referredOut: 2,
      referredOutToPublicAssistance: 1,
      infoOnly: 1,
    });
  });

  it('break the new consultations down by age band, sex, topic and route', async () => {
    const r = await report(officer);
    expect(asMap(r.breakdowns.ageBand)).toEqual({
      under20: 1,
      '40s': 2,
      '50s': 1,
      '65plus': 1,
      unknown: 1,
    });
    expect(r.breakdowns.ageBand.map((b) => b.key)).toEqual([
      'under20',
      '20s',
      '30s',
      '40s',
      '50s',
      '60to64',
      '65plus',
      'unknown',
    ]);
    expect(asMap(r.breakdowns.sex)).toEqual({ male: 3, female: 2, unknown: 1 });
    expect(asMap(r.breakdowns.topic)).toEqual({
      income: 2,
      job_search: 1,
      debt: 1,
      housing: 1,
      family: 1,
      no_food: 1,
      care: 1,
    });
    expect(asMap(r.breakdowns.route)).toEqual({
      self_visit: 2,
      partner_agency: 1,
      other: 1,
      welfare_commissioner: 1,
      self_phone: 1,
    });
  });

  it('count meetings held, referrals, resource gaps and the caseload per worker', async () => {
    const r = await report(officer);
    expect(r.meetings).toEqual({
      held: 1,
      casesDiscussed: 2,
      casesPerMeeting: 2,
      minutes: 35,
      attendeesPresent: 2,
      attendeesInvited: 3,
    });
    expect(r.referrals).toMatchObject({ sent: 2, arrived: 1, pending: 1, toPublicAssistance: 1 });
    expect(r.resourceGaps).toEqual({ raised: 1, byStatus: [{ key: 'raised', count: 1 }] });
    // Open now: C1, C2, C3, C6, C8 (led by 相談 太郎), C9; C7 (支援 花子). New in range: C1, C3–C6; C7.
    expect(r.caseload).toEqual([
      { userId: ids.worker, name: '相談 太郎', open: 6, newInRange: 5 },
      { userId: ids.workerB, name: '支援 花子', open: 1, newInRange: 1 },
    ]);
  });
});

describe('a report narrowed to a district or an agency', () => {
  it('counts a moved case in its old district before the move and in the new one after', async () => {
    const north = await report(officer, `&districtId=${ids.north}`);
    expect(north.scope).toMatchObject({ districtName: '北地区', population: 50_000 });
    expect(north.months.map((m) => m.newConsultations)).toEqual([4, 0, 1]);
    expect(north.total).toMatchObject({
      firstPlans: 2,
      replans: 0,
      employmentSupportTargets: 1,
      employed: 1,
      employedOfTargets: 1,
      incomeIncreased: 1,
      incomeIncreasedOfTargets: 1,
    });
    expect(month(north, '2026-04').per100k.newConsultations).toBe(8);
    // On 12 May C6 was still in 北: both items of the meeting are 北's.
    expect(north.meetings).toMatchObject({ held: 1, casesDiscussed: 2, minutes: 35 });

    const south = await report(officer, `&districtId=${ids.south}`);
    expect(south.scope.population).toBeNull();
    expect(south.months.map((m) => m.newConsultations)).toEqual([0, 1, 1]);
    expect(south.total).toMatchObject({
      firstPlans: 1,
      replans: 1,
      employmentSupportTargets: 2,
      employed: 2,
      employedOfTargets: 2,
      incomeIncreased: 1,
      incomeIncreasedOfTargets: 0,
    });
    expect(south.total.per100k.newConsultations).toBeNull();
    expect(south.meetings).toMatchObject({ held: 0, casesDiscussed: 0, casesPerMeeting: null });
    expect(south.resourceGaps.raised).toBe(0); // raised on 1 May, when C6 was still in 北
    const history = await db
      .selectFrom('case_district_history')
      .select(['district_id', 'valid_from', 'valid_to'])
      .where('case_id', '=', ids.C6 ?? '')
      .orderBy('valid_from')
      .execute();
    expect(history).toEqual([
      { district_id: ids.north, valid_from: '2026-04-01', valid_to: '2026-05-15' },
      { district_id: ids.south, valid_from: '2026-05-15', valid_to: null },
    ]);
  });

  it('counts one agency’s cases only', async () => {
    const b = await report(officer, `&supportAgencyId=${ids.agencyB}`);
    expect(b.scope.supportAgencyName).toBe('テスト東センター');
    expect(b.total).toMatchObject({
      newConsultations: 1,
      firstPlans: 1,
      employmentSupportTargets: 0,
    });
    expect(b.caseload).toEqual([
      { userId: ids.workerB, name: '支援 花子', open: 1, newInRange: 1 },
    ]);
  });
});

describe('access', () => {
  it('holds agency staff to their own agency: none given means theirs, another is refused', async () => {
    const own = await report(workerA);
    expect(own.scope.supportAgencyId).toBe(ids.agencyA);
    expect(own.total.newConsultations).toBe(6);
    const denied = await workerA.get(
      `/api/statistics/report?${range}&supportAgencyId=${ids.agencyB}`,
    );
    expect(denied.status).toBe(403);
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'outcome', 'subject_id'])
      .where('municipality_id', '=', municipalityId)
      .where('outcome', '=', 'denied')
      .where('actor_user_id', '=', ids.worker ?? '')
      .execute();
    expect(audit).toContainEqual({
      action: 'statistics.read',
      outcome: 'denied',
      subject_id: ids.agencyB,
    });
    expect((await report(workerB)).total.newConsultations).toBe(1);
  });

  it('checks the range: whole months, from before to, at most 24', async () => {
    const reversed = await officer.get<{ error: { fields: { path: string; message: string }[] } }>(
      '/api/statistics/report?from=2026-06&to=2026-04',
    );
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.fields[0]).toMatchObject({
      path: 'to',
      message: '終わりの月は始めの月以降にしてください。',
    });
    const long = await officer.get('/api/statistics/report?from=2024-04&to=2026-04');
    expect(long.status).toBe(400);
    const wrong = await officer.get('/api/statistics/report?from=2026-4&to=2026-06');
    expect(wrong.status).toBe(400);
  });

  it('lists the 支援ケース一覧 of visible cases only, audited with the people listed', async () => {
    const res = await workerA.get<{
      items: {
        caseNumber: string;
        personId: string;
        districtName: string | null;
        currentPlanNo: number | null;
        latestEvaluation: { employed: boolean } | null;
        age: number | null;
      }[];
    }>(`/api/statistics/case-list?${range}`);
    expect(res.status, res.text).toBe(200);
    // Active in the range and visible to agency A: not C7 (agency B), not C9 (opened in July).
    expect(res.body.items.map((i) => i.caseNumber)).toEqual([
      'T-C1',
      'T-C2',
      'T-C3',
      'T-C4',
      'T-C5',
      'T-C6',
      'T-C8',
    ]);
    const c1 = res.body.items[0];
    expect(c1).toMatchObject({ currentPlanNo: 1, latestEvaluation: { employed: true }, age: 46 });
    const c6 = res.body.items.find((i) => i.caseNumber === 'T-C6');
    expect(c6?.districtName).toBe('南地区');
    const audit = await db
      .selectFrom('audit_log')
      .select(['person_ids'])
      .where('actor_user_id', '=', ids.worker ?? '')
      .where('action', '=', 'statistics.caseList')
      .executeTakeFirstOrThrow();
    expect(audit.person_ids).toHaveLength(7);
    const north = await officer.get<{ items: { caseNumber: string }[] }>(
      `/api/statistics/case-list?${range}&districtId=${ids.north}`,
    );
    expect(north.body.items.map((i) => i.caseNumber)).toEqual([
      'T-C1',
      'T-C3',
      'T-C6',
      'T-C7',
      'T-C8',
    ]);
  });

  it('lets only officers and administrators set the 目安値, once per version', async () => {
    const denied = await chiefA.put('/api/statistics/targets', {
      version: 0,
      newConsultations: 24,
      plans: 12,
      employmentSupportTargets: 7,
      employmentRate: 0.7,
    });
    expect(denied.status).toBe(403);
    const first = await officer.put<{ version: number }>('/api/statistics/targets', {
      version: 0,
      newConsultations: '２４',
      plans: 12,
      employmentSupportTargets: 7,
      employmentRate: '',
    });
    expect(first.status, first.text).toBe(200);
    expect(first.body.version).toBe(1);
    const stale = await officer.put<{ error: { code: string } }>('/api/statistics/targets', {
      version: 0,
      newConsultations: 20,
      plans: 10,
      employmentSupportTargets: 6,
      employmentRate: null,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    const r = await report(workerA);
    expect(r.targets).toEqual({
      newConsultations: 24,
      plans: 12,
      employmentSupportTargets: 7,
      employmentRate: null,
    });
  });

  it('lets officers set a district’s population, and offers the filters the actor may use', async () => {
    const denied = await workerA.put(`/api/statistics/districts/${ids.south}/population`, {
      version: 1,
      population: 40_000,
    });
    expect(denied.status).toBe(403);
    const set = await officer.put<{ population: number }>(
      `/api/statistics/districts/${ids.south}/population`,
      { version: 1, population: '40,000' },
    );
    expect(set.status, set.text).toBe(200);
    expect(set.body.population).toBe(40_000);
    const south = await report(officer, `&districtId=${ids.south}`);
    expect(south.total.per100k.newConsultations).toBeCloseTo((2 * 100_000) / 40_000 / 3, 10);
    const options = await workerA.get<{
      supportAgencies: { id: string }[];
      districts: { name: string; population: number | null }[];
      fixedSupportAgencyId: string | null;
    }>('/api/statistics/options');
    expect(options.body.supportAgencies.map((a) => a.id)).toEqual([ids.agencyA]);
    expect(options.body.fixedSupportAgencyId).toBe(ids.agencyA);
    expect(options.body.districts).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: '南地区', population: 40_000 })]),
    );
    const asOfficer = await officer.get<{ supportAgencies: unknown[] }>('/api/statistics/options');
    expect(asOfficer.body.supportAgencies).toHaveLength(2);
  });

  it('refuses a district move dated before the case came to its district, or in the future', async () => {
    const early = await workerA.put<{ error: { fields: { path: string }[] } }>(
      `/api/statistics/cases/${ids.C1}/district`,
      { version: 1, districtId: ids.south, movedOn: '2026-03-01' },
    );
    expect(early.status).toBe(400);
    expect(early.body.error.fields[0]?.path).toBe('movedOn');
    const future = await workerA.put(`/api/statistics/cases/${ids.C1}/district`, {
      version: 1,
      districtId: ids.south,
      movedOn: '2026-08-01',
    });
    expect(future.status).toBe(400);
    const otherAgency = await workerB.put(`/api/statistics/cases/${ids.C1}/district`, {
      version: 1,
      districtId: ids.south,
      movedOn: '2026-07-01',
    });
    expect(otherAgency.status).toBe(404);
  });

  it('keeps the history when the district changes another way (the trigger, dated today)', async () => {
    await db
      .updateTable('support_case')
      .set({ district_id: ids.south })
      .where('id', '=', ids.C8 ?? '')
      .execute();
    const history = await db
      .selectFrom('case_district_history')
      .select(['district_id', 'valid_to'])
      .where('case_id', '=', ids.C8 ?? '')
      .orderBy('id')
      .execute();
    expect(history.map((h) => h.district_id)).toEqual([ids.north, ids.south]);
    expect(history[0]?.valid_to).not.toBeNull();
    expect(history[1]?.valid_to).toBeNull();
  });
});
