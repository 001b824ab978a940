import { beforeEach, describe, expect, it } from 'vitest';
import {
  createSupportMeeting,
  getCaseView,
  openIntakeCase,
  planStep,
  toInSupport,
  toPlanning,
  transition,
  writePlan,
} from '../test/case-helpers';
import { signedIn, type TestClient } from '../test/client';
import { createPartnerAgency, createUser, createWorld } from '../test/factories';
import { type TestApp, testApp } from '../test/test-app';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let worker: TestClient;
let officer: TestClient;
let chief: TestClient;

beforeEach(async () => {
  t = await testApp();
  world = await createWorld(t.database.db);
  worker = await signedIn(t.app, world.users.supportWorker.login_id);
  officer = await signedIn(t.app, world.users.officer.login_id);
  chief = await signedIn(t.app, world.users.chief.login_id);
});

function ok<T>(res: { status: number; body: T; text: string }, what: string): T {
  if (res.status >= 300) throw new Error(`${what} failed: ${res.status} ${res.text}`);
  return res.body;
}

/** A 支援調整会議 of the agency: the officer and the chief as core members, a partner as full member. */
async function coordinationMeeting(heldOn = 'R8.5.21') {
  const series = ok(
    await chief.post<{ id: string }>('/api/meeting-series', {
      type: 'coordination',
      name: '架空市支援調整会議',
      hostAgencyId: world.agency.id,
      pattern: 'both',
      regularWeek: 3,
      regularWeekday: 4,
      defaultStart: '9:00',
      place: '市役所 第3会議室',
    }),
    'series',
  );
  for (const member of [
    { tier: 'core', userId: world.users.officer.id },
    { tier: 'core', userId: world.users.chief.id },
    { tier: 'full', partnerAgencyId: world.partner.id },
  ]) {
    ok(await chief.post(`/api/meeting-series/${series.id}/members`, member), 'member');
  }
  const meeting = ok(
    await chief.post<{ id: string; version: number }>('/api/meetings', {
      seriesId: series.id,
      heldOn,
      tier: 'full',
    }),
    'meeting',
  );
  return { seriesId: series.id, meetingId: meeting.id };
}

/** A consultation continued here; with a consent of the given scope when one is given. */
async function continuedCase(
  person?: Record<string, unknown>,
  scope?: { allAgencies: true } | { partnerAgencyIds: string[] },
) {
  const kase = await openIntakeCase(worker, person);
  const continued = ok(
    await worker.post<{ version: number }>(`/api/cases/${kase.id}/triage`, {
      version: kase.version,
      outcome: 'continue',
    }),
    'triage',
  );
  if (!scope) return { ...kase, version: continued.version };
  const consent = ok(
    await worker.post<{ case: { version: number } }>(`/api/cases/${kase.id}/consents`, {
      version: continued.version,
      givenOn: 'R8.4.1',
      signedBy: 'person',
      explanationGiven: true,
      purposes: ['coordination_meeting'],
      ...scope,
    }),
    'consent',
  );
  return { ...kase, version: consent.case.version };
}

type MeetingView = {
  version: number;
  attendees: { userId: string | null; partnerAgencyId: string | null; municipal: boolean }[];
  agenda: {
    id: string;
    visible: boolean;
    start: string;
    end: string;
    kind: string;
    version?: number;
    refusal?: string;
    personName?: string;
    phases: { phase: string; start: string; end: string }[];
  }[];
};

