import { beforeEach, describe, expect, it } from 'vitest';
import { type TestClient as Client, signedIn, TestClient } from '../test/client';
import { createWorld } from '../test/factories';
import { type TestApp, testApp } from '../test/test-app';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let admin: Client;

beforeEach(async () => {
  t = await testApp();
  world = await createWorld(t.database.db);
  admin = await signedIn(t.app, world.users.admin.login_id);
});

type User = {
  id: string;
  loginId: string;
  status: string;
  mustChangePassword: boolean;
  version: number;
  roles: string[];
};
const loginId = () => `staff-${Math.random().toString(36).slice(2, 10)}`;

describe('staff accounts', () => {
  it('creates an account whose first sign-in must change the password', async () => {
    const id = loginId();
    const res = await admin.post<User>('/api/users', {
      loginId: id,
      displayName: '新任 太郎',
      displayNameKana: 'しんにん たろう',
      roles: ['support_worker', 'employment_support_worker'],
      supportAgencyId: world.agency.id,
      initialPassword: 'first-password-123',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ loginId: id, mustChangePassword: true, status: 'active' });
    expect(JSON.stringify(res.body)).not.toMatch(/argon2|password_hash|totp_secret/);
    const user = await new TestClient(t.app).signIn(id, 'first-password-123');
    expect(user.status).toBe(200);
  });

  it('refuses a taken login ID on its field', async () => {
    const res = await admin.post('/api/users', {
      loginId: world.users.chief.login_id,
      displayName: '重複 花子',
      roles: ['municipal_officer'],
      initialPassword: 'first-password-123',
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      error: {
        code: 'LOGIN_ID_TAKEN',
        fields: [{ path: 'loginId', message: 'このログインIDはすでに使われています。' }],
      },
    });
  });

  it('applies the role rules: partner staff hold no other role and belong to a partner agency', async () => {
    const mixed = await admin.post('/api/users', {
      loginId: loginId(),
      displayName: '兼務 不可',
      roles: ['partner_staff', 'support_worker'],
      partnerAgencyId: world.partner.id,
      initialPassword: 'first-password-123',
    });
    expect(mixed.body).toMatchObject({
      error: {
        fields: [
          { path: 'roles', message: '関係機関職員は、ほかの役割と兼ねることができません。' },
        ],
      },
    });
    const noAgency = await admin.post('/api/users', {
      loginId: loginId(),
      displayName: '所属 なし',
      roles: ['support_worker'],
      initialPassword: 'first-password-123',
    });
    expect(noAgency.body).toMatchObject({ error: { fields: [{ path: 'supportAgencyId' }] } });
    const foreign = await admin.post('/api/users', {
      loginId: loginId(),
      displayName: '他市 所属',
      roles: ['partner_staff'],
      partnerAgencyId: '00000000-0000-4000-8000-000000000000',
      initialPassword: 'first-password-123',
    });
    expect(foreign.body).toMatchObject({
      error: {
        fields: [
          {
            path: 'partnerAgencyId',
            message: '選択された項目が見つかりません。選び直してください。',
          },
        ],
      },
    });
  });

  it('resets a password: a temporary one, unlocked, sessions ended, change required', async () => {
    const victim = await signedIn(t.app, world.users.officer.login_id);
    const res = await admin.post<User>(`/api/users/${world.users.officer.id}/reset-password`, {
      temporaryPassword: 'temporary-pass-99',
    });
    expect(res.status).toBe(200);
    expect(res.body.mustChangePassword).toBe(true);
    expect((await victim.get('/api/municipality')).status).toBe(401);
    const fresh = await new TestClient(t.app).signIn(
      world.users.officer.login_id,
      'temporary-pass-99',
    );
    expect(fresh.status).toBe(200);
  });

  it('disables an account: its sessions end and it cannot sign in until enabled again', async () => {
    const victim = await signedIn(t.app, world.users.officer.login_id);
    const res = await admin.post<User>(`/api/users/${world.users.officer.id}/disable`);
    expect(res.body.status).toBe('disabled');
    expect((await victim.get('/api/municipality')).status).toBe(401);
    expect((await new TestClient(t.app).signIn(world.users.officer.login_id)).status).toBe(403);
    await admin.post(`/api/users/${world.users.officer.id}/enable`);
    expect((await new TestClient(t.app).signIn(world.users.officer.login_id)).status).toBe(200);
  });

  it('keeps an administrator from locking themselves out', async () => {
    const self = world.users.admin.id;
    expect((await admin.post(`/api/users/${self}/disable`)).status).toBe(403);
    const current = await admin.get<User>(`/api/users/${self}`);
    const demote = await admin.put(`/api/users/${self}`, {
      version: current.body.version,
      displayName: '管理 者',
      roles: ['auditor'],
    });
    expect(demote.status).toBe(403);
  });

  it('refuses a stale edit with 409 and the account as it now is', async () => {
    const a = await admin.get<User>(`/api/users/${world.users.chief.id}`);
    const body = {
      displayName: '主任 一郎',
      roles: ['chief_support_worker'],
      supportAgencyId: world.agency.id,
    };
    expect(
      (await admin.put(`/api/users/${world.users.chief.id}`, { ...body, version: a.body.version }))
        .status,
    ).toBe(200);
    const stale = await admin.put<{ error: { code: string; details: { current: User } } }>(
      `/api/users/${world.users.chief.id}`,
      { ...body, displayName: '主任 二郎', version: a.body.version },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ version: a.body.version + 1 });
  });

  it('lists and filters accounts by role, status and kana, and audits the reading', async () => {
    const list = await admin.get<{ items: User[] }>('/api/users?role=auditor');
    expect(list.body.items.map((u) => u.id)).toEqual([world.users.auditor.id]);
    const kana = await admin.get<{ items: User[] }>(`/api/users?q=${encodeURIComponent('テスト')}`);
    expect(kana.body.items.length).toBe(8);
    const rows = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('actor_user_id', '=', world.users.admin.id)
      .where('action', '=', 'user.list')
      .execute();
    expect(rows).toHaveLength(2);
  });
});
