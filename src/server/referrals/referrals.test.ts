import { beforeEach, describe, expect, it } from 'vitest';
import { getCaseView, openIntakeCase } from '../test/case-helpers';
import { signedIn, type TestClient } from '../test/client';
import { createPartnerAgency, createUser, createWorld } from '../test/factories';
import { type TestApp, testApp } from '../test/test-app';

/**
 * つなぎ between agencies through the API: a referral during support with a hand-over within
 * consent, the receiver's answers, the sender's follow-up, the alerts that keep a case from being
 * left without an owner, and the history on the case. (The test clock reads 2026-04-01.)
 */
let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let worker: TestClient;
let partner: TestClient;

beforeEach(async () => {
  t = await testApp();
  world = await createWorld(t.database.db);
  worker = await signedIn(t.app, world.users.supportWorker.login_id);
  partner = await signedIn(t.app, world.users.partnerStaff.login_id);
});

function ok<T>(res: { status: number; body: T; text: string }, what: string): T {
  if (res.status >= 300) throw new Error(`${what} failed: ${res.status} ${res.text}`);
  return res.body;
}

type Referral = {
  id: string;
  status: string;
  version: number;
  consentId: string | null;
  handOverSummary: string | null;
};
type CaseView = Awaited<ReturnType<typeof getCaseView>> & {
  referrals: (Referral & { alert: string | null; abilities: { actions: string[] } })[];
  timeline: { kind: string; data: Record<string, unknown> }[];
  consents: { id: string; version: number }[];
};

/** A consultation continued here, with a consent naming the given agencies. */
async function caseWithConsent(partnerAgencyIds: string[]) {
  const kase = await openIntakeCase(worker);
  const continued = ok(
    await worker.post<{ version: number }>(`/api/cases/${kase.id}/triage`, {
      version: kase.version,
      outcome: 'continue',
    }),
    'triage',
  );
  ok(
    await worker.post(`/api/cases/${kase.id}/consents`, {
      version: continued.version,
      givenOn: 'R8.4.1',
      signedBy: 'person',
      explanationGiven: true,
      partnerAgencyIds,
      purposes: ['partner_liaison'],
    }),
    'consent',
  );
  return kase;
}

const handOver = {
  reason: '介護保険の申請と在宅サービスの相談',
  handOverSummary: '父（78歳）と二人暮らし。父の介護で本人が離職。介護保険は未申請。',
  accompanied: true,
  dueOn: 'R8.4.8',
  followUpOn: 'R8.4.15',
};

async function refer(caseId: string, body: Record<string, unknown>) {
  return worker.post<Referral>(`/api/cases/${caseId}/referrals`, body);
}

async function view(caseId: string) {
  return (await getCaseView(worker, caseId)) as CaseView;
}

async function auditRows(userId: string, action: string) {
  return t.database.db
    .selectFrom('audit_log')
    .selectAll()
    .where('actor_user_id', '=', userId)
    .where('action', '=', action)
    .orderBy('id')
    .execute();
}