describe('the consent gate', () => {
  it('keeps a case off a 支援調整会議 agenda until its consent covers everyone present', async () => {
    const { meetingId } = await coordinationMeeting();
    const kase = await openIntakeCase(worker);
    const continued = ok(
      await worker.post<{ version: number }>(`/api/cases/${kase.id}/triage`, {
        version: kase.version,
        outcome: 'continue',
      }),
      'triage',
    );
    const refused = await chief.post(`/api/meetings/${meetingId}/items`, { caseId: kase.id });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      error: {
        code: 'MEETING_CONSENT_MISSING',
        details: { agencies: [{ id: world.partner.id, name: world.partner.name }] },
      },
    });

    // Consent naming another agency does not cover the partner at this meeting.
    const other = await createPartnerAgency(t.database.db, world.municipality.id, {
      name: '架空市社会福祉協議会',
    });
    const narrow = ok(
      await worker.post<{ case: { version: number } }>(`/api/cases/${kase.id}/consents`, {
        version: continued.version,
        givenOn: 'R8.4.1',
        signedBy: 'person',
        explanationGiven: true,
        partnerAgencyIds: [other.id],
        purposes: ['coordination_meeting'],
      }),
      'consent',
    );
    expect((await chief.post(`/api/meetings/${meetingId}/items`, { caseId: kase.id })).status).toBe(
      409,
    );
    ok(
      await worker.post(`/api/cases/${kase.id}/consents`, {
        version: narrow.case.version,
        givenOn: 'R8.4.1',
        signedBy: 'person',
        explanationGiven: true,
        partnerAgencyIds: [other.id, world.partner.id],
        purposes: ['coordination_meeting'],
      }),
      'consent',
    );
    const added = await chief.post<{ basis: string; kind: string }>(
      `/api/meetings/${meetingId}/items`,
      { caseId: kase.id },
    );
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ basis: 'consent', kind: 'sharing' });
  });

  it('refuses a partner joining for one case when the consent does not name them, and offers the 支援会議', async () => {
    const { meetingId, seriesId } = await coordinationMeeting();
    // Only the staff sit at this meeting: drop the partner from the invitation.
    const view = ok(await chief.get<MeetingView>(`/api/meetings/${meetingId}`), 'meeting');
    ok(
      await chief.put(`/api/meetings/${meetingId}/attendance`, {
        version: view.version,
        attendees: view.attendees
          .filter((a) => a.userId)
          .map((a) => ({ userId: a.userId, roles: ['member'] })),
      }),
      'attendance',
    );
    const support = ok(
      await officer.post<{ id: string }>('/api/meeting-series', {
        type: 'support_meeting',
        name: '架空市支援会議',
        legalBasis: 'poverty_act_9',
        pattern: 'ad_hoc',
      }),
      'support meeting',
    );
    const other = await createPartnerAgency(t.database.db, world.municipality.id, {
      name: '架空市地域包括支援センター',
    });
    const kase = await continuedCase(undefined, { partnerAgencyIds: [world.partner.id] });
    const refused = await chief.post(`/api/meetings/${meetingId}/items`, {
      caseId: kase.id,
      guests: [{ partnerAgencyId: other.id }],
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      error: {
        code: 'MEETING_CONSENT_MISSING',
        details: {
          agencies: [{ id: other.id }],
          alternatives: [{ id: support.id, type: 'support_meeting' }],
        },
      },
    });
    expect(seriesId).toBeTruthy();
    const withPartner = await chief.post(`/api/meetings/${meetingId}/items`, {
      caseId: kase.id,
      guests: [{ partnerAgencyId: world.partner.id }],
    });
    expect(withPartner.status).toBe(201);
  });
});

