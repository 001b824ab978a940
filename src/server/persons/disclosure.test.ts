import { beforeAll, describe, expect, it } from 'vitest';
import {
  createSupportMeeting,
  decide,
  openIntakeCase,
  planStep,
  sampleIntake,
  toInSupport,
  writePlan,
} from '../test/case-helpers';
import { signedIn, type TestClient } from '../test/client';
import { createSupportAgency, createUser, createWorld } from '../test/factories';
import { type TestApp, testApp } from '../test/test-app';

/**
 * 開示: everything held on one person, through the API. One person with two cases — an old
 * consultation that ended with information only, and a case in support with records in almost
 * every area — and another person discussed at the same meeting, whose data must not appear.
 */
let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let worker: TestClient;
let officer: TestClient;
let chief: TestClient;
let partner: TestClient;

function ok<T>(res: { status: number; body: T; text: string }, what: string): T {
  if (res.status >= 300) throw new Error(`${what} failed: ${res.status} ${res.text}`);
  return res.body;
}

type Disclosure = {
  format: string;
  formatVersion: number;
  generatedAt: string;
  generatedBy: { name: string };
  municipality: { name: string };
  person: { id: string; name: string; createdAt: string } & Record<string, unknown>;
  household: { name: string; agencies: { partnerAgencyId: string }[] }[];
  cases: {
    case: { id: string; caseNumber: string; status: string };
    statusHistory: { toStatus: string }[];
    intake: { triageOutcome: string | null } | null;
    consents: { id: string; allAgencies: boolean }[];
    emergencies: { kind: string }[];
    assessments: { domains: { domain: string }[] }[];
    plans: {
      goals: { goal: string }[];
      services: { content: string }[];
      decision: { kind: string } | null;
      evaluations: unknown[];
    }[];
    contacts: { summary: string }[];
    escalations: { observed: string }[];
    closures: { kind: string; reasonDetail: string | null }[];
    referrals: {
      reason: string;
      events: { event: string }[];
      partnerActivities: { summary: string }[];
    }[];
    attachments: { fileName: string; sizeBytes: number }[];
    meetingItems: { bodyName: string; decision: string | null; discussion: string | null }[];
    withheldMeetingItems: number;
    multiAgency: { referralReason: string; members: { role: string }[] }[];
    participation: { socialResourceName: string; followUps: { note: string }[] }[];
    districtHistory: { districtId: string | null; validFrom: string }[];
  }[];
  provisions: { kind: string; recipients: string[]; caseNumber: string }[];
  names: { staff: Record<string, string>; partnerAgencies: Record<string, string> };
};

const person = {
  name: '開示 花子',
  nameKana: 'かいじ はなこ',
  sex: 'female',
  birthDate: 'S60.5.5',
  phoneMobile: '090-1111-2222',
  sensitiveCategories: ['health'],
};

let personId: string;
let oldCaseId: string;
let caseId: string;
let otherCaseId: string;

