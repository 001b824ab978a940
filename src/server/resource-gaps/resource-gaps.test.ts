import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { openIntakeCase, toApplied } from '../test/case-helpers';
import { signedIn, type TestClient } from '../test/client';
import { createSupportAgency, createUser, createWorld } from '../test/factories';
import { type TestApp, testApp } from '../test/test-app';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let worker: TestClient;
let chief: TestClient;

beforeEach(async () => {
  t = await testApp();
  world = await createWorld(t.database.db);
  worker = await signedIn(t.app, world.users.supportWorker.login_id);
  chief = await signedIn(t.app, world.users.chief.login_id);
});

function ok<T>(res: { status: number; body: T; text: string }, what: string): T {
  if (res.status >= 300) throw new Error(`${what} failed: ${res.status} ${res.text}`);
  return res.body;
}

type Gap = {
  id: string;
  status: string;
  version: number;
  description: string;
  caseCount: number;
  hiddenCaseCount: number;
  cases: { id: string; caseNumber: string; personName: string }[];
  history: {
    step: string;
    fromStatus: string | null;
    toStatus: string;
    note: string | null;
    actorName: string | null;
    resourceId: string | null;
  }[];
  resource: { id: string; name: string } | null;
  meeting: { id: string; heldOn: string; seriesName: string } | null;
  fromMeeting: boolean;
  closedReason: string | null;
  abilities: { steps: string[]; createResource: boolean };
};

async function raise(client: TestClient, caseIds: string[] = []) {
  return ok(
    await client.post<Gap>('/api/resource-gaps', {
      description: '夜間や土日に相談できる場所がない',
      caseIds,
    }),
    'raise',
  );
}

async function step(
  client: TestClient,
  gap: { id: string; version: number },
  body: Record<string, unknown>,
) {
  return client.post<Gap>(`/api/resource-gaps/${gap.id}/steps`, { version: gap.version, ...body });
}

describe('raising a resource gap by hand', () => {
  it('links only cases the worker can see, and audits the link naming the people', async () => {
    const mine = await openIntakeCase(worker, { name: '架空 花子', nameKana: 'かくう はなこ' });
    // A case of another agency of the municipality: out of this worker's sight.
    const otherAgency = await createSupportAgency(t.database.db, world.municipality.id);
    const otherWorker = await createUser(t.database.db, {
      municipalityId: world.municipality.id,
      roles: ['support_worker'],
      supportAgencyId: otherAgency.id,
    });
    const stranger = await signedIn(t.app, otherWorker.login_id);
    const theirs = await openIntakeCase(stranger, { name: '架空 次郎', nameKana: 'かくう じろう' });

    const refused = await worker.post('/api/resource-gaps', {
      description: '夜間や土日に相談できる場所がない',
      caseIds: [mine.id, theirs.id],
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      error: {
        fields: [
          { path: 'caseIds.1', message: '選択された項目が見つかりません。選び直してください。' },
        ],
      },
    });

    const gap = await raise(worker, [mine.id]);
    expect(gap).toMatchObject({
      status: 'raised',
      version: 1,
      caseCount: 1,
      cases: [{ id: mine.id, personName: '架空 花子' }],
      fromMeeting: false,
      meeting: null,
      abilities: { steps: ['recognise', 'close'], createResource: true },
      history: [
        { step: 'raise', toStatus: 'raised', actorName: world.users.supportWorker.display_name },
      ],
    });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'subject_id', 'person_ids', 'legal_basis'])
      .where('action', '=', 'resource_gap.raise')
      .where('subject_id', '=', gap.id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ person_ids: [mine.personId], legal_basis: 'own_case' });

    // The other agency's worker follows the same gap but does not see the case it names.
    const seen = ok(await stranger.get<Gap>(`/api/resource-gaps/${gap.id}`), 'stranger read');
    expect(seen).toMatchObject({ caseCount: 1, cases: [], hiddenCaseCount: 1 });
    // The worker's read names the person it shows.
    ok(await worker.get<Gap>(`/api/resource-gaps/${gap.id}`), 'read');
    const reads = await t.database.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'person_ids'])
      .where('action', '=', 'resource_gap.read')
      .where('subject_id', '=', gap.id)
      .execute();
    expect(reads).toEqual([
      { actor_user_id: world.users.supportWorker.id, person_ids: [mine.personId] },
    ]);

    // A step answers with the gap and the case it names: that read is audited too, and so is the
    // current gap a stale step is answered with.
    const recognised = ok(
      await worker.post<Gap>(`/api/resource-gaps/${gap.id}/steps`, {
        version: gap.version,
        step: 'recognise',
      }),
      'recognise',
    );
    expect(recognised.cases.map((c) => c.id)).toEqual([mine.id]);
    const stale = await worker.post(`/api/resource-gaps/${gap.id}/steps`, {
      version: gap.version,
      step: 'close',
      reason: '重複',
    });
    expect(stale.status).toBe(409);
    const afterSteps = await t.database.db
      .selectFrom('audit_log')
      .select(['person_ids'])
      .where('action', '=', 'resource_gap.read')
      .where('subject_id', '=', gap.id)
      .where('actor_user_id', '=', world.users.supportWorker.id)
      .execute();
    expect(afterSteps).toHaveLength(3);
    expect(afterSteps.every((r) => r.person_ids?.includes(mine.personId))).toBe(true);
  });

  it('is followed by case workers and municipal officers only; others are refused and audited', async () => {
    const gap = await raise(worker);
    const officer = await signedIn(t.app, world.users.officer.login_id);
    expect((await officer.get(`/api/resource-gaps/${gap.id}`)).status).toBe(200);
    for (const user of [world.users.partnerStaff, world.users.admin, world.users.auditor]) {
      const client = await signedIn(t.app, user.login_id);
      expect((await client.get('/api/resource-gaps')).status).toBe(403);
      expect((await client.get(`/api/resource-gaps/${gap.id}`)).status).toBe(404);
    }
    const denied = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'outcome'])
      .where('actor_user_id', '=', world.users.partnerStaff.id)
      .where('outcome', '=', 'denied')
      .orderBy('id')
      .execute();
    expect(denied).toEqual([
      { action: 'resourceGap.manage', outcome: 'denied' },
      { action: 'resource_gap.read', outcome: 'denied' },
    ]);
  });
});

