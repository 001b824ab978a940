import { beforeEach, describe, expect, it } from 'vitest';
import { getCaseView } from '../test/case-helpers';
import { signedIn, type TestClient } from '../test/client';
import { createSupportAgency, createUser, createWorld } from '../test/factories';
import { type TestApp, testApp } from '../test/test-app';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let worker: TestClient;

beforeEach(async () => {
  t = await testApp();
  world = await createWorld(t.database.db);
  worker = await signedIn(t.app, world.users.supportWorker.login_id);
});

function ok<T>(res: { status: number; body: T; text: string }, what: string): T {
  if (res.status >= 300) throw new Error(`${what} failed: ${res.status} ${res.text}`);
  return res.body;
}

type Summary = { id: string; version: number; personId: string };
type Attempt = {
  id: string;
  version: number;
  channel: string;
  outcome: string;
  nextApproachOn: string | null;
};
type OutreachView = {
  attempts: Attempt[];
  escalations: { id: string; escalatedTo: string; attemptId: string | null }[];
  history: { at: string; kind: string; id: string; data: Record<string, unknown> }[];
  nextApproach: { plan: string | null; on: string | null; overdue: boolean } | null;
  consented: boolean;
  abilities: { update: boolean };
};

/** A young man withdrawn at home, brought to the centre's notice by his mother's neighbour. */
async function lead(client = worker) {
  return ok(
    await client.post<Summary>('/api/cases/detections', {
      person: { name: '架空 翔', nameKana: 'かくう しょう', sex: 'male' },
      detection: {
        detectedOn: '2025-12-01',
        source: 'welfare_commissioner',
        signs: '20代の息子が数年間自宅から出ていないと、母親が民生委員に相談。',
        approachPlan: 'まず手紙で自己紹介し、母親を通じて様子を聞く。',
      },
    }),
    'lead',
  );
}

async function attempt(caseId: string, body: Record<string, unknown>, client = worker) {
  return ok(await client.post<Attempt>(`/api/cases/${caseId}/outreach/attempts`, body), 'attempt');
}