describe('支援会議', () => {
  async function supportMeetingWithLead() {
    const { seriesId, meetingId } = await createSupportMeeting(officer, {
      officerId: world.users.officer.id,
      agencyId: world.agency.id,
    });
    // A lead not yet reached: no consent, and none needed here.
    const lead = ok(
      await worker.post<{ id: string; personId: string }>('/api/cases/detections', {
        person: { name: '不明（東町アパートの女性）' },
        detection: {
          detectedOn: 'R8.5.1',
          source: 'lifeline_company',
          signs: '電気料金の滞納が続き、送電停止の見込み',
        },
      }),
      'lead',
    );
    const item = ok(
      await worker.post<{ id: string; basis: string }>(`/api/meetings/${meetingId}/items`, {
        caseId: lead.id,
      }),
      'item',
    );
    return { seriesId, meetingId, itemId: item.id, lead, basis: item.basis };
  }

  it('shares a lead without consent, only with members who acknowledged the duty of confidentiality', async () => {
    const { seriesId, meetingId, itemId, lead, basis } = await supportMeetingWithLead();
    expect(basis).toBe('law');

    // A member (through the agency) who has not acknowledged the duty yet sees nothing of the case.
    const unacknowledged = await worker.get(`/api/meetings/${meetingId}/items/${itemId}`);
    expect(unacknowledged.status).toBe(403);
    expect(unacknowledged.body).toMatchObject({
      error: { code: 'CONFIDENTIALITY_NOT_ACKNOWLEDGED' },
    });
    const agenda = ok(await worker.get<MeetingView>(`/api/meetings/${meetingId}`), 'meeting');
    expect(agenda.agenda).toMatchObject([
      { visible: false, refusal: 'CONFIDENTIALITY_NOT_ACKNOWLEDGED' },
    ]);
    expect(agenda.agenda[0]).not.toHaveProperty('personName');

    ok(await worker.post(`/api/meeting-series/${seriesId}/acknowledgement`, {}), 'acknowledge');
    const read = await worker.get<{ personName: string }>(
      `/api/meetings/${meetingId}/items/${itemId}`,
    );
    expect(read.status).toBe(200);
    expect(read.body.personName).toBe('不明（東町アパートの女性）');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('actor_user_id', '=', world.users.supportWorker.id)
      .where('action', '=', 'meeting_item.read')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => [a.outcome, a.reason, a.legal_basis])).toEqual([
      ['denied', 'CONFIDENTIALITY_NOT_ACKNOWLEDGED', null],
      ['success', null, 'support_meeting'],
    ]);
    expect(audit[1]).toMatchObject({ person_ids: [lead.personId], legal_basis_ref: meetingId });
  });

  it('refuses a non-member with 403 and an audit row', async () => {
    const { meetingId, itemId, lead } = await supportMeetingWithLead();
    const outsider = await createUser(t.database.db, {
      municipalityId: world.municipality.id,
      roles: ['municipal_officer'],
    });
    const client = await signedIn(t.app, outsider.login_id);
    const res = await client.get(`/api/meetings/${meetingId}/items/${itemId}`);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: { code: 'MEETING_NOT_MEMBER' } });
    const row = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('actor_user_id', '=', outsider.id)
      .where('action', '=', 'meeting_item.read')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      outcome: 'denied',
      reason: 'MEETING_NOT_MEMBER',
      subject_id: itemId,
      person_id: lead.personId,
    });
  });
});

