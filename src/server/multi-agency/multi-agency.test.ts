import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { getCaseView, openIntakeCase } from '../test/case-helpers';
import { signedIn, type TestClient } from '../test/client';
import {
  createPartnerAgency,
  createSupportAgency,
  createUser,
  createWorld,
} from '../test/factories';
import { type TestApp, testApp } from '../test/test-app';

/**
 * Seed 004's three-person household: the son (30代, 療育手帳, 生活介護) whose violence towards his
 * bedridden father brought the 地域包括支援センター to ask for coordination; his father (デイサービス)
 * and his mother (訪問介護, alcohol, failing memory). Five agencies share the support.
 */
let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let worker: TestClient;
let chief: TestClient;
let officer: TestClient;
let agencies: Record<'houkatsu' | 'kyotaku' | 'korei' | 'sodan' | 'shogai' | 'shakyo', string>;

beforeEach(async () => {
  t = await testApp();
  world = await createWorld(t.database.db);
  worker = await signedIn(t.app, world.users.supportWorker.login_id);
  chief = await signedIn(t.app, world.users.chief.login_id);
  officer = await signedIn(t.app, world.users.officer.login_id);
  const m = world.municipality.id;
  const db = t.database.db;
  agencies = {
    // The world's partner, whose staff member (world.users.partnerStaff) works at the care centre.
    houkatsu: world.partner.id,
    kyotaku: (await createPartnerAgency(db, m, { name: '居宅介護支援事業所 かくうケアプラン' })).id,
    korei: (await createPartnerAgency(db, m, { name: '架空市高齢福祉課' })).id,
    sodan: (
      await createPartnerAgency(db, m, {
        name: '障害者相談支援事業所 さくら架空',
        field: 'disability',
      })
    ).id,
    shogai: (await createPartnerAgency(db, m, { name: '架空市障害福祉課', field: 'disability' }))
      .id,
    shakyo: (await createPartnerAgency(db, m, { name: '架空市社会福祉協議会', field: 'community' }))
      .id,
  };
});

function ok<T>(res: { status: number; body: T; text: string }, what: string): T {
  if (res.status >= 300) throw new Error(`${what} failed: ${res.status} ${res.text}`);
  return res.body;
}

type Member = {
  id: string;
  agency: { kind: string; id: string; name: string };
  supports: string;
  householdMemberId: string | null;
  householdMemberName: string | null;
  role: string;
  lead: boolean;
  tieStrength: string;
  leftOn: string | null;
  version: number;
};
type MultiAgencyView = {
  id: string;
  status: string;
  version: number;
  coordinatorId: string | null;
  referrer: { kind: string; id: string; name: string } | null;
  carrier: { kind: string; id: string; name: string } | null;
  returnedToReferrer: boolean;
  returnReason: string | null;
  returnConsultedWith: string | null;
  plan: { goal: string | null; policy: string | null; reviewOn: string | null };
  members: Member[];
  reviews: { outcome: string; meetingId: string | null; meetingItemId: string | null }[];
  basis: string;
  abilities: { manage: boolean; edit: boolean; actions: string[] };
};
type Ecomap = {
  nodes: { id: string; kind: string; label: string; lead?: boolean; agencyId?: string | null }[];
  edges: { from: string; to: string; strength: string; roles: string[]; sources: string[] }[];
  personVersion: number;
  multiAgencyCaseId: string | null;
};

/** The son's case, continued, with his consent naming the five agencies; his parents' agencies. */
async function sonsCase() {
  const kase = await openIntakeCase(worker, {
    name: '架空 大輝',
    nameKana: 'かくう だいき',
    sex: 'male',
    birthDate: 'H6.5.10',
    sensitiveCategories: ['disability'],
  });
  const continued = ok(
    await worker.post<{ version: number }>(`/api/cases/${kase.id}/triage`, {
      version: kase.version,
      outcome: 'continue',
    }),
    'triage',
  );
  const consent = ok(
    await worker.post<{ consentId: string }>(`/api/cases/${kase.id}/consents`, {
      version: continued.version,
      givenOn: 'R8.4.1',
      signedBy: 'proxy',
      proxyName: '架空 和子',
      proxyRelation: '母',
      explanationGiven: true,
      partnerAgencyIds: [
        agencies.houkatsu,
        agencies.kyotaku,
        agencies.korei,
        agencies.sodan,
        agencies.shogai,
      ],
      purposes: ['coordination_meeting', 'partner_liaison'],
    }),
    'consent',
  );
  const view = await getCaseView(worker, kase.id);
  const person = (view as unknown as { person: { id: string; version: number } }).person;
  ok(
    await worker.put(`/api/persons/${person.id}/household`, {
      version: person.version,
      members: [
        {
          name: '架空 一郎',
          relationship: 'parent',
          sex: 'male',
          age: 76,
          situation: '疾患の後遺症で寝たきり。デイサービス利用。',
          partnerAgencyIds: [agencies.houkatsu, agencies.kyotaku],
        },
        {
          name: '架空 和子',
          relationship: 'parent',
          sex: 'female',
          age: 73,
          situation: 'アルコール依存。訪問介護利用。認知機能の低下がみられる。',
          partnerAgencyIds: [agencies.kyotaku],
        },
      ],
    }),
    'household',
  );
  const members = (
    (await getCaseView(worker, kase.id)) as unknown as {
      household: { id: string; name: string }[];
    }
  ).household;
  const father = members.find((h) => h.name === '架空 一郎')?.id ?? '';
  const mother = members.find((h) => h.name === '架空 和子')?.id ?? '';
  return { caseId: kase.id, personId: person.id, consentId: consent.consentId, father, mother };
}

