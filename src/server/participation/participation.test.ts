import type { Kysely } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ParticipationKind } from '../../domain/participation/participation';
import type { Database } from '../db/schema';
import { openIntakeCase } from '../test/case-helpers';
import { signedIn, type TestClient } from '../test/client';
import {
  createMunicipality,
  createSupportAgency,
  createUser,
  createWorld,
} from '../test/factories';
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

/** A place of the directory that takes people in. */
async function place(
  db: Kysely<Database>,
  municipalityId: string,
  overrides: Partial<{
    name: string;
    capacity: number | null;
    kinds: ParticipationKind[];
  }> = {},
) {
  return db
    .insertInto('social_resource')
    .values({
      municipality_id: municipalityId,
      name: overrides.name ?? `架空ファーム${Math.random().toString(36).slice(2, 8)}`,
      category: 'place',
      service_class: 'C',
      formal: false,
      provider_name: 'NPO法人架空ファーム',
      capacity: overrides.capacity === undefined ? 3 : overrides.capacity,
      participation_kinds: overrides.kinds ?? ['intermediate_work', 'ibasho'],
      accommodations: '短時間から。作業は一つずつ指示する。',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

type Match = {
  id: string;
  version: number;
  status: string;
  actions: string[];
  trialStartedOn: string | null;
  startedOn: string | null;
  endedOn: string | null;
  endReason: string | null;
  overCapacityAgreed: boolean;
};
type FollowUp = {
  id: string;
  version: number;
  withWhom: string;
  note: string;
  nextOn: string | null;
};
type View = {
  matches: (Match & { placeName: string; followUps: FollowUp[]; days: string[] })[];
  places: { id: string; name: string; occupied: number; remaining: number | null; full: boolean }[];
  abilities: { update: boolean };
};
type ErrorBody = {
  error: { code: string; fields?: { path: string; message: string }[]; details?: unknown };
};

async function propose(caseId: string, placeId: string, client = worker) {
  return ok(
    await client.post<Match>(`/api/cases/${caseId}/participation/matches`, {
      socialResourceId: placeId,
      kind: 'intermediate_work',
      proposedOn: '2026-03-01',
      days: ['tue', 'thu', 'tue'],
      hours: '10:00〜12:00',
      activities: '野菜の袋詰め',
      accommodations: '作業手順を絵で示す。休憩は本人の申し出でとれる。',
      hostContactName: '農園主 架空',
    }),
    'propose',
  );
}

function step(
  caseId: string,
  match: { id: string; version: number },
  body: Record<string, unknown>,
) {
  return worker.post<Match & ErrorBody>(
    `/api/cases/${caseId}/participation/matches/${match.id}/steps`,
    { version: match.version, ...body },
  );
}

describe('matching a person to a place', () => {
  it('goes proposed → trial → active → ended, with follow-ups with the person, the host and both', async () => {
    const farm = await place(t.database.db, world.municipality.id, { name: '架空ファーム' });
    const kase = await openIntakeCase(worker);
    const proposed = await propose(kase.id, farm.id);
    expect(proposed).toMatchObject({
      status: 'proposed',
      actions: ['start_trial', 'start', 'end'],
    });

    const trial = ok(
      await step(kase.id, proposed, { action: 'start_trial', on: '2026-03-05' }),
      'trial',
    );
    expect(trial).toMatchObject({ status: 'trial', trialStartedOn: '2026-03-05' });

    const followUp = ok(
      await worker.post<FollowUp>(
        `/api/cases/${kase.id}/participation/matches/${trial.id}/follow-ups`,
        {
          followedOn: '2026-03-06',
          withWhom: 'host',
          note: '農園主に電話。黙々と作業し、休憩も自分から言えていた。',
          nextOn: '2026-03-12',
        },
      ),
      'follow-up host',
    );
    ok(
      await worker.post(`/api/cases/${kase.id}/participation/matches/${trial.id}/follow-ups`, {
        followedOn: '2026-03-07',
        withWhom: 'person',
        note: '本人と面談。「土の匂いが落ち着く」。週2日を続けたい。',
      }),
      'follow-up person',
    );
    const active = ok(await step(kase.id, trial, { action: 'start', on: '2026-03-12' }), 'start');
    expect(active).toMatchObject({ status: 'active', startedOn: '2026-03-12', actions: ['end'] });
    ok(
      await worker.post(`/api/cases/${kase.id}/participation/matches/${active.id}/follow-ups`, {
        followedOn: '2026-03-12',
        withWhom: 'both',
        note: '三者面談。正式に週2日の参加とし、袋詰めに加えて出荷準備も任せる。',
        nextOn: '2026-04-12',
      }),
      'follow-up both',
    );
    // The next follow-up (the latest one's) is on the worker's home page in the week before.
    const home = ok(
      await worker.get<{
        due: { placeFollowUps: { caseId: string; place: string; dueOn: string }[] };
      }>('/api/cases/caseload?today=2026-04-06'),
      'home',
    );
    expect(home.due.placeFollowUps).toEqual([
      expect.objectContaining({ caseId: kase.id, place: '架空ファーム', dueOn: '2026-04-12' }),
    ]);

    // A follow-up is kept to the version it was read at.
    const edited = ok(
      await worker.put<FollowUp>(`/api/cases/${kase.id}/participation/follow-ups/${followUp.id}`, {
        version: followUp.version,
        followUp: {
          followedOn: '2026-03-06',
          withWhom: 'host',
          note: '修正：休憩も自分から言えていた。',
        },
      }),
      'follow-up edit',
    );
    expect(edited).toMatchObject({ version: followUp.version + 1, nextOn: null });
    const stale = await worker.put(
      `/api/cases/${kase.id}/participation/follow-ups/${followUp.id}`,
      {
        version: followUp.version,
        followUp: { followedOn: '2026-03-06', withWhom: 'host', note: '古い版' },
      },
    );
    expect(stale.status).toBe(409);

    // Before the previous step, or ending without a reason: refused with the field named.
    const early = await step(kase.id, active, {
      action: 'end',
      on: '2026-03-11',
      endReason: 'moved_on',
    });
    expect(early.status).toBe(400);
    expect(early.body.error.fields).toEqual([
      { path: 'on', message: '前の段階の日付（2026-03-12）より前の日付は入力できません。' },
    ]);
    const noReason = await step(kase.id, active, { action: 'end', on: '2026-03-31' });
    expect(noReason.body.error.fields).toEqual([
      { path: 'endReason', message: '選択してください。' },
    ]);
    // A step the status does not allow.
    const back = await step(kase.id, active, { action: 'start_trial', on: '2026-03-31' });
    expect(back.status).toBe(409);
    expect(back.body.error).toMatchObject({
      code: 'STEP_NOT_ALLOWED',
      details: { status: 'active', allowed: ['end'] },
    });

    const ended = ok(
      await step(kase.id, active, {
        action: 'end',
        on: '2026-03-31',
        endReason: 'moved_on',
        endNote: '一般就労（農業法人のパート）が決まった。',
      }),
      'end',
    );
    expect(ended).toMatchObject({
      status: 'ended',
      endedOn: '2026-03-31',
      endReason: 'moved_on',
      actions: [],
    });

    const view = ok(await worker.get<View>(`/api/cases/${kase.id}/participation`), 'view');
    expect(view.matches).toHaveLength(1);
    expect(view.matches[0]).toMatchObject({ placeName: '架空ファーム', days: ['tue', 'thu'] });
    expect(view.matches[0]?.followUps.map((f) => f.withWhom)).toEqual(['both', 'person', 'host']);
    expect(view.places.find((p) => p.id === farm.id)).toMatchObject({ occupied: 0, remaining: 3 });

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'person_id'])
      .where('actor_user_id', '=', world.users.supportWorker.id)
      .where('action', 'like', 'participation%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'participation_match.create',
      'participation_match.step',
      'participation_follow_up.create',
      'participation_follow_up.create',
      'participation_match.step',
      'participation_follow_up.create',
      'participation_follow_up.update',
      'participation_match.step',
      'participation.read',
    ]);
    expect(new Set(audit.map((a) => a.person_id))).toEqual(new Set([kase.personId]));
  });

  it('refuses a trial at a full place unless the host agreed to one more, and counts only trials and participants', async () => {
    const cafe = await place(t.database.db, world.municipality.id, { capacity: 1 });
    const first = await openIntakeCase(worker);
    const second = await openIntakeCase(worker, { name: '架空 二郎', nameKana: 'かくう じろう' });
    const firstMatch = await propose(first.id, cafe.id);
    const secondMatch = await propose(second.id, cafe.id);
    // Two proposals hold no place: the first starts.
    const taking = ok(
      await step(first.id, firstMatch, { action: 'start', on: '2026-03-02' }),
      'start',
    );

    const full = await step(second.id, secondMatch, { action: 'start_trial', on: '2026-03-03' });
    expect(full.status).toBe(409);
    expect(full.body.error).toMatchObject({
      code: 'PLACE_FULL',
      details: { capacity: 1, occupied: 1 },
    });
    let view = ok(await worker.get<View>(`/api/cases/${second.id}/participation`), 'view');
    expect(view.places.find((p) => p.id === cafe.id)).toMatchObject({
      occupied: 1,
      remaining: 0,
      full: true,
    });

    const agreed = ok(
      await step(second.id, secondMatch, {
        action: 'start_trial',
        on: '2026-03-03',
        overCapacityAgreed: true,
      }),
      'trial over capacity',
    );
    expect(agreed).toMatchObject({ status: 'trial', overCapacityAgreed: true });
    // From trial to taking part keeps the place the trial held: no second check.
    const started = ok(
      await step(second.id, agreed, { action: 'start', on: '2026-03-10' }),
      'start',
    );
    expect(started.status).toBe('active');
    view = ok(await worker.get<View>(`/api/cases/${second.id}/participation`), 'view');
    expect(view.places.find((p) => p.id === cafe.id)).toMatchObject({ occupied: 2, remaining: 0 });

    // Ending frees the place.
    ok(
      await step(first.id, taking, { action: 'end', on: '2026-03-20', endReason: 'goal_reached' }),
      'end',
    );
    view = ok(await worker.get<View>(`/api/cases/${second.id}/participation`), 'view');
    expect(view.places.find((p) => p.id === cafe.id)).toMatchObject({ occupied: 1, full: true });
    const unlimited = await place(t.database.db, world.municipality.id, { capacity: null });
    const third = await propose(first.id, unlimited.id);
    expect(
      ok(await step(first.id, third, { action: 'start', on: '2026-03-21' }), 'unlimited').status,
    ).toBe('active');
  });

  it('offers only places of the municipality that take this kind of participation, once per person', async () => {
    const learning = await place(t.database.db, world.municipality.id, {
      kinds: ['learning_support'],
    });
    const kase = await openIntakeCase(worker);
    const wrongKind = await worker.post<ErrorBody>(`/api/cases/${kase.id}/participation/matches`, {
      socialResourceId: learning.id,
      kind: 'intermediate_work',
      proposedOn: '2026-03-01',
    });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.error.fields?.[0]?.path).toBe('socialResourceId');

    const elsewhere = await createMunicipality(t.database.db);
    const foreign = await place(t.database.db, elsewhere.id);
    const outside = await worker.post(`/api/cases/${kase.id}/participation/matches`, {
      socialResourceId: foreign.id,
      kind: 'intermediate_work',
      proposedOn: '2026-03-01',
    });
    expect(outside.status).toBe(400);

    const farm = await place(t.database.db, world.municipality.id);
    await propose(kase.id, farm.id);
    const again = await worker.post<ErrorBody>(`/api/cases/${kase.id}/participation/matches`, {
      socialResourceId: farm.id,
      kind: 'ibasho',
      proposedOn: '2026-03-02',
    });
    expect(again.body.error.fields).toEqual([
      {
        path: 'socialResourceId',
        message:
          'この場には、すでに提案中または参加中の記録があります。その記録を更新してください。',
      },
    ]);
  });
});