describe('a referral during support', () => {
  it('carries a hand-over to an agency the consent covers, and the agency finds it in its inbox', async () => {
    const kase = await caseWithConsent([world.partner.id]);
    const created = ok(
      await refer(kase.id, { partnerAgencyId: world.partner.id, ...handOver }),
      'refer',
    );
    expect(created).toMatchObject({
      status: 'pending',
      handOverSummary: handOver.handOverSummary,
      dueOn: '2026-04-08',
      followUpOn: '2026-04-15',
      referredOn: '2026-04-01',
    });
    expect(created.consentId).not.toBeNull();
    // The case keeps its lead worker: the sender stays the owner.
    const after = await view(kase.id);
    expect(after.case.status).toBe('applied');
    expect(after.referrals[0]?.abilities.actions).toEqual([
      'confirm_arrival',
      'confirm_not_arrived',
      'cancel',
    ]);

    const inbox = await partner.get<{
      items: { id: string; personName: string; caseNumber: string | null; age: number }[];
    }>('/api/referrals');
    expect(inbox.status).toBe(200);
    expect(inbox.body.items).toMatchObject([
      { id: created.id, personName: '架空 一郎', caseNumber: null, age: 46 },
    ]);
    const detail = await partner.get<Record<string, unknown>>(`/api/referrals/${created.id}`);
    expect(detail.body).toMatchObject({
      handOverSummary: handOver.handOverSummary,
      handOverWithheld: false,
      person: { name: '架空 一郎', nameKana: 'かくう いちろう', age: 46 },
      abilities: { party: 'receiver', actions: ['accept', 'decline', 'return'] },
    });
    // Only what the receiver needs: no birth date, address or telephone.
    expect(JSON.stringify(detail.body)).not.toMatch(/090-0000-1234|1980-03-02|birthDate/);
    // The read is audited with its basis: the consent that covers the agency.
    const [read] = await auditRows(world.users.partnerStaff.id, 'referral.read');
    expect(read).toMatchObject({
      outcome: 'success',
      person_id: kase.personId,
      legal_basis: 'consent',
      legal_basis_ref: `consent:${created.consentId}`,
    });
  });

  it('refuses a hand-over to an agency the consent leaves out, naming it; a plain referral is fine', async () => {
    const other = await createPartnerAgency(t.database.db, world.municipality.id, {
      name: '架空市保健センター',
    });
    const kase = await caseWithConsent([world.partner.id]);
    const refused = await refer(kase.id, { partnerAgencyId: other.id, ...handOver });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      error: {
        fields: [
          {
            path: 'handOverSummary',
            message: expect.stringContaining('「架空市保健センター」が含まれていない'),
          },
        ],
      },
    });
    const plain = ok(
      await refer(kase.id, {
        partnerAgencyId: other.id,
        reason: '健康相談',
        followUpOn: 'R8.4.15',
      }),
      'plain referral',
    );
    expect(plain).toMatchObject({ status: 'pending', consentId: null, handOverSummary: null });
    // An outside destination (a name only) receives nothing through the system.
    const outside = await refer(kase.id, {
      destinationName: '架空町の親戚',
      ...handOver,
    });
    expect(outside.status).toBe(400);
    expect(outside.body).toMatchObject({
      error: {
        fields: [
          { path: 'handOverSummary', message: expect.stringContaining('一覧から選んだ関係機関') },
          { path: 'dueOn' },
        ],
      },
    });
  });

  it('is refused before the triage: the triage refers then', async () => {
    const kase = await openIntakeCase(worker);
    const res = await refer(kase.id, {
      partnerAgencyId: world.partner.id,
      reason: '相談',
      followUpOn: 'R8.4.15',
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { code: 'TRANSITION_NOT_ALLOWED' } });
  });
});

