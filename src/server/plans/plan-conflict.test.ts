import { beforeEach, describe, expect, it } from 'vitest';
import { samplePlan, toPlanning } from '../test/case-helpers';
import { signedIn, type TestClient } from '../test/client';
import { createWorld } from '../test/factories';
import { type TestApp, testApp } from '../test/test-app';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let first: TestClient;
let second: TestClient;

beforeEach(async () => {
  t = await testApp();
  world = await createWorld(t.database.db);
  first = await signedIn(t.app, world.users.supportWorker.login_id);
  second = await signedIn(t.app, world.users.chief.login_id);
});

describe('two people save the same plan', () => {
  it('answers the second with 409 and the first one’s version, and keeps both edits recoverable', async () => {
    const { case: kase, planId } = await toPlanning(first);
    const loaded = await first.get<{ version: number }>(`/api/cases/${kase.id}/plans/${planId}`);
    const version = loaded.body.version;

    const mine = await first.put(`/api/cases/${kase.id}/plans/${planId}`, {
      version,
      plan: { ...samplePlan, longTermGoal: '一人暮らしを続けられるようにする' },
    });
    expect(mine.status).toBe(200);

    const secondEdit = { ...samplePlan, personWords: '焦らず自分のペースで働きたい' };
    // The second person keeps what they typed as a draft while they work.
    await second.put(`/api/drafts/plan:${planId}`, { data: secondEdit, baseVersion: version });
    const theirs = await second.put<{
      error: { code: string; details: { current: { longTermGoal: string; version: number } } };
    }>(`/api/cases/${kase.id}/plans/${planId}`, { version, plan: secondEdit });
    expect(theirs.status).toBe(409);
    expect(theirs.body.error.code).toBe('VERSION_CONFLICT');
    expect(theirs.body.error.details.current).toMatchObject({
      longTermGoal: '一人暮らしを続けられるようにする',
      version: version + 1,
    });

    // Nothing is lost: the first edit is saved, the second is still in the draft.
    const draft = await second.get<{ draft: { data: { personWords: string } } }>(
      `/api/drafts/plan:${planId}`,
    );
    expect(draft.body.draft.data.personWords).toBe('焦らず自分のペースで働きたい');

    // Merging: the second person saves both changes over the current version.
    const merged = await second.put<{ longTermGoal: string; personWords: string }>(
      `/api/cases/${kase.id}/plans/${planId}`,
      {
        version: theirs.body.error.details.current.version,
        plan: { ...secondEdit, longTermGoal: '一人暮らしを続けられるようにする' },
      },
    );
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({
      longTermGoal: '一人暮らしを続けられるようにする',
      personWords: '焦らず自分のペースで働きたい',
    });
  });
});