/** The care centre asks for coordination; the chief accepts as the coordinator. */
async function referred(caseId: string) {
  return ok(
    await worker.post<{ id: string; version: number; status: string }>(
      `/api/cases/${caseId}/multi-agency`,
      {
        referredOn: 'R8.4.1',
        partnerAgencyId: agencies.houkatsu,
        referrerContact: '社会福祉士 村上',
        reason:
          '子が父に物を投げる等の暴力があり、警察が入ることもある。父母と子それぞれの支援機関の調整が必要。',
      },
    ),
    'refer',
  );
}

async function view(client: TestClient, id: string) {
  return ok(await client.get<MultiAgencyView>(`/api/multi-agency/${id}`), 'read');
}

/** Referred, accepted by the chief, the five agencies with their roles, the care centre leading. */
async function withFiveAgencies() {
  const household = await sonsCase();
  const created = await referred(household.caseId);
  ok(
    await chief.post(`/api/multi-agency/${created.id}/acceptance`, {
      version: created.version,
      acceptedOn: 'R8.4.1',
    }),
    'accept',
  );
  const roles = [
    {
      partnerAgencyId: agencies.houkatsu,
      supports: 'member',
      householdMemberId: household.father,
      role: '子による父への暴力行為等への対応',
      tieStrength: 'strong',
      lead: true,
    },
    {
      partnerAgencyId: agencies.kyotaku,
      supports: 'member',
      householdMemberId: household.father,
      role: '介護サービスの調整（父のデイサービスの日程を子の生活介護と重ならないよう調整）',
    },
    {
      partnerAgencyId: agencies.korei,
      supports: 'member',
      householdMemberId: household.father,
      role: '不適切対応・虐待の通報先。地域包括の委託元として役割を分担',
      tieStrength: 'weak',
    },
    {
      partnerAgencyId: agencies.sodan,
      supports: 'person',
      role: '障害福祉サービスの調整。暴力があったときの緊急のショートステイ利用の支援',
      tieStrength: 'strong',
    },
    {
      partnerAgencyId: agencies.shogai,
      supports: 'person',
      role: '障害福祉サービスの支給決定。支援困難事例としての対応',
    },
  ];
  for (const r of roles) {
    ok(
      await chief.post(`/api/multi-agency/${created.id}/members`, { ...r, joinedOn: 'R8.4.1' }),
      'member',
    );
  }
  return { ...household, id: created.id };
}

async function writeJointPlan(id: string) {
  const current = await view(chief, id);
  return ok(
    await chief.put<{ version: number }>(`/api/multi-agency/${id}/plan`, {
      version: current.version,
      situation: '三人暮らし。父は寝たきり、母はアルコール依存で認知機能が低下。子は知的障害。',
      issues: '子の父への暴力。生活費の使い込みで月の途中に保護費が尽きる。',
      goal: '父が安全に暮らし、子も自分の居場所を持てる',
      policy: '父子が家に一緒にいる時間を減らす。暴力があれば緊急的にショートステイを利用する。',
      writtenOn: 'R8.4.1',
      reviewOn: 'R8.7.1',
    }),
    'plan',
  );
}

/** The municipality's 重層的支援会議, one sitting, and this case on its agenda. */
async function multiAgencyMeeting(caseId: string) {
  const series = ok(
    await officer.post<{ id: string }>('/api/meeting-series', {
      type: 'multi_agency',
      name: '架空市重層的支援会議',
      pattern: 'ad_hoc',
    }),
    'series',
  );
  const meeting = ok(
    await officer.post<{ id: string }>('/api/meetings', { seriesId: series.id, heldOn: 'R8.4.1' }),
    'meeting',
  );
  const item = ok(
    await officer.post<{ id: string }>(`/api/meetings/${meeting.id}/items`, {
      caseId,
      kind: 'sharing',
      summary: '世帯全体の支援の役割分担を検討する。',
    }),
    'item',
  );
  return { meetingId: meeting.id, itemId: item.id };
}