describe('the answer and the follow-up', () => {
  it('the partner accepts, the worker confirms arrival, and the case timeline shows all three', async () => {
    const kase = await caseWithConsent([world.partner.id]);
    const created = ok(
      await refer(kase.id, { partnerAgencyId: world.partner.id, ...handOver }),
      'r',
    );
    const accepted = ok(
      await partner.post<Referral>(`/api/referrals/${created.id}/response`, {
        version: created.version,
        response: 'accept',
      }),
      'accept',
    );
    expect(accepted.status).toBe('accepted');
    const arrived = ok(
      await worker.put<Referral & { confirmedOn: string }>(
        `/api/cases/${kase.id}/referrals/${created.id}`,
        {
          version: accepted.version,
          status: 'arrived',
          confirmedOn: 'R8.4.1',
          note: '本人から、地域包括で面談したと電話があった。',
        },
      ),
      'arrived',
    );
    expect(arrived).toMatchObject({ status: 'arrived', confirmedOn: '2026-04-01' });
    const events = (await view(kase.id)).timeline
      .filter((e) => e.kind === 'referral_event')
      .map((e) => [e.data.event, e.data.actor]);
    expect(events).toEqual([
      ['arrived', world.users.supportWorker.id],
      ['accepted', world.users.partnerStaff.id],
      ['sent', world.users.supportWorker.id],
    ]);
    // The history is append-only.
    await expect(
      t.database.db
        .updateTable('referral_event')
        .set({ reason: 'x' })
        .where('referral_id', '=', created.id)
        .execute(),
    ).rejects.toThrow(/append-only/);
    // Nothing more to answer once the person has arrived.
    const late = await partner.post(`/api/referrals/${created.id}/response`, {
      version: arrived.version,
      response: 'return',
      reason: '対象外',
    });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({
      error: { code: 'REFERRAL_STEP_NOT_ALLOWED', details: { allowedActions: [] } },
    });
  });

  it('needs a reason to decline; the declined referral stays on the sender’s list until noted, and the referred-out case can continue here', async () => {
    const kase = await openIntakeCase(worker);
    ok(
      await worker.post(`/api/cases/${kase.id}/triage`, {
        version: kase.version,
        outcome: 'refer_out',
        referral: {
          partnerAgencyId: world.partner.id,
          reason: '介護の相談',
          followUpOn: 'R8.4.8',
        },
      }),
      'refer out',
    );
    const triaged = await view(kase.id);
    const [referral] = triaged.referrals;
    if (!referral) throw new Error('no referral');
    // The triage's referral went through the same insert: its history starts with "sent".
    expect(
      triaged.timeline.filter((e) => e.kind === 'referral_event').map((e) => e.data.event),
    ).toEqual(['sent']);
    const noReason = await partner.post(`/api/referrals/${referral.id}/response`, {
      version: referral.version,
      response: 'decline',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body).toMatchObject({
      error: { fields: [{ path: 'reason', message: expect.stringContaining('理由を入力') }] },
    });
    const declined = ok(
      await partner.post<Referral>(`/api/referrals/${referral.id}/response`, {
        version: referral.version,
        response: 'decline',
        reason: '65歳未満で介護保険の対象外のため、障害の相談窓口をご案内ください。',
      }),
      'decline',
    );
    expect(declined.status).toBe('declined');

    type List = { items: { id: string; alert: string | null; responseReason: string }[] };
    const alerts = ok(await worker.get<List>('/api/referrals?attention=true&mine=true'), 'alerts');
    expect(alerts.items).toMatchObject([
      { id: referral.id, alert: 'declined', responseReason: expect.stringContaining('対象外') },
    ]);
    const page = await view(kase.id);
    expect(page.case.status).toBe('referred_out');
    expect(page.abilities.actions).toContain('triage_continue');
    expect(page.referrals[0]?.alert).toBe('declined');

    ok(
      await worker.post(`/api/cases/${kase.id}/referrals/${referral.id}/noted`, {
        version: declined.version,
      }),
      'noted',
    );
    expect(
      ok(await worker.get<List>('/api/referrals?attention=true&mine=true'), 'a').items,
    ).toEqual([]);
  });

  it('lets the receiver return an accepted person (つなぎもどし) with the reason', async () => {
    const kase = await caseWithConsent([world.partner.id]);
    const created = ok(
      await refer(kase.id, { partnerAgencyId: world.partner.id, ...handOver }),
      'r',
    );
    const accepted = ok(
      await partner.post<Referral>(`/api/referrals/${created.id}/response`, {
        version: created.version,
        response: 'accept',
      }),
      'accept',
    );
    const returned = ok(
      await partner.post<Referral & { responseReason: string }>(
        `/api/referrals/${created.id}/response`,
        {
          version: accepted.version,
          response: 'return',
          reason: '面談の結果、まず家計の立て直しが必要と判断しました。',
        },
      ),
      'return',
    );
    expect(returned).toMatchObject({ status: 'returned', responseReason: expect.any(String) });
    expect((await view(kase.id)).referrals[0]?.alert).toBe('returned');
    // The sender cannot cancel what is already answered.
    const cancel = await worker.put(`/api/cases/${kase.id}/referrals/${created.id}`, {
      version: returned.version,
      status: 'cancelled',
    });
    expect(cancel.status).toBe(409);
  });

  it('alerts the sender to a referral not answered by its due date, and to an arrival not confirmed by the follow-up date', async () => {
    const kase = await caseWithConsent([world.partner.id]);
    const unanswered = ok(
      await refer(kase.id, {
        partnerAgencyId: world.partner.id,
        reason: '相談',
        referredOn: 'R8.3.25',
        dueOn: 'R8.3.28',
        followUpOn: 'R8.4.10',
      }),
      'unanswered',
    );
    const unconfirmed = ok(
      await refer(kase.id, {
        partnerAgencyId: world.partner.id,
        reason: '相談',
        referredOn: 'R8.3.20',
        followUpOn: 'R8.3.31',
      }),
      'unconfirmed',
    );
    ok(
      await partner.post(`/api/referrals/${unconfirmed.id}/response`, {
        version: unconfirmed.version,
        response: 'accept',
      }),
      'accept',
    );
    const onTime = ok(
      await refer(kase.id, {
        partnerAgencyId: world.partner.id,
        reason: '相談',
        dueOn: 'R8.4.3',
        followUpOn: 'R8.4.10',
      }),
      'on time',
    );
    type List = { items: { id: string; alert: string | null }[] };
    const list = ok(await worker.get<List>('/api/referrals?attention=true'), 'attention');
    expect(list.items.map((i) => [i.id, i.alert]).sort()).toEqual(
      [
        [unanswered.id, 'response_overdue'],
        [unconfirmed.id, 'arrival_overdue'],
      ].sort(),
    );
    expect(list.items.map((i) => i.id)).not.toContain(onTime.id);
    // The partner's inbox keeps what still needs their answer.
    const inbox = ok(await partner.get<List>('/api/referrals?attention=true'), 'inbox');
    expect(inbox.items.map((i) => i.id).sort()).toEqual([unanswered.id, onTime.id].sort());
  });

  it('answers a stale answer, confirmation or correction with 409 and the current record', async () => {
    const kase = await caseWithConsent([world.partner.id]);
    const created = ok(
      await refer(kase.id, { partnerAgencyId: world.partner.id, ...handOver }),
      'r',
    );
    const accepted = ok(
      await partner.post<Referral>(`/api/referrals/${created.id}/response`, {
        version: created.version,
        response: 'accept',
      }),
      'accept',
    );
    const stale = await partner.post(`/api/referrals/${created.id}/response`, {
      version: created.version,
      response: 'return',
      reason: '対象外',
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      error: { code: 'VERSION_CONFLICT', details: { current: { status: 'accepted' } } },
    });
    const staleConfirm = await worker.put(`/api/cases/${kase.id}/referrals/${created.id}`, {
      version: created.version,
      status: 'arrived',
    });
    expect(staleConfirm.status).toBe(409);
    expect(staleConfirm.body).toMatchObject({ error: { code: 'VERSION_CONFLICT' } });

    const activity = ok(
      await partner.post<{ id: string; version: number }>(
        `/api/referrals/${created.id}/activities`,
        { occurredOn: 'R8.4.1', kind: 'visit', summary: '自宅を訪問し、父の状態を確認した。' },
      ),
      'activity',
    );
    const body = { occurredOn: 'R8.4.1', kind: 'visit', summary: '訂正' };
    ok(
      await partner.put(`/api/referrals/${created.id}/activities/${activity.id}`, {
        version: activity.version,
        activity: body,
      }),
      'update',
    );
    const staleActivity = await partner.put(
      `/api/referrals/${created.id}/activities/${activity.id}`,
      { version: activity.version, activity: body },
    );
    expect(staleActivity.status).toBe(409);
    expect(accepted.status).toBe('accepted');
  });
});

describe('what partner staff record', () => {
  it('is added once the person is taken on, and shows on the case as the partner’s work', async () => {
    const kase = await caseWithConsent([world.partner.id]);
    const created = ok(
      await refer(kase.id, { partnerAgencyId: world.partner.id, ...handOver }),
      'r',
    );
    const early = await partner.post(`/api/referrals/${created.id}/activities`, {
      occurredOn: 'R8.4.1',
      kind: 'phone',
      summary: '電話',
    });
    expect(early.status).toBe(409);
    ok(
      await partner.post(`/api/referrals/${created.id}/response`, {
        version: created.version,
        response: 'accept',
      }),
      'accept',
    );
    const future = await partner.post(`/api/referrals/${created.id}/activities`, {
      occurredOn: 'R8.4.5',
      kind: 'visit',
      summary: '訪問予定',
    });
    expect(future.status).toBe(400);
    ok(
      await partner.post(`/api/referrals/${created.id}/activities`, {
        occurredOn: 'R8.4.1',
        kind: 'service',
        summary: '要介護認定を申請した。',
      }),
      'activity',
    );
    // The case staff see it on the case, and cannot write it themselves.
    const entries = (await view(kase.id)).timeline.filter((e) => e.kind === 'partner_activity');
    expect(entries).toMatchObject([
      {
        data: {
          activityKind: 'service',
          partnerAgencyId: world.partner.id,
          actor: world.users.partnerStaff.id,
        },
      },
    ]);
    const byWorker = await worker.post(`/api/referrals/${created.id}/activities`, {
      occurredOn: 'R8.4.1',
      kind: 'phone',
      summary: '電話',
    });
    expect(byWorker.status).toBe(403);
    const shared = await partner.get<{ activities: { summary: string }[] }>(
      `/api/shared-cases/${kase.id}`,
    );
    expect(shared.body.activities.map((a) => a.summary)).toEqual(['要介護認定を申請した。']);
  });
});

describe('partner staff see only what is shared with their agency', () => {
  async function otherPartner() {
    const agency = await createPartnerAgency(t.database.db, world.municipality.id);
    const user = await createUser(t.database.db, {
      municipalityId: world.municipality.id,
      roles: ['partner_staff'],
      partnerAgencyId: agency.id,
    });
    return { agency, user, client: await signedIn(t.app, user.login_id) };
  }

  it('refuses another agency’s referral and shared case with 403, audited', async () => {
    const kase = await caseWithConsent([world.partner.id]);
    const created = ok(
      await refer(kase.id, { partnerAgencyId: world.partner.id, ...handOver }),
      'r',
    );
    const other = await otherPartner();
    expect((await other.client.get<{ items: unknown[] }>('/api/referrals')).body.items).toEqual([]);
    const read = await other.client.get(`/api/referrals/${created.id}`);
    expect(read.status).toBe(403);
    const answer = await other.client.post(`/api/referrals/${created.id}/response`, {
      version: created.version,
      response: 'accept',
    });
    expect(answer.status).toBe(403);
    const shared = await other.client.get(`/api/shared-cases/${kase.id}`);
    expect(shared.status).toBe(403);
    // A made-up id is refused alike: the answer tells nothing.
    const madeUp = await other.client.get('/api/referrals/00000000-0000-4000-8000-000000000000');
    expect(madeUp.status).toBe(403);
    const denied = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'subject_id', 'reason'])
      .where('actor_user_id', '=', other.user.id)
      .where('outcome', '=', 'denied')
      .orderBy('id')
      .execute();
    expect(denied).toEqual([
      { action: 'referral.read', subject_id: created.id, reason: 'FORBIDDEN' },
      { action: 'referral.respond', subject_id: created.id, reason: 'FORBIDDEN' },
      { action: 'sharedCase.read', subject_id: kase.id, reason: 'FORBIDDEN' },
      {
        action: 'referral.read',
        subject_id: '00000000-0000-4000-8000-000000000000',
        reason: 'FORBIDDEN',
      },
    ]);
  });

  it('refuses the case itself (GET /api/cases/:id) with 403, audited — even the case referred to them', async () => {
    const kase = await caseWithConsent([world.partner.id]);
    ok(await refer(kase.id, { partnerAgencyId: world.partner.id, ...handOver }), 'r');
    const res = await partner.get(`/api/cases/${kase.id}`);
    expect(res.status).toBe(403);
    const [row] = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'outcome', 'subject_id', 'reason'])
      .where('actor_user_id', '=', world.users.partnerStaff.id)
      .where('action', '=', 'case.read')
      .execute();
    expect(row).toEqual({
      action: 'case.read',
      outcome: 'denied',
      subject_id: kase.id,
      reason: 'FORBIDDEN',
    });
    // Case staff of another agency still get 404 for a referral out of their sight.
    const created = (await view(kase.id)).referrals[0];
    const { createSupportAgency } = await import('../test/factories');
    const agency = await createSupportAgency(t.database.db, world.municipality.id);
    const stranger = await createUser(t.database.db, {
      municipalityId: world.municipality.id,
      roles: ['support_worker'],
      supportAgencyId: agency.id,
    });
    const strangerClient = await signedIn(t.app, stranger.login_id);
    expect((await strangerClient.get(`/api/referrals/${created?.id}`)).status).toBe(404);
  });

  it('withholds the hand-over and its documents once consent is withdrawn, and audits the refusal', async () => {
    const kase = await caseWithConsent([world.partner.id]);
    const attachment = await t.database.db
      .insertInto('attachment')
      .values({
        municipality_id: world.municipality.id,
        case_id: kase.id,
        file_name: '診断書.pdf',
        media_type: 'application/pdf',
        size_bytes: 4,
        content: new Uint8Array([37, 80, 68, 70]),
        uploaded_by: world.users.supportWorker.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const created = ok(
      await refer(kase.id, {
        partnerAgencyId: world.partner.id,
        ...handOver,
        attachmentIds: [attachment.id],
      }),
      'refer with a document',
    );
    type Shared = {
      consentCovers: boolean;
      person: Record<string, unknown>;
      referrals: {
        handOverSummary: string | null;
        handOverWithheld: boolean;
        documents: { id: string }[];
      }[];
    };
    const before = ok(await partner.get<Shared>(`/api/shared-cases/${kase.id}`), 'shared');
    expect(before).toMatchObject({
      consentCovers: true,
      person: { name: '架空 一郎', age: 46 },
      referrals: [
        {
          handOverSummary: handOver.handOverSummary,
          handOverWithheld: false,
          documents: [{ id: attachment.id }],
        },
      ],
    });
    const documentPath = `/api/shared-cases/${kase.id}/referrals/${created.id}/documents/${attachment.id}`;
    const document = await partner.get(documentPath);
    expect(document.status).toBe(200);
    expect(document.text).toBe('%PDF');

    const consent = (await view(kase.id)).consents[0];
    ok(
      await worker.post(`/api/cases/${kase.id}/consents/${consent?.id}/withdrawal`, {
        version: consent?.version,
        withdrawnOn: 'R8.4.1',
        reason: '本人の申出',
      }),
      'withdraw',
    );
    const after = ok(await partner.get<Shared>(`/api/shared-cases/${kase.id}`), 'shared after');
    expect(after).toMatchObject({
      consentCovers: false,
      referrals: [{ handOverSummary: null, handOverWithheld: true, documents: [] }],
    });
    expect(JSON.stringify(after)).not.toContain('父（78歳）');
    const refused = await partner.get(documentPath);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'HAND_OVER_WITHHELD' } });
    const denied = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'reason', 'person_id'])
      .where('actor_user_id', '=', world.users.partnerStaff.id)
      .where('outcome', '=', 'denied')
      .orderBy('id')
      .execute();
    expect(denied).toEqual([
      { action: 'referral.handover.read', reason: 'HAND_OVER_WITHHELD', person_id: kase.personId },
      { action: 'referral.document.read', reason: 'HAND_OVER_WITHHELD', person_id: kase.personId },
    ]);
    // The case's own workers still see their hand-over.
    expect((await view(kase.id)).referrals[0]?.handOverSummary).toBe(handOver.handOverSummary);
  });
});