describe('outreach before consent', () => {
  it('records months of attempts, then the consent and the plan, and tells the story in order', async () => {
    const kase = await lead();
    const letter = await attempt(kase.id, {
      occurredAt: '2025-12-05T15:00',
      channel: 'letter',
      outcome: 'no_answer',
      summary: '自己紹介の手紙をポストに入れた。',
      nextStep: '訪問する',
      nextApproachOn: '2025-12-19',
    });
    expect(letter).toMatchObject({ channel: 'letter', outcome: 'no_answer' });
    await attempt(kase.id, {
      occurredAt: '2025-12-19T10:00',
      channel: 'visit',
      outcome: 'no_answer',
      summary: '訪問。インターホンに応答なし。',
    });
    await attempt(kase.id, {
      occurredAt: '2026-01-15T14:00',
      channel: 'through_family',
      via: '母',
      outcome: 'partial',
      summary: '母を通じて手紙を渡してもらった。本人は読んだとのこと。',
      nextStep: 'チャットで連絡してみる',
      nextApproachOn: '2026-02-01',
    });
    const chat = await attempt(kase.id, {
      occurredAt: '2026-02-01T20:00',
      channel: 'chat',
      outcome: 'reached',
      summary: 'チャットで本人から返事。「会うのは少し怖い」。',
      nextStep: '母同席で自宅で会う',
      nextApproachOn: '2026-03-01',
    });

    // Each attempt is a contact record: its mode and reach follow from the channel and the answer.
    const contacts = await t.database.db
      .selectFrom('contact_record')
      .select(['mode', 'reached', 'outreach_channel'])
      .where('case_id', '=', kase.id)
      .orderBy('occurred_at')
      .execute();
    expect(contacts).toEqual([
      { mode: 'letter', reached: false, outreach_channel: 'letter' },
      { mode: 'visit', reached: false, outreach_channel: 'visit' },
      { mode: 'inquiry', reached: true, outreach_channel: 'through_family' },
      { mode: 'mail', reached: true, outreach_channel: 'chat' },
    ]);

    // A plain contact record is not an outreach attempt.
    ok(
      await worker.post(`/api/cases/${kase.id}/contacts`, {
        occurredAt: '2026-02-10T09:00',
        mode: 'partner_liaison',
        summary: '民生委員に経過を報告。',
      }),
      'contact',
    );

    // Before he agrees, the next approach is the latest attempt's: its day (1 March) has passed
    // by 1 April.
    const before = ok(await worker.get<OutreachView>(`/api/cases/${kase.id}/outreach`), 'before');
    expect(before.nextApproach).toEqual({
      plan: '母同席で自宅で会う',
      on: '2026-03-01',
      overdue: true,
    });
    expect(before.consented).toBe(false);
    // The worker's home page lists it in the week before it is due.
    type Due = { due: { outreach: { caseId: string; dueOn: string; overdue: boolean }[] } };
    const homeBefore = ok(await worker.get<Due>('/api/cases/caseload?today=2026-02-25'), 'home');
    expect(homeBefore.due.outreach).toEqual([
      expect.objectContaining({ caseId: kase.id, dueOn: '2026-03-01', overdue: false }),
    ]);

    // He agrees to support: the intake, the triage and his consent, through their own steps.
    let view = await getCaseView(worker, kase.id);
    const intake = ok(
      await worker.post<Summary>(`/api/cases/${kase.id}/intake`, {
        version: view.case.version,
        intake: {
          receivedOn: '2026-03-01',
          routeIn: 'outreach',
          topics: ['withdrawal_truancy'],
          mainTopic: 'withdrawal_truancy',
        },
      }),
      'intake',
    );
    const continued = ok(
      await worker.post<Summary>(`/api/cases/${kase.id}/triage`, {
        version: intake.version,
        outcome: 'continue',
      }),
      'triage',
    );
    ok(
      await worker.post(`/api/cases/${kase.id}/consents`, {
        version: continued.version,
        givenOn: '2026-03-01',
        signedBy: 'person',
        explanationGiven: true,
        allAgencies: true,
        purposes: ['coordination_meeting'],
      }),
      'consent',
    );

    // The consent settles the approach: it leaves the home page.
    const homeAfter = ok(await worker.get<Due>('/api/cases/caseload?today=2026-03-02'), 'home');
    expect(homeAfter.due.outreach).toEqual([]);

    // Then the assessment and the first plan, as for anyone.
    const assessment = ok(
      await worker.post<{ id: string; version: number }>(`/api/cases/${kase.id}/assessments`, {
        caseVersion: (await getCaseView(worker, kase.id)).case.version,
      }),
      'assessment',
    );
    ok(
      await worker.put(`/api/cases/${kase.id}/assessments/${assessment.id}`, {
        version: assessment.version,
        assessment: {
          assessedOn: '2026-03-15',
          prognosis: 'improve',
          domains: [{ domain: 'work', situation: '就労経験なし', sources: ['person'] }],
        },
      }),
      'assessment save',
    );
    ok(
      await worker.post(`/api/cases/${kase.id}/assessments/${assessment.id}/completion`, {
        version: assessment.version + 1,
      }),
      'assessment complete',
    );
    const plan = ok(
      await worker.post<{ planId: string }>(`/api/cases/${kase.id}/plans`, {
        caseVersion: (await getCaseView(worker, kase.id)).case.version,
      }),
      'plan',
    );

    const outreach = ok(
      await worker.get<OutreachView>(`/api/cases/${kase.id}/outreach`),
      'outreach',
    );
    expect(outreach.attempts.map((a) => a.channel)).toEqual([
      'letter',
      'visit',
      'through_family',
      'chat',
    ]);
    expect(outreach.history.map((h) => h.kind)).toEqual([
      'detection',
      'attempt',
      'attempt',
      'attempt',
      'attempt',
      'intake',
      'consent',
      'plan',
    ]);
    expect(outreach.history.at(-1)?.id).toBe(plan.planId);
    expect(outreach.history[3]?.data).toMatchObject({ channel: 'through_family', via: '母' });
    expect(outreach.consented).toBe(true);
    // He agreed after the last attempt: no approach is due any more.
    expect(outreach.nextApproach).toBeNull();
    expect(outreach.abilities.update).toBe(true);

    // The case timeline shows the attempts as outreach.
    view = await getCaseView(worker, kase.id);
    const timeline = (
      view as unknown as { timeline: { kind: string; id: string; data: Record<string, unknown> }[] }
    ).timeline;
    expect(timeline.find((e) => e.id === chat.id)?.data).toMatchObject({
      outreachChannel: 'chat',
      outreachOutcome: 'reached',
    });

    // The reading of the outreach history is audited with the person.
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'person_id', 'legal_basis'])
      .where('actor_user_id', '=', world.users.supportWorker.id)
      .where('action', 'in', ['outreach.read', 'outreach_attempt.create'])
      .execute();
    expect(audit.filter((a) => a.action === 'outreach_attempt.create')).toHaveLength(4);
    expect(audit.find((a) => a.action === 'outreach.read')).toEqual({
      action: 'outreach.read',
      person_id: kase.personId,
      legal_basis: 'own_case',
    });
  });

  it('records an emergency seen on a visit, where it went and when, in the history and the timeline', async () => {
    const kase = await lead();
    const visit = await attempt(kase.id, {
      occurredAt: '2026-03-10T11:00',
      channel: 'visit',
      outcome: 'partial',
      summary: 'ドア越しに弱い声で返事。数日食べていないと言う。',
    });
    const escalation = ok(
      await worker.post<{ id: string; version: number; escalatedTo: string }>(
        `/api/cases/${kase.id}/outreach/escalations`,
        {
          observedAt: '2026-03-10T11:05',
          observed: '数日食事をとっていない様子。立ち上がれないと話す。',
          escalatedTo: 'emergency_services',
          escalatedToName: '架空市消防本部',
          escalatedAt: '2026-03-10T11:10',
          response: '救急搬送。母に連絡。',
          attemptId: visit.id,
        },
      ),
      'escalation',
    );
    expect(escalation.escalatedTo).toBe('emergency_services');

    // Passed on before it was seen: refused with the field named.
    const early = await worker.post<{ error: { fields: { path: string; message: string }[] } }>(
      `/api/cases/${kase.id}/outreach/escalations`,
      {
        observedAt: '2026-03-10T11:05',
        observed: '同上',
        escalatedTo: 'police',
        escalatedAt: '2026-03-10T10:00',
      },
    );
    expect(early.status).toBe(400);
    expect(early.body.error.fields).toEqual([
      { path: 'escalatedAt', message: 'つないだ日時は、気づいた日時以降にしてください。' },
    ]);

    // An attempt of another case cannot be named.
    const other = await lead();
    const elsewhere = await attempt(other.id, {
      occurredAt: '2026-03-10T09:00',
      channel: 'phone',
      outcome: 'no_answer',
      summary: '不在。',
    });
    const wrong = await worker.post(`/api/cases/${kase.id}/outreach/escalations`, {
      observedAt: '2026-03-10T11:05',
      observed: '同上',
      escalatedTo: 'health_centre',
      escalatedAt: '2026-03-10T12:00',
      attemptId: elsewhere.id,
    });
    expect(wrong.status).toBe(400);

    const updated = ok(
      await worker.put<{ version: number; response: string }>(
        `/api/cases/${kase.id}/outreach/escalations/${escalation.id}`,
        {
          version: escalation.version,
          escalation: {
            observedAt: '2026-03-10T11:05',
            observed: '数日食事をとっていない様子。立ち上がれないと話す。',
            escalatedTo: 'emergency_services',
            escalatedToName: '架空市消防本部',
            escalatedAt: '2026-03-10T11:10',
            response: '救急搬送。脱水で入院。母に連絡し、保健センターにも共有。',
            attemptId: visit.id,
          },
        },
      ),
      'escalation update',
    );
    expect(updated.version).toBe(escalation.version + 1);
    const stale = await worker.put(`/api/cases/${kase.id}/outreach/escalations/${escalation.id}`, {
      version: escalation.version,
      escalation: {
        observedAt: '2026-03-10T11:05',
        observed: '古い版',
        escalatedTo: 'emergency_services',
        escalatedAt: '2026-03-10T11:10',
      },
    });
    expect(stale.status).toBe(409);

    const outreach = ok(await worker.get<OutreachView>(`/api/cases/${kase.id}/outreach`), 'read');
    expect(outreach.history.map((h) => h.kind)).toEqual(['detection', 'attempt', 'escalation']);
    expect(outreach.escalations[0]?.attemptId).toBe(visit.id);
    const view = (await getCaseView(worker, kase.id)) as unknown as {
      timeline: { kind: string; id: string }[];
    };
    expect(view.timeline.some((e) => e.kind === 'escalation' && e.id === escalation.id)).toBe(true);
  });

  it('asks through whom an attempt went, and a next date on or after the attempt', async () => {
    const kase = await lead();
    const res = await worker.post<{ error: { fields: { path: string; message: string }[] } }>(
      `/api/cases/${kase.id}/outreach/attempts`,
      {
        occurredAt: '2026-03-10T11:00',
        channel: 'through_key_person',
        outcome: 'partial',
        summary: '民生委員から声をかけてもらった。',
        nextApproachOn: '2026-03-09',
      },
    );
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([
      { path: 'via', message: '入力してください。' },
      { path: 'nextApproachOn', message: '次回の予定日は、この記録の日付以降にしてください。' },
    ]);
  });

  it('keeps an edit to the version it was read at, and edits only attempts', async () => {
    const kase = await lead();
    const first = await attempt(kase.id, {
      occurredAt: '2026-03-10T11:00',
      channel: 'visit',
      outcome: 'no_answer',
      summary: '不在。',
    });
    const body = (summary: string, version: number) => ({
      version,
      attempt: {
        occurredAt: '2026-03-10T11:00',
        channel: 'visit',
        outcome: 'refused',
        summary,
      },
    });
    const saved = ok(
      await worker.put<Attempt>(
        `/api/cases/${kase.id}/outreach/attempts/${first.id}`,
        body('インターホン越しに「帰ってください」。', first.version),
      ),
      'update',
    );
    expect(saved).toMatchObject({ outcome: 'refused', version: first.version + 1 });
    const reached = await t.database.db
      .selectFrom('contact_record')
      .select('reached')
      .where('id', '=', first.id)
      .executeTakeFirstOrThrow();
    expect(reached.reached).toBe(true);
    const stale = await worker.put(
      `/api/cases/${kase.id}/outreach/attempts/${first.id}`,
      body('古い版', first.version),
    );
    expect(stale.status).toBe(409);

    const contact = ok(
      await worker.post<{ id: string; version: number }>(`/api/cases/${kase.id}/contacts`, {
        occurredAt: '2026-03-11T09:00',
        mode: 'phone',
        summary: '母に電話。',
      }),
      'contact',
    );
    const notAnAttempt = await worker.put(
      `/api/cases/${kase.id}/outreach/attempts/${contact.id}`,
      body('…', contact.version),
    );
    expect(notAnAttempt.status).toBe(404);
  });
});