describe('a plan at the 支援調整会議', () => {
  it('is suggested, timed, adopted only with the officer present, then waits for the support decision; homework lands on the owner’s page', async () => {
    const { seriesId, meetingId } = await coordinationMeeting();
    const { case: kase, planId } = await toPlanning(worker);
    await writePlan(worker, kase.id, planId);
    await planStep(worker, kase.id, planId, 'submit');

    const suggestions = ok(
      await chief.get<{ items: { caseId: string; kind: string; reason: string }[] }>(
        `/api/meeting-series/${seriesId}/suggestions`,
      ),
      'suggestions',
    );
    expect(suggestions.items).toEqual([
      expect.objectContaining({ caseId: kase.id, kind: 'new_plan', reason: 'plan_under_review' }),
    ]);
    const item = ok(
      await chief.post<{ id: string; version: number; kind: string }>(
        `/api/meetings/${meetingId}/items`,
        { caseId: kase.id },
      ),
      'item',
    );
    expect(item.kind).toBe('new_plan');
    // Once on an agenda, not suggested again.
    expect(
      ok(await chief.get<{ items: unknown[] }>(`/api/meeting-series/${seriesId}/suggestions`), 's')
        .items,
    ).toEqual([]);

    const decision = {
      version: item.version,
      discussion: '就労意欲は高い。ハローワークとの連携を確認。',
      checkFits: true,
      checkAddresses: true,
      checkMotivates: true,
      personAttended: false,
      decision: 'adopted',
      homework: [
        {
          description: 'ハローワークの担当者に支援方針を伝える',
          ownerId: world.users.supportWorker.id,
          dueOn: 'R8.5.28',
        },
      ],
      resourceGaps: [{ description: '夜間に相談できる就労支援の窓口がない' }],
    };
    const withoutOfficer = await chief.post(
      `/api/meetings/${meetingId}/items/${item.id}/record`,
      decision,
    );
    expect(withoutOfficer.status).toBe(409);
    expect(withoutOfficer.body).toMatchObject({ error: { code: 'MUNICIPAL_OFFICER_REQUIRED' } });

    const view = ok(await chief.get<MeetingView>(`/api/meetings/${meetingId}`), 'meeting');
    expect(view.attendees.filter((a) => a.municipal)).toHaveLength(1);
    ok(
      await chief.put(`/api/meetings/${meetingId}/attendance`, {
        version: view.version,
        attendees: [
          { userId: world.users.officer.id, roles: ['member'], present: true },
          { userId: world.users.chief.id, roles: ['chair'], present: true },
          { userId: world.users.supportWorker.id, roles: ['reporter'], present: true },
          { partnerAgencyId: world.partner.id, roles: ['service_provider'], present: true },
        ],
      }),
      'attendance',
    );
    const recorded = await chief.post<{ decision: string }>(
      `/api/meetings/${meetingId}/items/${item.id}/record`,
      decision,
    );
    expect(recorded.status).toBe(200);

    const after = await getCaseView(worker, kase.id);
    expect(after.case.status).toBe('plan_adopted');
    expect(after.plans).toMatchObject([{ id: planId, status: 'adopted' }]);
    const tasks = ok(
      await worker.get<{ items: { description: string; caseNumber: string; dueOn: string }[] }>(
        '/api/meetings/tasks',
      ),
      'tasks',
    );
    expect(tasks.items).toMatchObject([
      {
        description: 'ハローワークの担当者に支援方針を伝える',
        caseNumber: kase.caseNumber,
        dueOn: '2026-05-28',
      },
    ]);
    const gaps = await t.database.db
      .selectFrom('resource_gap')
      .selectAll()
      .where('municipality_id', '=', world.municipality.id)
      .execute();
    expect(gaps).toMatchObject([
      { description: '夜間に相談できる就労支援の窓口がない', status: 'raised' },
    ]);

    // The municipality's decision follows, from the meeting page as from the case.
    const plan = ok(
      await officer.get<{ version: number }>(`/api/cases/${kase.id}/plans/${planId}`),
      'p',
    );
    const decided = await officer.post(`/api/cases/${kase.id}/plans/${planId}/decision`, {
      version: plan.version,
      caseVersion: after.case.version,
      kind: 'confirmation',
      decidedOn: 'R8.5.21',
    });
    expect(decided.status).toBeLessThan(300);
    expect((await getCaseView(worker, kase.id)).case.status).toBe('support_decided');
  });
});

