import { beforeEach, describe, expect, it } from 'vitest';
import { signedIn } from '../test/client';
import { createWorld } from '../test/factories';
import { type TestApp, testApp } from '../test/test-app';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;

beforeEach(async () => {
  t = await testApp();
  world = await createWorld(t.database.db);
});

describe('form drafts', () => {
  it('keep what was typed until the form is saved, for the user who typed it only', async () => {
    const chief = await signedIn(t.app, world.users.chief.login_id);
    const other = await signedIn(t.app, world.users.admin.login_id);
    const key = 'partner-agency:new';
    expect((await chief.get('/api/drafts/partner-agency:new')).body).toEqual({ draft: null });

    await chief.put(`/api/drafts/${key}`, {
      data: { name: '入力途中の機関名' },
      baseVersion: null,
    });
    await chief.put(`/api/drafts/${key}`, {
      data: { name: '入力途中の機関名（続き）' },
      baseVersion: null,
    });
    const back = await chief.get<{ draft: { data: { name: string } } }>(`/api/drafts/${key}`);
    expect(back.body.draft.data.name).toBe('入力途中の機関名（続き）');

    expect((await other.get(`/api/drafts/${key}`)).body).toEqual({ draft: null });

    await chief.delete(`/api/drafts/${key}`);
    expect((await chief.get(`/api/drafts/${key}`)).body).toEqual({ draft: null });
  });

  it('refuse a malformed key', async () => {
    const chief = await signedIn(t.app, world.users.chief.login_id);
    const res = await chief.put('/api/drafts/bad%20key!', { data: {} });
    expect(res.status).toBe(400);
  });
});