beforeAll(async () => {
  t = await testApp();
  world = await createWorld(t.database.db);
  worker = await signedIn(t.app, world.users.supportWorker.login_id);
  officer = await signedIn(t.app, world.users.officer.login_id);
  chief = await signedIn(t.app, world.users.chief.login_id);
  partner = await signedIn(t.app, world.users.partnerStaff.login_id);

  // The first case: a consultation that ended with information only, later closed.
  const old = await openIntakeCase(worker, person);
  personId = old.personId;
  oldCaseId = old.id;
  ok(
    await worker.post(`/api/cases/${old.id}/triage`, {
      version: old.version,
      outcome: 'info_only',
      note: '制度の案内のみ。',
    }),
    'triage',
  );
  await t.database.db
    .insertInto('case_closure')
    .values({
      municipality_id: world.municipality.id,
      case_id: old.id,
      kind: 'termination',
      decided_on: '2026-03-01',
      reason: 'other',
      reason_detail: '情報提供により終了（旧相談）',
    })
    .execute();

  // The household, with an agency for a member.
  const current = await t.database.db
    .selectFrom('person')
    .select('version')
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  ok(
    await worker.put(`/api/persons/${personId}/household`, {
      version: current.version,
      members: [
        {
          name: '開示 太郎',
          relationship: 'parent',
          sex: 'male',
          age: 80,
          livesTogether: true,
          partnerAgencyIds: [world.partner.id],
        },
      ],
    }),
    'household',
  );

  // The second case: in support, with records in most areas.
  const second = ok(
    await worker.post<{ id: string; version: number }>('/api/cases/intakes', {
      personId,
      intake: sampleIntake,
    }),
    'second intake',
  );
  ({ caseId } = await toInSupportFrom(second.id));
  ok(
    await worker.post(`/api/cases/${caseId}/contacts`, {
      occurredAt: '2026-03-30T10:00',
      mode: 'interview',
      summary: '面談で求職状況を確認した。',
    }),
    'contact',
  );
  ok(
    await worker.post(`/api/cases/${caseId}/emergencies`, {
      kind: 'food',
      requestedOn: 'R8.3.30',
      outcome: 'provided',
      detail: 'フードバンクから食料を受け取った。',
    }),
    'emergency',
  );
  ok(
    await worker.post(`/api/cases/${caseId}/outreach/escalations`, {
      observedAt: '2026-03-29T11:05',
      observed: '体調が悪そうで立ち上がれない様子。',
      escalatedTo: 'emergency_services',
      escalatedToName: '架空市消防本部',
      escalatedAt: '2026-03-29T11:10',
    }),
    'escalation',
  );
  const referral = ok(
    await worker.post<{ id: string; version: number }>(`/api/cases/${caseId}/referrals`, {
      partnerAgencyId: world.partner.id,
      reason: '介護保険の申請の相談',
      handOverSummary: '父の介護で本人が離職。',
      dueOn: 'R8.4.8',
      followUpOn: 'R8.4.15',
    }),
    'referral',
  );
  ok(
    await partner.post(`/api/referrals/${referral.id}/response`, {
      version: referral.version,
      response: 'accept',
    }),
    'accept',
  );
  ok(
    await partner.post(`/api/referrals/${referral.id}/activities`, {
      occurredOn: 'R8.4.1',
      kind: 'service',
      summary: '要介護認定を申請した。',
    }),
    'activity',
  );
  await t.database.db
    .insertInto('attachment')
    .values({
      municipality_id: world.municipality.id,
      case_id: caseId,
      file_name: '同意書スキャン.pdf',
      media_type: 'application/pdf',
      size_bytes: 4,
      content: new Uint8Array([37, 80, 68, 70]),
    })
    .execute();

  // 参加支援 at a place of the directory, with a follow-up.
  const place = await t.database.db
    .insertInto('social_resource')
    .values({
      municipality_id: world.municipality.id,
      name: '架空ファーム',
      category: 'place',
      service_class: 'C',
      formal: false,
      participation_kinds: ['intermediate_work'],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const match = ok(
    await worker.post<{ id: string }>(`/api/cases/${caseId}/participation/matches`, {
      socialResourceId: place.id,
      kind: 'intermediate_work',
      proposedOn: '2026-03-20',
    }),
    'match',
  );
  ok(
    await worker.post(`/api/cases/${caseId}/participation/matches/${match.id}/follow-ups`, {
      followedOn: '2026-03-25',
      withWhom: 'person',
      note: '見学の感想を聞いた。',
    }),
    'follow-up',
  );

  // 多機関協働, referred by the partner agency, with the partner as a member.
  const multi = ok(
    await worker.post<{ id: string; version: number }>(`/api/cases/${caseId}/multi-agency`, {
      referredOn: 'R8.3.25',
      partnerAgencyId: world.partner.id,
      reason: '父の介護と本人の就労の両方に支援機関の調整が必要。',
    }),
    'multi-agency',
  );
  ok(
    await chief.post(`/api/multi-agency/${multi.id}/acceptance`, {
      version: multi.version,
      acceptedOn: 'R8.3.26',
    }),
    'accept multi-agency',
  );
  ok(
    await chief.post(`/api/multi-agency/${multi.id}/members`, {
      partnerAgencyId: world.partner.id,
      supports: 'person',
      role: '介護サービスの調整',
      joinedOn: 'R8.3.26',
    }),
    'member',
  );

  // A 支援調整会議 with two items: this person's case and another person's.
  const series = ok(
    await chief.post<{ id: string }>('/api/meeting-series', {
      type: 'coordination',
      name: '開示テスト支援調整会議',
      hostAgencyId: world.agency.id,
      pattern: 'ad_hoc',
    }),
    'series',
  );
  for (const member of [
    { tier: 'core', userId: world.users.officer.id },
    { tier: 'core', userId: world.users.chief.id },
  ]) {
    ok(await chief.post(`/api/meeting-series/${series.id}/members`, member), 'member');
  }
  const meeting = ok(
    await chief.post<{ id: string; version: number }>('/api/meetings', {
      seriesId: series.id,
      heldOn: 'R8.4.1',
    }),
    'meeting',
  );
  const item = ok(
    await chief.post<{ id: string; version: number }>(`/api/meetings/${meeting.id}/items`, {
      caseId,
    }),
    'item',
  );
  const other = await toInSupport(worker, officer, {
    name: '別人 次郎',
    nameKana: 'べつじん じろう',
    sex: 'male',
    birthDate: 'S50.1.1',
  });
  otherCaseId = other.caseId;
  const otherItem = ok(
    await chief.post<{ id: string; version: number }>(`/api/meetings/${meeting.id}/items`, {
      caseId: other.caseId,
    }),
    'other item',
  );
  const view = ok(
    await chief.get<{ version: number }>(`/api/meetings/${meeting.id}`),
    'meeting view',
  );
  ok(
    await chief.put(`/api/meetings/${meeting.id}/attendance`, {
      version: view.version,
      attendees: [
        { userId: world.users.officer.id, roles: ['member'], present: true },
        { userId: world.users.chief.id, roles: ['chair'], present: true },
      ],
    }),
    'attendance',
  );
  ok(
    await chief.post(`/api/meetings/${meeting.id}/items/${item.id}/record`, {
      version: item.version,
      discussion: '就労意欲は高い。父の介護との両立を確認。',
      decision: 'noted',
    }),
    'record',
  );
  ok(
    await chief.post(`/api/meetings/${meeting.id}/items/${otherItem.id}/record`, {
      version: otherItem.version,
      discussion: '別人さんの借金の整理について。',
      decision: 'noted',
    }),
    'record other',
  );
});

/** The intake given, to 支援中 through the same steps as case-helpers' toInSupport. */
async function toInSupportFrom(id: string) {
  // toInSupport opens its own intake; this person already has one, so walk the same steps here.
  const triaged = ok(
    await worker.post<{ version: number }>(`/api/cases/${id}/triage`, {
      version: await caseVersion(id),
      outcome: 'continue',
    }),
    'triage',
  );
  ok(
    await worker.post(`/api/cases/${id}/consents`, {
      version: triaged.version,
      givenOn: 'R8.3.1',
      signedBy: 'person',
      explanationGiven: true,
      allAgencies: true,
      purposes: ['coordination_meeting', 'partner_liaison'],
    }),
    'consent',
  );
  const assessment = ok(
    await worker.post<{ id: string; version: number }>(`/api/cases/${id}/assessments`, {
      caseVersion: await caseVersion(id),
    }),
    'assessment',
  );
  ok(
    await worker.put(`/api/cases/${id}/assessments/${assessment.id}`, {
      version: assessment.version,
      assessment: {
        assessedOn: 'R8.3.3',
        strengths: '人当たりがよい。',
        prognosis: 'improve',
        domains: [{ domain: 'work', situation: '失業中', issues: '求職方法', sources: ['person'] }],
      },
    }),
    'assessment save',
  );
  ok(
    await worker.post(`/api/cases/${id}/assessments/${assessment.id}/completion`, {
      version: assessment.version + 1,
    }),
    'assessment complete',
  );
  const planned = ok(
    await worker.post<{ planId: string }>(`/api/cases/${id}/plans`, {
      caseVersion: await caseVersion(id),
    }),
    'plan',
  );
  await writePlan(worker, id, planned.planId);
  await planStep(worker, id, planned.planId, 'submit');
  await planStep(worker, id, planned.planId, 'adopt');
  await decide(officer, id, planned.planId);
  await planStep(worker, id, planned.planId, 'activation');
  return { caseId: id, planId: planned.planId };
}

async function caseVersion(id: string) {
  return (
    await t.database.db
      .selectFrom('support_case')
      .select('version')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).version;
}

async function disclosureAudits(actorUserId: string) {
  return t.database.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', 'person.disclose')
    .where('actor_user_id', '=', actorUserId)
    .execute();
}

describe('the disclosure of one person (開示)', () => {
  it('holds every record of both cases, the household, and to whom the data went', async () => {
    const res = await officer.get<Disclosure>(`/api/persons/${personId}/disclosure`);
    expect(res.status).toBe(200);
    const d = res.body;
    expect(d).toMatchObject({
      format: 'tsunagu.disclosure',
      formatVersion: 1,
      generatedBy: { name: world.users.officer.display_name },
      municipality: { name: world.municipality.name },
      person: { id: personId, name: '開示 花子', sensitiveCategories: ['health'] },
    });
    // Every column but the search keys.
    expect(Object.keys(d.person)).not.toContain('searchText');
    expect(Object.keys(d.person)).not.toContain('searchGrams');
    expect(JSON.stringify(d.person)).not.toContain('search');
    expect(d.household).toMatchObject([
      { name: '開示 太郎', agencies: [{ partnerAgencyId: world.partner.id }] },
    ]);

    expect(d.cases.map((c) => c.case.id)).toEqual([oldCaseId, caseId]);
    const [old, kase] = d.cases;
    expect(old?.intake?.triageOutcome).toBe('info_only');
    expect(old?.closures).toMatchObject([{ kind: 'termination' }]);

    expect(kase?.statusHistory.map((s) => s.toStatus)).toContain('in_support');
    expect(kase?.consents).toMatchObject([{ allAgencies: true }]);
    expect(kase?.emergencies).toMatchObject([{ kind: 'food' }]);
    expect(kase?.assessments[0]?.domains).toMatchObject([{ domain: 'work' }]);
    expect(kase?.plans[0]).toMatchObject({
      goals: [{ goal: 'ハローワークで求職登録をする' }],
      services: [{ content: '就職相談・求人紹介' }],
      decision: { kind: 'confirmation' },
    });
    expect(kase?.contacts.map((c) => c.summary)).toContain('面談で求職状況を確認した。');
    expect(kase?.escalations).toMatchObject([{ observed: '体調が悪そうで立ち上がれない様子。' }]);
    expect(kase?.referrals).toMatchObject([
      {
        reason: '介護保険の申請の相談',
        partnerActivities: [{ summary: '要介護認定を申請した。' }],
      },
    ]);
    expect(kase?.referrals[0]?.events.map((e) => e.event)).toContain('accepted');
    expect(kase?.attachments).toMatchObject([{ fileName: '同意書スキャン.pdf', sizeBytes: 4 }]);
    expect(JSON.stringify(kase?.attachments)).not.toContain('content');
    expect(kase?.participation).toMatchObject([
      { socialResourceName: '架空ファーム', followUps: [{ note: '見学の感想を聞いた。' }] },
    ]);
    expect(kase?.multiAgency).toMatchObject([
      {
        referralReason: '父の介護と本人の就労の両方に支援機関の調整が必要。',
        members: [{ role: '介護サービスの調整' }],
      },
    ]);
    expect(kase?.meetingItems).toMatchObject([
      {
        bodyName: '開示テスト支援調整会議',
        decision: 'noted',
        discussion: '就労意欲は高い。父の介護との両立を確認。',
      },
    ]);
    expect(kase?.withheldMeetingItems).toBe(0);
    // Where each case was: from the day it opened (case_district_history).
    for (const c of d.cases) expect(c.districtHistory.length).toBeGreaterThan(0);

    // 提供記録: the referral, the consent, the meeting, the multi-agency case, the emergency, the place.
    const kinds = new Set(d.provisions.map((p) => p.kind));
    for (const kind of [
      'referral',
      'consent',
      'meeting',
      'multi_agency',
      'escalation',
      'participation',
    ]) {
      expect(kinds).toContain(kind);
    }
    expect(d.provisions.find((p) => p.kind === 'referral')?.recipients).toEqual([
      world.partner.name,
    ]);
    expect(d.names.partnerAgencies[world.partner.id]).toBe(world.partner.name);
  });

  it('holds nothing of another person discussed at the same meeting', async () => {
    const res = await officer.get<Disclosure>(`/api/persons/${personId}/disclosure`);
    const text = JSON.stringify(res.body);
    expect(text).not.toContain('別人');
    expect(text).not.toContain('借金の整理');
    expect(text).not.toContain(otherCaseId);
  });

  it('writes one audit row naming the person, the cases and the 要配慮 categories', async () => {
    const before = (await disclosureAudits(world.users.chief.id)).length;
    const res = await chief.get<Disclosure>(`/api/persons/${personId}/disclosure`);
    expect(res.status).toBe(200);
    const rows = await disclosureAudits(world.users.chief.id);
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({
      outcome: 'success',
      person_id: personId,
      subject_type: 'person',
      subject_id: personId,
      legal_basis: 'administration',
    });
    expect(rows.at(-1)?.detail).toMatchObject({
      caseIds: [oldCaseId, caseId],
      sensitive: ['health'],
    });
  });

  it('downloads as 開示_<case number>.json', async () => {
    const res = await officer.get<Disclosure>(`/api/persons/${personId}/disclosure?download=1`);
    expect(res.status).toBe(200);
    const disposition = res.headers.get('content-disposition') ?? '';
    const number = res.body.cases.at(-1)?.case.caseNumber ?? '';
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition)?.[1] ?? '')).toBe(
      `開示_${number}.json`,
    );
  });

  it('refuses a support worker and partner staff with 403, and audits it', async () => {
    for (const client of [worker, partner]) {
      const res = await client.get<{ error: { code: string; requestId: string } }>(
        `/api/persons/${personId}/disclosure`,
      );
      expect(res.status).toBe(403);
      const row = await t.database.db
        .selectFrom('audit_log')
        .selectAll()
        .where('request_id', '=', res.body.error.requestId)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        action: 'person.disclose',
        outcome: 'denied',
        subject_id: personId,
      });
    }
  });

  it('refuses a support worker of another agency (403) and hides the person from its chief (404)', async () => {
    const elsewhere = await createSupportAgency(t.database.db, world.municipality.id);
    const otherWorker = await createUser(t.database.db, {
      municipalityId: world.municipality.id,
      roles: ['support_worker'],
      supportAgencyId: elsewhere.id,
    });
    const otherChief = await createUser(t.database.db, {
      municipalityId: world.municipality.id,
      roles: ['chief_support_worker'],
      supportAgencyId: elsewhere.id,
    });
    const asWorker = await signedIn(t.app, otherWorker.login_id);
    const asChief = await signedIn(t.app, otherChief.login_id);
    expect((await asWorker.get(`/api/persons/${personId}/disclosure`)).status).toBe(403);
    const hidden = await asChief.get<{ error: { requestId: string } }>(
      `/api/persons/${personId}/disclosure`,
    );
    expect(hidden.status).toBe(404);
    const row = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('request_id', '=', hidden.body.error.requestId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ action: 'person.disclose', outcome: 'denied' });
    expect(await disclosureAudits(otherChief.id)).toMatchObject([{ outcome: 'denied' }]);
  });

  it('counts, and does not show, an item of a 支援会議 the reader has not acknowledged', async () => {
    const { seriesId, meetingId } = await createSupportMeeting(officer, {
      officerId: world.users.officer.id,
      agencyId: world.agency.id,
    });
    const item = ok(
      await worker.post<{ id: string; basis: string }>(`/api/meetings/${meetingId}/items`, {
        caseId,
      }),
      'support meeting item',
    );
    expect(item.basis).toBe('law');
    const before = ok(await chief.get<Disclosure>(`/api/persons/${personId}/disclosure`), 'read');
    const kase = before.cases.find((c) => c.case.id === caseId);
    expect(kase?.withheldMeetingItems).toBe(1);
    expect(kase?.meetingItems.map((m) => m.bodyName)).not.toContain('架空市支援会議');
    expect(JSON.stringify(before)).not.toContain('架空市支援会議');

    // Once the chief acknowledges the duty of confidentiality, the item is theirs to read.
    ok(await chief.post(`/api/meeting-series/${seriesId}/acknowledgement`, {}), 'acknowledge');
    const after = ok(await chief.get<Disclosure>(`/api/persons/${personId}/disclosure`), 'read');
    const shown = after.cases.find((c) => c.case.id === caseId);
    expect(shown?.withheldMeetingItems).toBe(0);
    expect(shown?.meetingItems.map((m) => m.bodyName)).toContain('架空市支援会議');
  });
});