describe('the 進行表', () => {
  it('lays six cases out in 30-minute slots from 9:00, each in its five phases', async () => {
    const { meetingId } = await coordinationMeeting();
    for (let i = 0; i < 6; i++) {
      const kase = await continuedCase(
        { name: `架空 太郎${i}`, nameKana: `かくう たろう${'あいうえおか'[i]}` },
        { allAgencies: true },
      );
      ok(await chief.post(`/api/meetings/${meetingId}/items`, { caseId: kase.id }), 'item');
    }
    const view = ok(await chief.get<MeetingView>(`/api/meetings/${meetingId}`), 'meeting');
    expect(view.agenda.map((a) => `${a.start}–${a.end}`)).toEqual([
      '09:00–09:30',
      '09:30–10:00',
      '10:00–10:30',
      '10:30–11:00',
      '11:00–11:30',
      '11:30–12:00',
    ]);
    expect(view.agenda[0]?.phases.map((p) => `${p.phase} ${p.start}–${p.end}`)).toEqual([
      'introduction 09:00–09:02',
      'report 09:02–09:07',
      'questions 09:07–09:12',
      'discussion 09:12–09:25',
      'summary 09:25–09:30',
    ]);
  });
});

describe('partner staff', () => {
  it('see only meetings they are invited to, and an item only within the consent', async () => {
    const { meetingId } = await coordinationMeeting();
    const partner = await signedIn(t.app, world.users.partnerStaff.login_id);
    const stranger = await createPartnerAgency(t.database.db, world.municipality.id, {
      name: '架空市シルバー人材センター',
    });
    const strangerUser = await createUser(t.database.db, {
      municipalityId: world.municipality.id,
      roles: ['partner_staff'],
      partnerAgencyId: stranger.id,
    });
    const strangerClient = await signedIn(t.app, strangerUser.login_id);
    expect((await strangerClient.get(`/api/meetings/${meetingId}`)).status).toBe(404);
    expect(
      ok(await strangerClient.get<{ items: unknown[] }>('/api/meetings'), 'list').items,
    ).toEqual([]);

    const kase = await continuedCase(undefined, { allAgencies: true });
    const item = ok(
      await chief.post<{ id: string }>(`/api/meetings/${meetingId}/items`, { caseId: kase.id }),
      'item',
    );
    const seen = ok(await partner.get<MeetingView>(`/api/meetings/${meetingId}`), 'partner view');
    expect(seen.agenda).toMatchObject([{ visible: true, personName: '架空 一郎' }]);
    expect((await partner.get(`/api/meetings/${meetingId}/items/${item.id}`)).status).toBe(200);

    // The person withdraws consent: the partner no longer sees the item.
    const view = await getCaseView(worker, kase.id);
    const consent = view.consents[0];
    ok(
      await worker.post(`/api/cases/${kase.id}/consents/${consent?.id}/withdrawal`, {
        version: consent?.version,
        withdrawnOn: 'R8.5.1',
        reason: '本人の申し出',
      }),
      'withdraw',
    );
    const refused = await partner.get(`/api/meetings/${meetingId}/items/${item.id}`);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'MEETING_OUTSIDE_CONSENT' } });
  });
});