describe('the seed-004 household as a multi-agency case', () => {
  it('takes five agencies with their roles and one lead, is agreed at the 重層的支援会議, and ends naming who carries on', async () => {
    const { id, caseId, father } = await withFiveAgencies();
    let current = await view(chief, id);
    expect(current).toMatchObject({
      status: 'accepted',
      coordinatorId: world.users.chief.id,
      referrer: { kind: 'partner', id: agencies.houkatsu },
      basis: 'own_case',
      abilities: { manage: true, edit: true },
    });
    const byAgency = Object.fromEntries(current.members.map((m) => [m.agency.id, m]));
    expect(Object.keys(byAgency).sort()).toEqual(
      [agencies.houkatsu, agencies.kyotaku, agencies.korei, agencies.sodan, agencies.shogai].sort(),
    );
    expect(byAgency[agencies.kyotaku]).toMatchObject({
      supports: 'member',
      householdMemberId: father,
      householdMemberName: '架空 一郎',
    });
    expect(byAgency[agencies.shogai]?.role).toBe(
      '障害福祉サービスの支給決定。支援困難事例としての対応',
    );
    expect(current.members.filter((m) => m.lead).map((m) => m.agency.id)).toEqual([
      agencies.houkatsu,
    ]);

    // The lead moves to the disability consultation office: still exactly one.
    ok(
      await chief.post(`/api/multi-agency/${id}/lead`, {
        version: current.version,
        memberId: byAgency[agencies.sodan]?.id,
      }),
      'lead',
    );
    current = await view(chief, id);
    expect(current.members.filter((m) => m.lead).map((m) => m.agency.id)).toEqual([agencies.sodan]);
    // A lead named on a stale version is refused.
    const stale = await chief.post(`/api/multi-agency/${id}/lead`, {
      version: current.version - 1,
      memberId: byAgency[agencies.houkatsu]?.id,
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: { code: 'VERSION_CONFLICT' } });

    // Agreement needs the joint plan; then the 重層的支援会議 agrees it and it is in force.
    const early = await chief.post(`/api/multi-agency/${id}/reviews`, {
      version: current.version,
      reviewedOn: 'R8.4.1',
      outcome: 'agreed',
    });
    expect(early.status).toBe(400);
    expect(early.body).toMatchObject({ error: { fields: [{ path: 'outcome' }] } });
    await writeJointPlan(id);
    const { meetingId, itemId } = await multiAgencyMeeting(caseId);
    current = await view(chief, id);
    ok(
      await chief.post(`/api/multi-agency/${id}/reviews`, {
        version: current.version,
        reviewedOn: 'R8.4.1',
        meetingId,
        meetingItemId: itemId,
        outcome: 'agreed',
        note: '役割分担を了承。3か月後に再度検討する。',
        nextReviewOn: 'R8.7.1',
      }),
      'review',
    );
    current = await view(chief, id);
    expect(current).toMatchObject({
      status: 'active',
      plan: { reviewOn: '2026-07-01' },
      reviews: [{ outcome: 'agreed', meetingId, meetingItemId: itemId }],
    });

    // The end names who carries on: the disability consultation office.
    ok(
      await chief.post(`/api/multi-agency/${id}/end`, {
        version: current.version,
        endedOn: 'R8.4.1',
        reason: '父のショートステイ利用と子の生活介護の日程が定着し、各機関の支援で安定した。',
        carriedByPartnerAgencyId: agencies.sodan,
      }),
      'end',
    );
    current = await view(chief, id);
    expect(current).toMatchObject({
      status: 'ended',
      carrier: { kind: 'partner', id: agencies.sodan, name: '障害者相談支援事業所 さくら架空' },
      returnedToReferrer: false,
      abilities: { edit: false, actions: [] },
    });
    const after = await chief.post(`/api/multi-agency/${id}/members`, {
      partnerAgencyId: agencies.shakyo,
      supports: 'household',
      role: '見守り',
      joinedOn: 'R8.4.1',
    });
    expect(after.status).toBe(409);
    expect(after.body).toMatchObject({ error: { code: 'STEP_NOT_ALLOWED' } });

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'legal_basis'])
      .where('subject_type', 'in', [
        'multi_agency_case',
        'multi_agency_member',
        'multi_agency_review',
      ])
      .where('municipality_id', '=', world.municipality.id)
      .where('outcome', '=', 'success')
      .orderBy('id')
      .execute();
    const actions = audit.map((a) => a.action);
    for (const action of [
      'multi_agency.refer',
      'multi_agency.accept',
      'multi_agency.member.add',
      'multi_agency.lead',
      'multi_agency.plan',
      'multi_agency.review',
      'multi_agency.end',
      'multi_agency.read',
    ]) {
      expect(actions).toContain(action);
    }
    expect(actions.filter((a) => a === 'multi_agency.member.add')).toHaveLength(5);
    expect(audit.every((a) => a.legal_basis === 'own_case')).toBe(true);
  });

  it('refuses an agency the person’s consent does not cover, naming it', async () => {
    const { id } = await withFiveAgencies();
    const res = await chief.post(`/api/multi-agency/${id}/members`, {
      partnerAgencyId: agencies.shakyo,
      supports: 'household',
      role: '地域の見守り',
      joinedOn: 'R8.4.1',
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: {
        code: 'VALIDATION_FAILED',
        fields: [
          { path: 'partnerAgencyId', message: expect.stringContaining('架空市社会福祉協議会') },
        ],
      },
    });
    // The same agency for the same person twice is one row to edit, not a second one.
    const twice = await chief.post(`/api/multi-agency/${id}/members`, {
      partnerAgencyId: agencies.shogai,
      supports: 'person',
      role: '支給決定',
      joinedOn: 'R8.4.1',
    });
    expect(twice.status).toBe(400);
    expect(twice.body).toMatchObject({ error: { fields: [{ path: 'partnerAgencyId' }] } });
    expect((await view(chief, id)).members).toHaveLength(5);
  });

  it('keeps the lead until it is handed on, and lets other agencies leave with the day', async () => {
    const { id } = await withFiveAgencies();
    const current = await view(chief, id);
    const lead = current.members.find((m) => m.lead);
    const korei = current.members.find((m) => m.agency.id === agencies.korei);
    const refused = await chief.post(`/api/multi-agency/${id}/members/${lead?.id}/leave`, {
      version: lead?.version,
      leftOn: 'R8.4.1',
    });
    expect(refused.status).toBe(400);
    ok(
      await chief.post(`/api/multi-agency/${id}/members/${korei?.id}/leave`, {
        version: korei?.version,
        leftOn: 'R8.4.1',
      }),
      'leave',
    );
    const after = await view(chief, id);
    expect(after.members.find((m) => m.id === korei?.id)?.leftOn).toBe('2026-04-01');
    const ecomap = ok(await chief.get<Ecomap>(`/api/cases/${await caseOf(id)}/ecomap`), 'ecomap');
    expect(ecomap.nodes.some((n) => n.agencyId === agencies.korei)).toBe(false);
  });
});