describe('the referral pages by role', () => {
  it('lets case staff and partner staff list referrals, and refuses the rest with 403, audited', async () => {
    const officer = await signedIn(t.app, world.users.officer.login_id);
    const admin = await signedIn(t.app, world.users.admin.login_id);
    const auditor = await signedIn(t.app, world.users.auditor.login_id);
    expect((await officer.get('/api/referrals')).status).toBe(200);
    expect((await partner.get('/api/referrals')).status).toBe(200);
    expect((await partner.get('/api/shared-cases')).status).toBe(200);
    for (const client of [admin, auditor]) {
      expect((await client.get('/api/referrals')).status).toBe(403);
      expect((await client.get('/api/shared-cases')).status).toBe(403);
    }
    // Case staff read cases through the case page, not the partner's view.
    expect((await worker.get('/api/shared-cases')).status).toBe(403);
    const denied = await t.database.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('municipality_id', '=', world.municipality.id)
      .where('outcome', '=', 'denied')
      .orderBy('id')
      .execute();
    expect(denied.map((d) => d.action)).toEqual([
      'referral.list',
      'sharedCase.list',
      'referral.list',
      'sharedCase.list',
      'sharedCase.list',
    ]);
  });
});

describe('what the security review found', () => {
  /** The sender's own record: what a receiver's answer must never carry. */
  const senderOnly = ['confirmationNote', 'followUpOn', 'consentId', 'createdBy', 'respondedBy'];

  async function withdrawConsent(caseId: string) {
    const consent = (await view(caseId)).consents[0];
    ok(
      await worker.post(`/api/cases/${caseId}/consents/${consent?.id}/withdrawal`, {
        version: consent?.version,
        withdrawnOn: 'R8.4.1',
        reason: '本人の申出',
      }),
      'withdraw',
    );
  }

  it('answers the receiver (200 and 409) with the receiver’s view only: no hand-over once consent is withdrawn, none of the sender’s record', async () => {
    const kase = await caseWithConsent([world.partner.id]);
    const created = ok(
      await refer(kase.id, { partnerAgencyId: world.partner.id, ...handOver }),
      'refer',
    );
    await withdrawConsent(kase.id);
    const stale = await partner.post<{ error: { details: { current: Record<string, unknown> } } }>(
      `/api/referrals/${created.id}/response`,
      { version: created.version + 5, response: 'accept' },
    );
    expect(stale.status).toBe(409);
    const current = stale.body.error.details.current;
    expect(current).toMatchObject({
      id: created.id,
      status: 'pending',
      handOverSummary: null,
      handOverWithheld: true,
      version: created.version,
    });
    for (const key of senderOnly) expect(current).not.toHaveProperty(key);
    expect(stale.text).not.toContain('父（78歳）');

    const accepted = await partner.post<Record<string, unknown>>(
      `/api/referrals/${created.id}/response`,
      { version: created.version, response: 'accept' },
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      status: 'accepted',
      handOverSummary: null,
      handOverWithheld: true,
      documents: [],
    });
    for (const key of senderOnly) expect(accepted.body).not.toHaveProperty(key);
    expect(accepted.text).not.toContain('父（78歳）');
    // Each withheld hand-over is audited as a refused read.
    const withheld = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'subject_id'])
      .where('actor_user_id', '=', world.users.partnerStaff.id)
      .where('reason', '=', 'HAND_OVER_WITHHELD')
      .execute();
    expect(withheld).toEqual([
      { action: 'referral.handover.read', subject_id: created.id },
      { action: 'referral.handover.read', subject_id: created.id },
    ]);

    // While consent covers it, the receiver sees the hand-over, still without the sender's record.
    const other = await caseWithConsent([world.partner.id]);
    const covered = ok(
      await refer(other.id, { partnerAgencyId: world.partner.id, ...handOver }),
      'refer covered',
    );
    const answer = ok(
      await partner.post<Record<string, unknown>>(`/api/referrals/${covered.id}/response`, {
        version: covered.version,
        response: 'accept',
      }),
      'accept covered',
    );
    expect(answer).toMatchObject({ handOverSummary: handOver.handOverSummary });
    for (const key of senderOnly) expect(answer).not.toHaveProperty(key);
    // What else partner staff call carries only their own records.
    const activity = ok(
      await partner.post<Record<string, unknown> & { id: string; version: number }>(
        `/api/referrals/${covered.id}/activities`,
        { occurredOn: 'R8.4.1', kind: 'visit', summary: '自宅を訪問した。' },
      ),
      'activity',
    );
    const staleActivity = await partner.put(
      `/api/referrals/${covered.id}/activities/${activity.id}`,
      {
        version: activity.version + 1,
        activity: { occurredOn: 'R8.4.1', kind: 'visit', summary: '訂正' },
      },
    );
    expect(staleActivity.status).toBe(409);
    for (const text of [JSON.stringify(activity), staleActivity.text]) {
      expect(text).not.toContain('父（78歳）');
      expect(text).not.toMatch(/confirmationNote|followUpOn|consentId/);
    }
  });

  it('checks the answer and follow-up dates against the referral date as resolved (today when none is given)', async () => {
    const kase = await caseWithConsent([world.partner.id]);
    const dueEarly = await refer(kase.id, {
      partnerAgencyId: world.partner.id,
      reason: '相談',
      dueOn: 'R8.3.1',
      followUpOn: 'R8.4.15',
    });
    expect(dueEarly.status).toBe(400);
    expect(dueEarly.body).toMatchObject({
      error: { fields: [{ path: 'dueOn', message: 'つないだ日以降の日付にしてください。' }] },
    });
    const followUpEarly = await refer(kase.id, {
      partnerAgencyId: world.partner.id,
      reason: '相談',
      followUpOn: 'R8.3.31',
    });
    expect(followUpEarly.status).toBe(400);
    expect(followUpEarly.body).toMatchObject({
      error: { fields: [{ path: 'followUpOn', message: 'つないだ日以降の日付にしてください。' }] },
    });
    // The triage refers today, and is checked alike.
    const other = await openIntakeCase(worker);
    const triage = await worker.post(`/api/cases/${other.id}/triage`, {
      version: other.version,
      outcome: 'refer_out',
      referral: { partnerAgencyId: world.partner.id, reason: '介護の相談', followUpOn: 'R8.3.31' },
    });
    expect(triage.status).toBe(400);
    expect(triage.body).toMatchObject({
      error: { fields: [{ path: 'referral.followUpOn' }] },
    });
    expect((await view(kase.id)).referrals).toEqual([]);
    // On the referral date itself is fine.
    expect(
      (
        await refer(kase.id, {
          partnerAgencyId: world.partner.id,
          reason: '相談',
          dueOn: 'R8.4.1',
          followUpOn: 'R8.4.1',
        })
      ).status,
    ).toBe(201);
  });

  it('takes a referral cancelled before the partner accepted it out of their inbox and shared cases; reading it is refused, audited', async () => {
    const kase = await caseWithConsent([world.partner.id]);
    const created = ok(
      await refer(kase.id, { partnerAgencyId: world.partner.id, ...handOver }),
      'refer',
    );
    ok(
      await worker.put(`/api/cases/${kase.id}/referrals/${created.id}`, {
        version: created.version,
        status: 'cancelled',
      }),
      'cancel',
    );
    type Items = { items: { id?: string; caseId?: string }[] };
    expect(ok(await partner.get<Items>('/api/referrals'), 'inbox').items).toEqual([]);
    expect(
      ok(await partner.get<Items>('/api/referrals?status=cancelled'), 'cancelled').items,
    ).toEqual([]);
    expect(ok(await partner.get<Items>('/api/shared-cases'), 'shared').items).toEqual([]);
    expect((await partner.get(`/api/referrals/${created.id}`)).status).toBe(403);
    expect((await partner.get(`/api/shared-cases/${kase.id}`)).status).toBe(403);
    const denied = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'subject_id', 'reason'])
      .where('actor_user_id', '=', world.users.partnerStaff.id)
      .where('outcome', '=', 'denied')
      .orderBy('id')
      .execute();
    expect(denied).toEqual([
      { action: 'referral.read', subject_id: created.id, reason: 'FORBIDDEN' },
      { action: 'sharedCase.read', subject_id: kase.id, reason: 'FORBIDDEN' },
    ]);
    // The case's workers still see it in the history; a new referral shares the person again,
    // without the cancelled one.
    expect((await view(kase.id)).referrals.map((r) => r.status)).toEqual(['cancelled']);
    const again = ok(
      await refer(kase.id, {
        partnerAgencyId: world.partner.id,
        reason: '改めて相談',
        followUpOn: 'R8.4.15',
      }),
      'refer again',
    );
    expect(
      ok(await partner.get<Items>('/api/referrals'), 'inbox again').items.map((i) => i.id),
    ).toEqual([again.id]);
    const shared = ok(
      await partner.get<{ referrals: { id: string }[] }>(`/api/shared-cases/${kase.id}`),
      'shared again',
    );
    expect(shared.referrals.map((r) => r.id)).toEqual([again.id]);
  });

  it('refuses a partner’s correction of what they did once the referral is returned, as adding is', async () => {
    const kase = await caseWithConsent([world.partner.id]);
    const created = ok(
      await refer(kase.id, { partnerAgencyId: world.partner.id, ...handOver }),
      'refer',
    );
    const accepted = ok(
      await partner.post<Referral>(`/api/referrals/${created.id}/response`, {
        version: created.version,
        response: 'accept',
      }),
      'accept',
    );
    const activity = ok(
      await partner.post<{ id: string; version: number }>(
        `/api/referrals/${created.id}/activities`,
        { occurredOn: 'R8.4.1', kind: 'visit', summary: '自宅を訪問した。' },
      ),
      'activity',
    );
    ok(
      await partner.post(`/api/referrals/${created.id}/response`, {
        version: accepted.version,
        response: 'return',
        reason: '面談の結果、まず家計の立て直しが必要と判断しました。',
      }),
      'return',
    );
    const body = { occurredOn: 'R8.4.1', kind: 'visit', summary: '訂正' };
    const added = await partner.post(`/api/referrals/${created.id}/activities`, body);
    const corrected = await partner.put(`/api/referrals/${created.id}/activities/${activity.id}`, {
      version: activity.version,
      activity: body,
    });
    for (const res of [added, corrected]) {
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({
        error: {
          code: 'REFERRAL_STEP_NOT_ALLOWED',
          details: { status: 'returned', allowedActions: [] },
        },
      });
    }
    const row = await t.database.db
      .selectFrom('partner_activity')
      .select(['summary', 'version'])
      .where('id', '=', activity.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ summary: '自宅を訪問した。', version: activity.version });
  });
});