describe('a termination at the 支援調整会議', () => {
  it('is proposed by the evaluation, approved with the officer present, and terminates the case', async () => {
    const { seriesId, meetingId } = await coordinationMeeting('R8.10.15');
    const { caseId } = await toInSupport(worker, officer);
    await transition(worker, caseId, 'start_evaluation');
    let view = await getCaseView(worker, caseId);
    const active = view.plans.find((p) => p.status === 'active');
    const plan = ok(
      await worker.get<{ goals: { id: string }[] }>(`/api/cases/${caseId}/plans/${active?.id}`),
      'plan',
    );
    ok(
      await worker.post(`/api/cases/${caseId}/evaluations`, {
        caseVersion: view.case.version,
        evaluatedOn: 'R8.10.1',
        goals: plan.goals.map((g) => ({ planGoalId: g.id, achievement: 'achieved' })),
        employed: true,
        employmentStartedOn: 'R8.9.15',
        employmentType: 'non_regular',
        improvements: ['earned_income_increased'],
        decision: 'terminate',
      }),
      'evaluation',
    );
    const suggestions = ok(
      await chief.get<{ items: { caseId: string; kind: string; reason: string }[] }>(
        `/api/meeting-series/${seriesId}/suggestions`,
      ),
      'suggestions',
    );
    expect(suggestions.items).toEqual([
      expect.objectContaining({ caseId, kind: 'termination', reason: 'termination_proposed' }),
    ]);
    const item = ok(
      await chief.post<{ id: string; version: number; kind: string }>(
        `/api/meetings/${meetingId}/items`,
        { caseId, kind: 'termination' },
      ),
      'item',
    );
    const meeting = ok(await chief.get<MeetingView>(`/api/meetings/${meetingId}`), 'meeting');
    ok(
      await chief.put(`/api/meetings/${meetingId}/attendance`, {
        version: meeting.version,
        attendees: [
          { userId: world.users.officer.id, roles: ['member'], present: true },
          { userId: world.users.chief.id, roles: ['chair', 'minutes'], present: true },
        ],
      }),
      'attendance',
    );
    const withoutReason = await chief.post(`/api/meetings/${meetingId}/items/${item.id}/record`, {
      version: item.version,
      decision: 'termination_approved',
    });
    expect(withoutReason.status).toBe(400);
    expect(withoutReason.body).toMatchObject({
      error: { fields: [{ path: 'closure.reason', message: '選択してください。' }] },
    });
    const wrongDecision = await chief.post(`/api/meetings/${meetingId}/items/${item.id}/record`, {
      version: item.version,
      decision: 'adopted',
    });
    expect(wrongDecision.body).toMatchObject({ error: { fields: [{ path: 'decision' }] } });

    const approved = await chief.post(`/api/meetings/${meetingId}/items/${item.id}/record`, {
      version: item.version,
      discussion: '就労が定着しており、終結が妥当。',
      decision: 'termination_approved',
      closure: {
        reason: 'goals_in_sight',
        followUp: true,
        followUpBy: world.users.supportWorker.id,
        followUpMethod: '月1回の電話',
        followUpUntil: 'R9.1.31',
      },
    });
    expect(approved.status).toBe(200);
    view = await getCaseView(worker, caseId);
    expect(view.case.status).toBe('terminated');
    const closure = await t.database.db
      .selectFrom('case_closure')
      .selectAll()
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(closure).toMatchObject({
      decided_on: '2026-10-15',
      reason: 'goals_in_sight',
      meeting_note: '架空市支援調整会議（2026-10-15）：終結を了承',
    });
  });
});

describe('arranging the agenda', () => {
  it('moves an item to another place and closes the gap when one is taken off', async () => {
    const { meetingId } = await coordinationMeeting();
    const ids: string[] = [];
    for (const [i, kana] of ['あ', 'い', 'う'].entries()) {
      const kase = await continuedCase(
        { name: `架空 次郎${i}`, nameKana: `かくう じろう${kana}` },
        { allAgencies: true },
      );
      ids.push(
        ok(
          await chief.post<{ id: string }>(`/api/meetings/${meetingId}/items`, { caseId: kase.id }),
          'item',
        ).id,
      );
    }
    const order = async () =>
      ok(await chief.get<MeetingView>(`/api/meetings/${meetingId}`), 'meeting').agenda.map(
        (a) => a.id,
      );
    const third = ok(await chief.get<MeetingView>(`/api/meetings/${meetingId}`), 'm').agenda[2];
    ok(
      await chief.put(`/api/meetings/${meetingId}/items/${third?.id}`, {
        version: third?.version,
        position: 1,
        minutes: 30,
        guests: [],
      }),
      'move',
    );
    expect(await order()).toEqual([ids[2], ids[0], ids[1]]);
    ok(await chief.delete(`/api/meetings/${meetingId}/items/${ids[0]}`), 'remove');
    const view = ok(await chief.get<MeetingView>(`/api/meetings/${meetingId}`), 'meeting');
    expect(view.agenda.map((a) => [a.id, a.start])).toEqual([
      [ids[2], '09:00'],
      [ids[1], '09:30'],
    ]);
  });
});