async function caseOf(multiAgencyId: string): Promise<string> {
  const row = await t.database.db
    .selectFrom('multi_agency_case')
    .select('case_id')
    .where('id', '=', multiAgencyId)
    .executeTakeFirstOrThrow();
  return row.case_id;
}

describe('the ecomap of the household', () => {
  it('shows the five agencies tied to the right members, the lead, and the members’ own agencies', async () => {
    const { caseId, father, mother, id } = await withFiveAgencies();
    const map = ok(await worker.get<Ecomap>(`/api/cases/${caseId}/ecomap`), 'ecomap');
    expect(map.multiAgencyCaseId).toBe(id);
    const node = (agencyId: string) => map.nodes.find((n) => n.agencyId === agencyId);
    const tiesOf = (agencyId: string) =>
      map.edges
        .filter((e) => e.from === node(agencyId)?.id)
        .map((e) => e.to)
        .sort();
    expect(tiesOf(agencies.houkatsu)).toEqual([`member:${father}`]);
    expect(tiesOf(agencies.korei)).toEqual([`member:${father}`]);
    // The care manager works for both parents: the father's role, the mother's own agency.
    expect(tiesOf(agencies.kyotaku)).toEqual([`member:${father}`, `member:${mother}`].sort());
    expect(tiesOf(agencies.sodan)).toEqual(['person']);
    expect(tiesOf(agencies.shogai)).toEqual(['person']);
    expect(node(agencies.houkatsu)).toMatchObject({ label: world.partner.name, lead: true });
    const houkatsu = map.edges.find((e) => e.from === node(agencies.houkatsu)?.id);
    expect(houkatsu).toMatchObject({
      strength: 'strong',
      roles: ['子による父への暴力行為等への対応'],
      sources: ['multi_agency', 'household'],
    });
    // The person, both parents, and the support agency of the case itself.
    expect(map.nodes.filter((n) => n.kind === 'member').map((n) => n.label)).toEqual([
      '架空 一郎',
      '架空 和子',
    ]);
    expect(map.nodes.find((n) => n.kind === 'person')?.label).toBe('架空 大輝');
    expect(map.nodes.some((n) => n.agencyId === world.agency.id)).toBe(true);
    // An agency the consent does not cover is not in the household's picture.
    expect(node(agencies.shakyo)).toBeUndefined();

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['outcome', 'subject_id'])
      .where('actor_user_id', '=', world.users.supportWorker.id)
      .where('action', '=', 'ecomap.read')
      .execute();
    expect(audit).toEqual([{ outcome: 'success', subject_id: caseId }]);
  });

  it('draws a member’s tie to their own agency at the strength the worker sets', async () => {
    const { caseId, mother } = await withFiveAgencies();
    const before = ok(await worker.get<Ecomap>(`/api/cases/${caseId}/ecomap`), 'ecomap');
    ok(
      await worker.put(`/api/cases/${caseId}/ecomap/ties`, {
        version: before.personVersion,
        householdMemberId: mother,
        partnerAgencyId: agencies.kyotaku,
        tieStrength: 'strained',
      }),
      'tie',
    );
    const after = ok(await worker.get<Ecomap>(`/api/cases/${caseId}/ecomap`), 'ecomap');
    const kyotaku = after.nodes.find((n) => n.agencyId === agencies.kyotaku);
    expect(
      after.edges.find((e) => e.from === kyotaku?.id && e.to === `member:${mother}`)?.strength,
    ).toBe('strained');
    const stale = await worker.put(`/api/cases/${caseId}/ecomap/ties`, {
      version: before.personVersion,
      householdMemberId: mother,
      partnerAgencyId: agencies.kyotaku,
      tieStrength: 'weak',
    });
    expect(stale.status).toBe(409);
  });

  it('keeps a tie’s strength when the household is saved again, and keeps a member a role names', async () => {
    const { caseId, personId, mother } = await withFiveAgencies();
    const before = ok(await worker.get<Ecomap>(`/api/cases/${caseId}/ecomap`), 'ecomap');
    ok(
      await worker.put(`/api/cases/${caseId}/ecomap/ties`, {
        version: before.personVersion,
        householdMemberId: mother,
        partnerAgencyId: agencies.kyotaku,
        tieStrength: 'strained',
      }),
      'tie',
    );
    const household = (
      (await getCaseView(worker, caseId)) as unknown as {
        person: { version: number };
        household: { id: string; name: string; relationship: string }[];
      }
    ).household;
    const person = (
      (await getCaseView(worker, caseId)) as unknown as { person: { version: number } }
    ).person;
    const member = (
      h: { id: string; name: string; relationship: string },
      agencyIds: string[],
    ) => ({
      id: h.id,
      name: h.name,
      relationship: h.relationship,
      partnerAgencyIds: agencyIds,
    });
    const father = household.find((h) => h.id !== mother);
    const motherRow = household.find((h) => h.id === mother);
    if (!father || !motherRow) throw new Error('household members missing');
    // The mother also gets the care centre; her tie to the care manager stays strained.
    ok(
      await worker.put(`/api/persons/${personId}/household`, {
        version: person.version,
        members: [
          member(father, [agencies.houkatsu, agencies.kyotaku]),
          member(motherRow, [agencies.kyotaku, agencies.houkatsu]),
        ],
      }),
      'household again',
    );
    const after = ok(await worker.get<Ecomap>(`/api/cases/${caseId}/ecomap`), 'ecomap');
    const kyotaku = after.nodes.find((n) => n.agencyId === agencies.kyotaku);
    expect(
      after.edges.find((e) => e.from === kyotaku?.id && e.to === `member:${mother}`)?.strength,
    ).toBe('strained');
    // The father is named by three agencies' roles: he cannot be removed from the household.
    const removed = await worker.put<{ error: { fields: { path: string }[] } }>(
      `/api/persons/${personId}/household`,
      { version: after.personVersion, members: [member(motherRow, [agencies.kyotaku])] },
    );
    expect(removed.status).toBe(400);
    expect(removed.body.error.fields.map((f) => f.path)).toEqual(['members']);
  });
});