describe('who may see and record outreach', () => {
  it('hides a case of another agency (404, audited) and lets the municipality read but not record (403, audited)', async () => {
    const kase = await lead();
    await attempt(kase.id, {
      occurredAt: '2026-03-10T11:00',
      channel: 'letter',
      outcome: 'no_answer',
      summary: '手紙を投函。',
    });
    const otherAgency = await createSupportAgency(t.database.db, world.municipality.id);
    const stranger = await createUser(t.database.db, {
      municipalityId: world.municipality.id,
      roles: ['support_worker'],
      supportAgencyId: otherAgency.id,
    });
    const strangerClient = await signedIn(t.app, stranger.login_id);
    expect((await strangerClient.get(`/api/cases/${kase.id}/outreach`)).status).toBe(404);
    const hidden = await strangerClient.post(`/api/cases/${kase.id}/outreach/attempts`, {
      occurredAt: '2026-03-10T11:00',
      channel: 'letter',
      outcome: 'no_answer',
      summary: '…',
    });
    expect(hidden.status).toBe(404);

    const officer = await signedIn(t.app, world.users.officer.login_id);
    const read = ok(await officer.get<OutreachView>(`/api/cases/${kase.id}/outreach`), 'read');
    expect(read.attempts).toHaveLength(1);
    expect(read.abilities.update).toBe(false);
    const refused = await officer.post(`/api/cases/${kase.id}/outreach/escalations`, {
      observedAt: '2026-03-10T11:05',
      observed: '…',
      escalatedTo: 'police',
      escalatedAt: '2026-03-10T11:10',
    });
    expect(refused.status).toBe(403);

    // Partner staff read no case record at all (they see what is referred or shared to them).
    const partner = await signedIn(t.app, world.users.partnerStaff.login_id);
    expect((await partner.get(`/api/cases/${kase.id}/outreach`)).status).toBe(403);

    const denied = await t.database.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'action', 'subject_id'])
      .where('outcome', '=', 'denied')
      .where('subject_id', '=', kase.id)
      .orderBy('id')
      .execute();
    expect(denied).toEqual([
      { actor_user_id: stranger.id, action: 'outreach.read', subject_id: kase.id },
      { actor_user_id: stranger.id, action: 'outreach_attempt.create', subject_id: kase.id },
      {
        actor_user_id: world.users.officer.id,
        action: 'outreach_escalation.create',
        subject_id: kase.id,
      },
      { actor_user_id: world.users.partnerStaff.id, action: 'outreach.read', subject_id: kase.id },
    ]);
  });
});