describe('who may see and record participation', () => {
  it('hides the case from another agency (404) and lets the municipality read but not record (403), audited', async () => {
    const farm = await place(t.database.db, world.municipality.id);
    const kase = await openIntakeCase(worker);
    const match = await propose(kase.id, farm.id);

    const otherAgency = await createSupportAgency(t.database.db, world.municipality.id);
    const stranger = await createUser(t.database.db, {
      municipalityId: world.municipality.id,
      roles: ['support_worker'],
      supportAgencyId: otherAgency.id,
    });
    const strangerClient = await signedIn(t.app, stranger.login_id);
    expect((await strangerClient.get(`/api/cases/${kase.id}/participation`)).status).toBe(404);
    const hidden = await strangerClient.post(
      `/api/cases/${kase.id}/participation/matches/${match.id}/steps`,
      { version: match.version, action: 'start', on: '2026-03-05' },
    );
    expect(hidden.status).toBe(404);
    // Another agency's participants still count toward the capacity, without being named.
    const theirs = await openIntakeCase(strangerClient);
    const theirMatch = await propose(theirs.id, farm.id, strangerClient);
    expect(
      (
        await strangerClient.post(
          `/api/cases/${theirs.id}/participation/matches/${theirMatch.id}/steps`,
          { version: theirMatch.version, action: 'start', on: '2026-03-05' },
        )
      ).status,
    ).toBe(200);
    const mine = ok(await worker.get<View>(`/api/cases/${kase.id}/participation`), 'view');
    expect(mine.matches).toHaveLength(1);
    expect(mine.places.find((p) => p.id === farm.id)).toMatchObject({ occupied: 1, remaining: 2 });

    const officer = await signedIn(t.app, world.users.officer.login_id);
    const read = ok(await officer.get<View>(`/api/cases/${kase.id}/participation`), 'officer read');
    expect(read.abilities.update).toBe(false);
    const refused = await officer.post(
      `/api/cases/${kase.id}/participation/matches/${match.id}/follow-ups`,
      { followedOn: '2026-03-06', withWhom: 'host', note: '…' },
    );
    expect(refused.status).toBe(403);

    const denied = await t.database.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'action'])
      .where('outcome', '=', 'denied')
      .where('subject_id', '=', kase.id)
      .orderBy('id')
      .execute();
    expect(denied).toEqual([
      { actor_user_id: stranger.id, action: 'participation.read' },
      { actor_user_id: stranger.id, action: 'participation_match.step' },
      { actor_user_id: world.users.officer.id, action: 'participation_follow_up.create' },
    ]);
  });
});