describe('who may read a multi-agency case', () => {
  it('lets partner staff of an agency involved read the roles and the joint plan within consent; others are refused with 403 and an audit row', async () => {
    const { id, caseId, consentId, personId } = await withFiveAgencies();
    await writeJointPlan(id);
    const careCentre = await signedIn(t.app, world.users.partnerStaff.login_id);
    const read = await view(careCentre, id);
    expect(read).toMatchObject({
      basis: 'consent',
      plan: { goal: '父が安全に暮らし、子も自分の居場所を持てる' },
      abilities: { manage: false, edit: false, actions: [] },
    });
    expect(read.members).toHaveLength(5);
    const shared = ok(
      await careCentre.get<{ items: { id: string }[] }>('/api/multi-agency'),
      'partner list',
    );
    expect(shared.items.map((i) => i.id)).toEqual([id]);
    const allowed = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('actor_user_id', '=', world.users.partnerStaff.id)
      .where('action', '=', 'multi_agency.read')
      .executeTakeFirstOrThrow();
    expect(allowed).toMatchObject({
      outcome: 'success',
      legal_basis: 'consent',
      legal_basis_ref: consentId,
      person_id: personId,
    });
    // Reading is not keeping: the partner cannot change the roles, nor open the case or its ecomap.
    const write = await careCentre.post(`/api/multi-agency/${id}/members`, {
      partnerAgencyId: agencies.shakyo,
      supports: 'household',
      role: '見守り',
      joinedOn: 'R8.4.1',
    });
    expect(write.status).toBe(403);
    expect((await careCentre.get(`/api/cases/${caseId}/ecomap`)).status).toBe(403);

    // Staff of an agency not involved: 403, audited.
    const outsider = await createUser(t.database.db, {
      municipalityId: world.municipality.id,
      roles: ['partner_staff'],
      partnerAgencyId: agencies.shakyo,
    });
    const other = await signedIn(t.app, outsider.login_id);
    const refused = await other.get(`/api/multi-agency/${id}`);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const denied = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('actor_user_id', '=', outsider.id)
      .where('action', '=', 'multi_agency.read')
      .executeTakeFirstOrThrow();
    expect(denied).toMatchObject({ outcome: 'denied', reason: 'FORBIDDEN', subject_id: id });

    // The consent withdrawn, the care centre sees nothing more.
    const kase = await getCaseView(worker, caseId);
    ok(
      await worker.post(`/api/cases/${caseId}/consents/${consentId}/withdrawal`, {
        version: kase.consents.find((c) => c.id === consentId)?.version,
        withdrawnOn: 'R8.4.1',
        reason: '本人の母から、情報共有をやめてほしいとの申出',
      }),
      'withdraw',
    );
    expect(
      ok(await careCentre.get<{ items: unknown[] }>('/api/multi-agency'), 'partner list').items,
    ).toEqual([]);
    const withdrawn = await careCentre.get(`/api/multi-agency/${id}`);
    expect(withdrawn.status).toBe(403);
    expect(withdrawn.body).toMatchObject({ error: { code: 'MEETING_OUTSIDE_CONSENT' } });
    const rows = await t.database.db
      .selectFrom('audit_log')
      .select(['outcome', 'reason', 'person_id'])
      .where('actor_user_id', '=', world.users.partnerStaff.id)
      .where('action', '=', 'multi_agency.read')
      .orderBy('id')
      .execute();
    expect(rows.at(-1)).toEqual({
      outcome: 'denied',
      reason: 'MEETING_OUTSIDE_CONSENT',
      person_id: personId,
    });
  });

  it('hides the case from staff of another support agency (404, audited) and lists it for its coordinator', async () => {
    const { id } = await withFiveAgencies();
    const elsewhere = await createSupportAgency(t.database.db, world.municipality.id);
    const stranger = await createUser(t.database.db, {
      municipalityId: world.municipality.id,
      roles: ['support_worker'],
      supportAgencyId: elsewhere.id,
    });
    const client = await signedIn(t.app, stranger.login_id);
    expect((await client.get(`/api/multi-agency/${id}`)).status).toBe(404);
    const denied = await t.database.db
      .selectFrom('audit_log')
      .select(['outcome', 'subject_id'])
      .where('actor_user_id', '=', stranger.id)
      .where('action', '=', 'multi_agency.read')
      .executeTakeFirstOrThrow();
    expect(denied).toEqual({ outcome: 'denied', subject_id: id });
    expect(
      ok(await client.get<{ items: unknown[] }>('/api/multi-agency?scope=all'), 'list').items,
    ).toEqual([]);

    const list = ok(
      await chief.get<{ items: { id: string; leadName: string; agencyCount: number }[] }>(
        '/api/multi-agency?mine=true',
      ),
      'list',
    );
    expect(list.items).toEqual([
      expect.objectContaining({ id, leadName: world.partner.name, agencyCount: 5 }),
    ]);
  });
});