describe('the lifecycle of a gap', () => {
  it('moves raised → recognised → in development → created with a new resource, recording who, when and why', async () => {
    const gap = await raise(worker);
    t.clock.advanceMinutes(10);
    const recognised = ok(
      await step(chief, gap, { step: 'recognise', note: '支援調整会議で地域課題として確認した' }),
      'recognise',
    );
    expect(recognised).toMatchObject({ status: 'recognised', version: 2 });
    t.clock.advanceMinutes(20);
    const developing = ok(
      await step(chief, recognised, {
        step: 'start_development',
        note: '社協と夜間窓口の試行を検討',
      }),
      'develop',
    );
    const created = ok(
      await step(chief, developing, {
        step: 'create',
        note: '第2・第4土曜に試行開始',
        resource: {
          name: '週末よりそい相談',
          category: 'service',
          serviceClass: 'D',
          formal: true,
          hours: '第2・第4土曜 10:00〜16:00',
          providerPartnerAgencyId: world.partner.id,
        },
      }),
      'create',
    );
    expect(created).toMatchObject({
      status: 'created',
      version: 4,
      resource: { name: '週末よりそい相談' },
      abilities: { steps: [] },
    });
    expect(created.history.map((h) => [h.step, h.fromStatus, h.toStatus, h.note])).toEqual([
      ['raise', null, 'raised', null],
      ['recognise', 'raised', 'recognised', '支援調整会議で地域課題として確認した'],
      ['start_development', 'recognised', 'in_development', '社協と夜間窓口の試行を検討'],
      ['create', 'in_development', 'created', '第2・第4土曜に試行開始'],
    ]);
    expect(created.history[3]).toMatchObject({
      actorName: world.users.chief.display_name,
      resourceId: created.resource?.id,
    });
    const events = await t.database.db
      .selectFrom('resource_gap_event')
      .select(['occurred_at'])
      .where('gap_id', '=', gap.id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.occurred_at.toISOString())).toEqual([
      '2026-04-01T00:10:00.000Z',
      '2026-04-01T00:30:00.000Z',
      '2026-04-01T00:30:00.000Z',
    ]);
    // The resource is in the directory, made in the same step and audited as made.
    const resource = ok(
      await chief.get<{ name: string; providerPartnerAgencyName: string }>(
        `/api/social-resources/${created.resource?.id}`,
      ),
      'resource',
    );
    expect(resource).toMatchObject({ providerPartnerAgencyName: world.partner.name });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('actor_user_id', '=', world.users.chief.id)
      .where((eb) =>
        eb.or([eb('action', 'like', 'resource_gap.%'), eb('action', 'like', 'social_resource.%')]),
      )
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'resource_gap.recognise',
      'resource_gap.start_development',
      'social_resource.create',
      'resource_gap.create',
    ]);
    expect(audit[3]?.detail).toMatchObject({
      from: 'in_development',
      to: 'created',
      resourceCreated: true,
    });
    // History is append-only.
    await expect(
      sql`update resource_gap_event set note = 'x' where gap_id = ${gap.id}`.execute(t.database.db),
    ).rejects.toThrow(/append-only/);
  });

  it('ends in a resource already in the directory, but not an archived one', async () => {
    const existing = ok(
      await worker.post<{ id: string; version: number }>('/api/social-resources', {
        name: '夜間相談ダイヤル',
        category: 'service',
        serviceClass: 'B',
        formal: true,
      }),
      'resource',
    );
    let gap = await raise(worker);
    gap = ok(await step(worker, gap, { step: 'recognise' }), 'recognise');
    gap = ok(await step(worker, gap, { step: 'start_development' }), 'develop');
    const missing = await step(worker, gap, { step: 'create' });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({
      error: { fields: [{ path: 'resourceId', message: '選択してください。' }] },
    });
    ok(
      await worker.post(`/api/social-resources/${existing.id}/archive`, {
        version: existing.version,
        archived: true,
      }),
      'archive',
    );
    const archived = await step(worker, gap, { step: 'create', resourceId: existing.id });
    expect(archived.status).toBe(400);
    expect(archived.body).toMatchObject({ error: { fields: [{ path: 'resourceId' }] } });
    ok(
      await worker.post(`/api/social-resources/${existing.id}/archive`, {
        version: existing.version + 1,
        archived: false,
      }),
      'restore',
    );
    const created = ok(
      await step(worker, gap, { step: 'create', resourceId: existing.id }),
      'create',
    );
    expect(created.resource).toMatchObject({ id: existing.id, name: '夜間相談ダイヤル' });
  });

  it('refuses a step the lifecycle does not allow, naming the allowed ones, and a stale version', async () => {
    const gap = await raise(worker);
    const skipped = await step(worker, gap, { step: 'start_development' });
    expect(skipped.status).toBe(400);
    expect(skipped.body).toMatchObject({
      error: {
        code: 'VALIDATION_FAILED',
        fields: [{ path: 'step' }],
        details: { status: 'raised', allowed: ['recognise', 'close'] },
      },
    });
    ok(await step(worker, gap, { step: 'recognise' }), 'recognise');
    const stale = await step(worker, gap, { step: 'close', reason: '重複' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      error: {
        code: 'VERSION_CONFLICT',
        details: { current: { status: 'recognised', version: 2 } },
      },
    });
  });

  it('closes with a reason, and a closed gap moves no more', async () => {
    let gap = await raise(worker);
    const noReason = await step(worker, gap, { step: 'close' });
    expect(noReason.body).toMatchObject({
      error: { fields: [{ path: 'reason', message: '入力してください。' }] },
    });
    gap = ok(
      await step(worker, gap, { step: 'close', reason: '既存の夜間窓口で対応できると分かった' }),
      'close',
    );
    expect(gap).toMatchObject({
      status: 'closed',
      closedReason: '既存の夜間窓口で対応できると分かった',
      abilities: { steps: [] },
    });
    expect((await step(worker, gap, { step: 'recognise' })).status).toBe(400);
  });

  it('lists gaps by status, with the meeting they were raised in', async () => {
    const kase = await toApplied(worker);
    const series = ok(
      await chief.post<{ id: string }>('/api/meeting-series', {
        type: 'case_conference',
        name: '所内ケース会議',
        hostAgencyId: world.agency.id,
        pattern: 'ad_hoc',
      }),
      'series',
    );
    const meeting = ok(
      await chief.post<{ id: string }>('/api/meetings', { seriesId: series.id, heldOn: 'R8.5.21' }),
      'meeting',
    );
    const item = ok(
      await chief.post<{ id: string; version: number }>(`/api/meetings/${meeting.id}/items`, {
        caseId: kase.id,
        kind: 'sharing',
      }),
      'item',
    );
    ok(
      await chief.post(`/api/meetings/${meeting.id}/items/${item.id}/record`, {
        version: item.version,
        decision: 'noted',
        resourceGaps: [{ description: '中間的就労の受け入れ先が少ない' }],
      }),
      'record',
    );
    const byHand = await raise(worker);
    ok(await step(worker, byHand, { step: 'recognise' }), 'recognise');

    type List = { items: Gap[]; abilities: { raise: boolean } };
    const all = ok(await worker.get<List>('/api/resource-gaps'), 'all');
    expect(all.abilities).toEqual({ raise: true });
    expect(all.items).toHaveLength(2);
    const fromMeeting = all.items.find((g) => g.fromMeeting);
    expect(fromMeeting).toMatchObject({
      description: '中間的就労の受け入れ先が少ない',
      caseCount: 1,
      meeting: { id: meeting.id, heldOn: '2026-05-21', seriesName: '所内ケース会議' },
    });
    const raised = ok(await worker.get<List>('/api/resource-gaps?status=raised'), 'raised');
    expect(raised.items.map((g) => g.description)).toEqual(['中間的就労の受け入れ先が少ない']);
    const open = ok(await worker.get<List>('/api/resource-gaps?status=open'), 'open');
    expect(open.items).toHaveLength(2);
    // The list names no person: no read audit for it.
    const reads = await t.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('actor_user_id', '=', world.users.supportWorker.id)
      .where('action', '=', 'resource_gap.read')
      .execute();
    expect(reads).toEqual([]);
  });
});