describe('a household that does not need multi-agency work', () => {
  it('is returned to the referrer with the reason and who was consulted, and can be referred again later', async () => {
    const { caseId } = await sonsCase();
    const created = await referred(caseId);
    const again = await worker.post(`/api/cases/${caseId}/multi-agency`, {
      referredOn: 'R8.4.1',
      partnerAgencyId: agencies.houkatsu,
      reason: '二重のつなぎ',
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'MULTI_AGENCY_CASE_OPEN' } });

    const missing = await chief.post(`/api/multi-agency/${created.id}/return`, {
      version: created.version,
      returnedOn: 'R8.4.1',
      reason: '地域包括支援センターと障害の相談支援事業所の連携で対応できる',
    });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ error: { fields: [{ path: 'consultedWith' }] } });
    ok(
      await chief.post(`/api/multi-agency/${created.id}/return`, {
        version: created.version,
        returnedOn: 'R8.4.1',
        reason: '地域包括支援センターと障害の相談支援事業所の連携で対応できる',
        consultedWith: '地域包括支援センター 社会福祉士 村上',
      }),
      'return',
    );
    const returned = await view(chief, created.id);
    expect(returned).toMatchObject({
      status: 'returned',
      returnReason: '地域包括支援センターと障害の相談支援事業所の連携で対応できる',
      returnConsultedWith: '地域包括支援センター 社会福祉士 村上',
      abilities: { actions: [] },
    });
    const twice = await chief.post(`/api/multi-agency/${created.id}/acceptance`, {
      version: returned.version,
      acceptedOn: 'R8.4.1',
    });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({
      error: { code: 'STEP_NOT_ALLOWED', details: { status: 'returned', allowed: [] } },
    });
    // Nothing open any more: the household may be referred again when things change.
    const tab = ok(
      await worker.get<{ items: { id: string }[]; canRefer: boolean }>(
        `/api/cases/${caseId}/multi-agency`,
      ),
      'tab',
    );
    expect(tab).toMatchObject({ canRefer: true, items: [{ id: created.id }] });
  });

  it('is not referred without the person’s consent', async () => {
    const kase = await openIntakeCase(worker);
    const continued = ok(
      await worker.post<{ version: number }>(`/api/cases/${kase.id}/triage`, {
        version: kase.version,
        outcome: 'continue',
      }),
      'triage',
    );
    expect(continued.version).toBeGreaterThan(0);
    const res = await worker.post(`/api/cases/${kase.id}/multi-agency`, {
      referredOn: 'R8.4.1',
      partnerAgencyId: agencies.houkatsu,
      reason: '世帯の複合的な課題',
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { code: 'CONSENT_REQUIRED' } });
  });

  it('ends back at the window that referred it when the end says so', async () => {
    const { id } = await withFiveAgencies();
    const current = await view(chief, id);
    const noCarrier = await chief.post(`/api/multi-agency/${id}/end`, {
      version: current.version,
      endedOn: 'R8.4.1',
      reason: '落ち着いた',
    });
    expect(noCarrier.status).toBe(400);
    expect(noCarrier.body).toMatchObject({
      error: { fields: [{ path: 'carriedByPartnerAgencyId' }] },
    });
    ok(
      await chief.post(`/api/multi-agency/${id}/end`, {
        version: current.version,
        endedOn: 'R8.4.1',
        reason: '世帯の状況が落ち着き、地域包括支援センターの支援に戻す。',
        returnToReferrer: true,
      }),
      'end',
    );
    expect(await view(chief, id)).toMatchObject({
      status: 'ended',
      returnedToReferrer: true,
      carrier: { kind: 'partner', id: agencies.houkatsu },
    });
  });
});

describe('what partner staff read of a multi-agency case', () => {
  /** The agreed case with a review that names the sitting and a note. */
  async function agreedCase() {
    const household = await withFiveAgencies();
    await writeJointPlan(household.id);
    const { meetingId, itemId } = await multiAgencyMeeting(household.caseId);
    const current = await view(chief, household.id);
    ok(
      await chief.post(`/api/multi-agency/${household.id}/reviews`, {
        version: current.version,
        reviewedOn: 'R8.4.1',
        meetingId,
        meetingItemId: itemId,
        outcome: 'agreed',
        note: '母の飲酒について、家族会の情報提供を検討する。',
        nextReviewOn: 'R8.7.1',
      }),
      'review',
    );
    return household;
  }

  it('gives them the roles, the lead, the joint plan and the review dates — not the case number, the household roster, the referral or the notes', async () => {
    const { id, caseId, consentId, father } = await agreedCase();
    const kase = (await getCaseView(worker, caseId)) as unknown as {
      case: { caseNumber: string };
    };
    const careCentre = await signedIn(t.app, world.users.partnerStaff.login_id);
    const res = await careCentre.get<Record<string, unknown>>(`/api/multi-agency/${id}`);
    expect(res.status).toBe(200);
    const read = res.body;
    expect(read).toMatchObject({
      basis: 'consent',
      status: 'active',
      person: { name: '架空 大輝', nameKana: 'かくう だいき' },
      plan: {
        situation: expect.stringContaining('三人暮らし'),
        issues: expect.stringContaining('子の父への暴力'),
        goal: '父が安全に暮らし、子も自分の居場所を持てる',
        policy: expect.stringContaining('ショートステイ'),
        writtenOn: '2026-04-01',
        reviewOn: '2026-07-01',
      },
      reviews: [{ reviewedOn: '2026-04-01', outcome: 'agreed', nextReviewOn: '2026-07-01' }],
      abilities: { manage: false, edit: false, actions: [] },
    });
    const members = read.members as Record<string, unknown>[];
    expect(members).toHaveLength(5);
    const houkatsu = members.find((m) => (m.agency as { id: string }).id === agencies.houkatsu);
    expect(houkatsu).toMatchObject({
      supports: 'member',
      role: '子による父への暴力行為等への対応',
      lead: true,
      tieStrength: 'strong',
      householdMember: { name: '架空 一郎', relationship: { ja: '父' } },
    });
    // Nothing beyond that: no roster, no case number, no consent, no referral, no notes.
    const text = JSON.stringify(read);
    for (const hidden of [
      kase.case.caseNumber,
      consentId,
      father,
      '架空 和子',
      '社会福祉士 村上',
      '警察が入ること',
      '家族会',
      '架空市重層的支援会議',
    ]) {
      expect(text).not.toContain(hidden);
    }
    for (const key of [
      'caseNumber',
      'caseId',
      'consentId',
      'household',
      'referrerContact',
      'referralReason',
      'returnReason',
      'returnConsultedWith',
    ]) {
      expect(read).not.toHaveProperty(key);
    }
    for (const review of read.reviews as Record<string, unknown>[]) {
      expect(Object.keys(review).sort()).toEqual(['nextReviewOn', 'outcome', 'reviewedOn']);
    }
    // Staff still read the whole case.
    expect(await view(chief, id)).toMatchObject({
      caseNumber: kase.case.caseNumber,
      consentId,
      referrerContact: '社会福祉士 村上',
      reviews: [{ note: '母の飲酒について、家族会の情報提供を検討する。' }],
    });
  });

  it('lists the case for them without its case number, and refuses them the CSV (403, audited)', async () => {
    const { id, caseId } = await agreedCase();
    const kase = (await getCaseView(worker, caseId)) as unknown as {
      case: { caseNumber: string };
    };
    const careCentre = await signedIn(t.app, world.users.partnerStaff.login_id);
    const list = ok(
      await careCentre.get<{ items: Record<string, unknown>[] }>('/api/multi-agency'),
      'partner list',
    );
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ id, personName: '架空 大輝', caseNumber: null });
    expect(JSON.stringify(list)).not.toContain(kase.case.caseNumber);
    expect(JSON.stringify(list)).not.toContain(caseId);

    const csv = await careCentre.get('/api/multi-agency/export.csv');
    expect(csv.status).toBe(403);
    expect(csv.text).not.toContain(kase.case.caseNumber);
    const denied = await t.database.db
      .selectFrom('audit_log')
      .select(['outcome', 'reason'])
      .where('actor_user_id', '=', world.users.partnerStaff.id)
      .where('action', '=', 'multi_agency.export')
      .execute();
    expect(denied).toEqual([{ outcome: 'denied', reason: 'FORBIDDEN' }]);
    // The coordinator's CSV still has the case numbers.
    const staffCsv = await chief.get('/api/multi-agency/export.csv');
    expect(staffCsv.status).toBe(200);
    expect(staffCsv.text).toContain(kase.case.caseNumber);
  });
});

describe('the end of a multi-agency case', () => {
  it('ends the agencies’ part in it, so partner staff no longer read it; staff keep it as history', async () => {
    const { id } = await withFiveAgencies();
    await writeJointPlan(id);
    const careCentre = await signedIn(t.app, world.users.partnerStaff.login_id);
    expect((await careCentre.get(`/api/multi-agency/${id}`)).status).toBe(200);
    const current = await view(chief, id);
    ok(
      await chief.post(`/api/multi-agency/${id}/end`, {
        version: current.version,
        endedOn: 'R8.4.1',
        reason: '各機関の支援で安定した。',
        carriedByPartnerAgencyId: agencies.sodan,
      }),
      'end',
    );
    const members = await t.database.db
      .selectFrom('multi_agency_member')
      .select(['left_on', 'lead'])
      .where('multi_agency_case_id', '=', id)
      .execute();
    expect(members).toHaveLength(5);
    expect(members.every((m) => m.left_on === '2026-04-01')).toBe(true);
    // The lead keeps its mark on the ended case.
    expect(members.filter((m) => m.lead)).toHaveLength(1);

    const refused = await careCentre.get(`/api/multi-agency/${id}`);
    expect(refused.status).toBe(403);
    expect(
      ok(await careCentre.get<{ items: unknown[] }>('/api/multi-agency?scope=all'), 'list').items,
    ).toEqual([]);
    const denied = await t.database.db
      .selectFrom('audit_log')
      .select(['outcome', 'subject_id'])
      .where('actor_user_id', '=', world.users.partnerStaff.id)
      .where('action', '=', 'multi_agency.read')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(denied).toEqual({ outcome: 'denied', subject_id: id });

    // The staff read the ended case with its roles, plan and end; the audit row names the lead.
    const history = await view(chief, id);
    expect(history).toMatchObject({
      status: 'ended',
      plan: { goal: '父が安全に暮らし、子も自分の居場所を持てる' },
      carrier: { id: agencies.sodan },
    });
    expect(history.members).toHaveLength(5);
    expect(history.members.every((m) => m.leftOn === '2026-04-01')).toBe(true);
    expect(history.members.filter((m) => m.lead).map((m) => m.agency.id)).toEqual([
      agencies.houkatsu,
    ]);
    const ended = await t.database.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'multi_agency.end')
      .where('subject_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(ended.detail).toMatchObject({ leadAgencyId: agencies.houkatsu });
  });

  it('lets partner staff read a returned case no more either', async () => {
    const { caseId } = await sonsCase();
    const created = await referred(caseId);
    const accepted = ok(
      await chief.post<{ version: number }>(`/api/multi-agency/${created.id}/acceptance`, {
        version: created.version,
        acceptedOn: 'R8.4.1',
      }),
      'accept',
    );
    ok(
      await chief.post(`/api/multi-agency/${created.id}/members`, {
        partnerAgencyId: agencies.houkatsu,
        supports: 'person',
        role: '見守り',
        joinedOn: 'R8.4.1',
        lead: true,
      }),
      'member',
    );
    const careCentre = await signedIn(t.app, world.users.partnerStaff.login_id);
    expect((await careCentre.get(`/api/multi-agency/${created.id}`)).status).toBe(200);
    ok(
      await chief.post(`/api/multi-agency/${created.id}/return`, {
        version: accepted.version,
        returnedOn: 'R8.4.1',
        reason: '地域包括支援センターの支援で対応できる',
        consultedWith: '地域包括支援センター 社会福祉士 村上',
      }),
      'return',
    );
    expect((await careCentre.get(`/api/multi-agency/${created.id}`)).status).toBe(403);
  });
});

describe('two agencies made lead at once', () => {
  it('answers the second with a clear 409 naming the lead, not “already involved”', async () => {
    const { id } = await withFiveAgencies();
    const current = await view(chief, id);
    const sodan = current.members.find((m) => m.agency.id === agencies.sodan);
    if (!sodan) throw new Error('sodan missing');
    // Another request makes the consultation office lead between this request's clearing of the
    // lead and its insert — the interleaving of two concurrent requests, made to happen every time.
    const db = t.database.db;
    const tag = id.replaceAll('-', '');
    await sql
      .raw(
        `create function race_lead_${tag}() returns trigger language plpgsql as $$
         begin
           update multi_agency_member set lead = true where id = '${sodan.id}';
           return new;
         end $$`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger race_lead_${tag} before insert on multi_agency_member for each row
         when (new.lead and new.multi_agency_case_id = '${id}') execute function race_lead_${tag}()`,
      )
      .execute(db);
    try {
      const res = await chief.post(`/api/multi-agency/${id}/members`, {
        supportAgencyId: world.agency.id,
        supports: 'household',
        role: '世帯全体の相談の窓口',
        joinedOn: 'R8.4.1',
        lead: true,
      });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({
        error: { code: 'MULTI_AGENCY_LEAD_TAKEN', message: expect.stringContaining('主担当') },
      });
    } finally {
      await sql.raw(`drop trigger race_lead_${tag} on multi_agency_member`).execute(db);
      await sql.raw(`drop function race_lead_${tag}()`).execute(db);
    }
    // Nothing was added; the lead stays with whoever had it.
    const after = await view(chief, id);
    expect(after.members).toHaveLength(5);
    expect(after.members.filter((m) => m.lead).map((m) => m.agency.id)).toEqual([
      agencies.houkatsu,
    ]);
  });
});
