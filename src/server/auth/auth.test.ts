import { beforeEach, describe, expect, it } from 'vitest';
import { signedIn, TestClient } from '../test/client';
import { createUser, createWorld, testPassword } from '../test/factories';
import { type TestApp, testApp } from '../test/test-app';
import { totpCodeAt } from './totp';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;

beforeEach(async () => {
  t = await testApp();
  world = await createWorld(t.database.db);
});

async function auditRows(subjectUserId: string, action?: string) {
  let q = t.database.db
    .selectFrom('audit_log')
    .selectAll()
    .where((eb) =>
      eb.or([eb('actor_user_id', '=', subjectUserId), eb('subject_id', '=', subjectUserId)]),
    );
  if (action) q = q.where('action', '=', action);
  return q.orderBy('id').execute();
}

describe('sign-in', () => {
  it('signs in with the right password, sets an HttpOnly SameSite=Strict cookie and audits it', async () => {
    const client = await new TestClient(t.app).start();
    const res = await client.post('/api/auth/sign-in', {
      loginId: world.users.supportWorker.login_id,
      password: testPassword,
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('signed_in');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('tsunagu_session='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    client.csrfToken = String(res.body.csrfToken);

    const session = await client.get<{ user: { loginId: string }; permissions: string[] }>(
      '/api/auth/session',
    );
    expect(session.body.user.loginId).toBe(world.users.supportWorker.login_id);
    expect(session.body.permissions).toEqual([
      'directory.read',
      'case.read',
      'case.create',
      'case.update',
      'meeting.read',
      'meeting.manage',
      'meeting.record',
      'task.update',
      'socialResource.manage',
      'resourceGap.manage',
      'multiAgency.manage',
      'community.manage',
      'statistics.read',
    ]);

    const rows = await auditRows(world.users.supportWorker.id, 'auth.sign_in');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.outcome).toBe('success');
    expect(rows[0]?.municipality_id).toBe(world.municipality.id);
  });

  it('accepts the login ID in any case and width (full-width typed on a Japanese IME)', async () => {
    const client = await new TestClient(t.app).start();
    const typed = world.users.supportWorker.login_id
      .toUpperCase()
      .replace(/[A-Z0-9-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const res = await client.post('/api/auth/sign-in', { loginId: typed, password: testPassword });
    expect(res.status).toBe(200);
  });

  it('refuses a wrong password with the same answer as an unknown login ID, and audits both', async () => {
    const client = await new TestClient(t.app).start();
    const wrong = await client.post('/api/auth/sign-in', {
      loginId: world.users.supportWorker.login_id,
      password: 'not-the-password',
    });
    const unknown = await client.post('/api/auth/sign-in', {
      loginId: 'nobody-by-this-id',
      password: 'whatever-password',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toMatchObject({ error: { code: 'INVALID_CREDENTIALS' } });
    expect((wrong.body.error as { message: string }).message).toBe(
      'ログインIDまたはパスワードが正しくありません。',
    );
    expect(unknown.body).toMatchObject({ error: { code: 'INVALID_CREDENTIALS' } });
    const failures = await auditRows(world.users.supportWorker.id, 'auth.sign_in');
    expect(failures.map((r) => [r.outcome, r.reason])).toEqual([
      ['failure', 'INVALID_CREDENTIALS'],
    ]);
    const anonymous = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('reason', '=', 'UNKNOWN_LOGIN_ID')
      .where('request_id', '=', unknown.headers.get('x-request-id') ?? '')
      .execute();
    expect(anonymous).toHaveLength(1);
  });

  it('locks the account after five failures in a row, refuses even the right password, and unlocks after the lock time', async () => {
    const client = await new TestClient(t.app).start();
    const loginId = world.users.supportWorker.login_id;
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await client.post('/api/auth/sign-in', {
        loginId,
        password: `wrong-${i}-password`,
      });
      codes.push((res.body.error as { code: string }).code);
    }
    expect(codes).toEqual([
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'ACCOUNT_LOCKED',
    ]);
    const locked = await client.post('/api/auth/sign-in', { loginId, password: testPassword });
    expect(locked.status).toBe(423);
    expect(locked.body).toMatchObject({ error: { code: 'ACCOUNT_LOCKED' } });
    expect(await auditRows(world.users.supportWorker.id, 'auth.lockout')).toHaveLength(1);

    t.clock.advanceMinutes(16);
    const after = await client.post('/api/auth/sign-in', { loginId, password: testPassword });
    expect(after.status).toBe(200);
  });

  it('lets an administrator lift a lock before it runs out', async () => {
    const loginId = world.users.supportWorker.login_id;
    const client = await new TestClient(t.app).start();
    for (let i = 0; i < 5; i++) {
      await client.post('/api/auth/sign-in', { loginId, password: `wrong-${i}-password` });
    }
    const admin = await signedIn(t.app, world.users.admin.login_id);
    const listed = await admin.get<{ status: string }>(
      `/api/users/${world.users.supportWorker.id}`,
    );
    expect(listed.body.status).toBe('locked');
    const unlocked = await admin.post<{ status: string }>(
      `/api/users/${world.users.supportWorker.id}/unlock`,
    );
    expect(unlocked.status).toBe(200);
    expect(unlocked.body.status).toBe('active');
    expect((await client.signIn(loginId)).status).toBe(200);
  });

  it('refuses a disabled account', async () => {
    await t.database.db
      .updateTable('app_user')
      .set({ disabled_at: new Date() })
      .where('id', '=', world.users.officer.id)
      .execute();
    const client = new TestClient(t.app);
    const res = await client.signIn(world.users.officer.login_id);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: { code: 'ACCOUNT_DISABLED' } });
  });
});

describe('sessions', () => {
  it('signs out: the session cookie no longer opens anything', async () => {
    const client = await signedIn(t.app, world.users.chief.login_id);
    expect((await client.get('/api/municipality')).status).toBe(200);
    const out = await client.post<{ csrfToken: string }>('/api/auth/sign-out');
    expect(out.status).toBe(200);
    client.csrfToken = out.body.csrfToken;
    const after = await client.get('/api/municipality');
    expect(after.status).toBe(401);
    expect(after.body).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  it('ends a session after the idle time, saying why', async () => {
    const client = await signedIn(t.app, world.users.chief.login_id);
    t.clock.advanceMinutes(29);
    expect((await client.get('/api/municipality')).status).toBe(200);
    t.clock.advanceMinutes(29); // the previous request counted as activity
    expect((await client.get('/api/municipality')).status).toBe(200);
    t.clock.advanceMinutes(31);
    const expired = await client.get('/api/municipality');
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ error: { code: 'SESSION_EXPIRED' } });
  });

  it('ends a session at its maximum age even while in use', async () => {
    const client = await signedIn(t.app, world.users.chief.login_id);
    for (let i = 0; i < 12 * 3; i++) {
      t.clock.advanceMinutes(20);
      await client.get('/api/auth/session');
    }
    const res = await client.get('/api/municipality');
    expect(res.status).toBe(401);
  });

  it('signs out everywhere: every session of the user ends, others keep theirs', async () => {
    const first = await signedIn(t.app, world.users.chief.login_id);
    const second = await signedIn(t.app, world.users.chief.login_id);
    const other = await signedIn(t.app, world.users.officer.login_id);
    const res = await first.post<{ sessionsEnded: number }>('/api/auth/sign-out-everywhere');
    expect(res.body.sessionsEnded).toBe(2);
    expect((await second.get('/api/municipality')).status).toBe(401);
    expect((await first.get('/api/municipality')).status).toBe(401);
    expect((await other.get('/api/municipality')).status).toBe(200);
  });
});

describe('CSRF protection', () => {
  it('refuses a state-changing request without the token, and audits the refusal', async () => {
    const client = await signedIn(t.app, world.users.chief.login_id);
    const res = await client.request('POST', '/api/auth/sign-out-everywhere', { csrf: false });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: { code: 'CSRF_TOKEN_INVALID' } });
    const rows = await auditRows(world.users.chief.id, 'csrf.check');
    expect(rows.map((r) => r.outcome)).toEqual(['denied']);
    // Nothing happened: the session is still there.
    expect((await client.get('/api/municipality')).status).toBe(200);
  });

  it('refuses a wrong token and a token of another session', async () => {
    const a = await signedIn(t.app, world.users.chief.login_id);
    const b = await signedIn(t.app, world.users.officer.login_id);
    const wrong = await a.request('POST', '/api/auth/sign-out', {
      headers: { 'x-csrf-token': 'forged' },
    });
    expect(wrong.status).toBe(403);
    const stolen = await a.request('POST', '/api/auth/sign-out', {
      headers: { 'x-csrf-token': b.csrfToken },
    });
    expect(stolen.status).toBe(403);
  });

  it('refuses a request from another origin even with the token', async () => {
    const client = await signedIn(t.app, world.users.chief.login_id);
    const res = await client.request('POST', '/api/auth/sign-out', {
      headers: { origin: 'http://evil.example', host: 'localhost' },
    });
    expect(res.status).toBe(403);
  });

  it('protects sign-in itself (login CSRF)', async () => {
    const client = new TestClient(t.app);
    const res = await client.request('POST', '/api/auth/sign-in', {
      body: { loginId: world.users.chief.login_id, password: testPassword },
      csrf: false,
    });
    expect(res.status).toBe(403);
  });
});

describe('TOTP second factor', () => {
  it('enrols with a confirmed code, then asks for a code at sign-in, refusing wrong and replayed codes', async () => {
    const loginId = world.users.chief.login_id;
    const client = await signedIn(t.app, loginId);
    const enrol = await client.post<{ secret: string; uri: string; qrSvg: string }>(
      '/api/auth/totp/enrolment',
    );
    expect(enrol.status).toBe(200);
    expect(enrol.body.uri).toMatch(/^otpauth:\/\/totp\/Tsunagu:/);
    expect(enrol.body.qrSvg).toMatch(/^<svg/);
    const secret = enrol.body.secret;

    const bad = await client.post('/api/auth/totp/enrolment/confirm', { code: '000000' });
    expect(bad.status).toBe(401);
    const ok = await client.post('/api/auth/totp/enrolment/confirm', {
      code: totpCodeAt(secret, t.clock.now()),
    });
    expect(ok.status).toBe(200);

    t.clock.advance(60_000);
    const fresh = await new TestClient(t.app).start();
    const step1 = await fresh.post('/api/auth/sign-in', { loginId, password: testPassword });
    expect(step1.body).toEqual({ status: 'second_factor_required' });
    expect((await fresh.get('/api/municipality')).status).toBe(401);

    const wrong = await fresh.post('/api/auth/sign-in/second-factor', { code: '123456' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ error: { code: 'TOTP_INVALID' } });

    const code = totpCodeAt(secret, t.clock.now());
    const step2 = await fresh.post<{ csrfToken: string }>('/api/auth/sign-in/second-factor', {
      code,
    });
    expect(step2.status).toBe(200);
    fresh.csrfToken = step2.body.csrfToken;
    expect((await fresh.get('/api/municipality')).status).toBe(200);

    // The same code cannot open a second session.
    const replay = await new TestClient(t.app).start();
    await replay.post('/api/auth/sign-in', { loginId, password: testPassword });
    const again = await replay.post('/api/auth/sign-in/second-factor', { code });
    expect(again.status).toBe(401);

    const rows = await auditRows(world.users.chief.id);
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining([
        'account.totp_enabled',
        'auth.password_accepted',
        'auth.second_factor',
      ]),
    );
  });

  it('refuses the code step without a password step', async () => {
    const client = await new TestClient(t.app).start();
    const res = await client.post('/api/auth/sign-in/second-factor', { code: '123456' });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: { code: 'SIGN_IN_CHALLENGE_EXPIRED' } });
  });
});

describe('passwords', () => {
  it('stores argon2id hashes', async () => {
    const row = await t.database.db
      .selectFrom('app_user')
      .select('password_hash')
      .where('id', '=', world.users.chief.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('changes one’s own password, ending the other sessions, and checks the policy', async () => {
    const loginId = world.users.chief.login_id;
    const client = await signedIn(t.app, loginId);
    const other = await signedIn(t.app, loginId);
    const weak = await client.post('/api/auth/password', {
      currentPassword: testPassword,
      newPassword: 'short',
      confirmPassword: 'short',
    });
    expect(weak.status).toBe(400);
    expect(weak.body).toMatchObject({
      error: {
        fields: [{ path: 'newPassword', message: 'パスワードは10文字以上にしてください。' }],
      },
    });
    const mismatch = await client.post('/api/auth/password', {
      currentPassword: testPassword,
      newPassword: 'a-much-longer-secret',
      confirmPassword: 'another-long-secret',
    });
    expect(mismatch.body).toMatchObject({
      error: {
        fields: [{ path: 'confirmPassword', message: '確認用のパスワードが一致しません。' }],
      },
    });
    const done = await client.post('/api/auth/password', {
      currentPassword: testPassword,
      newPassword: 'a-much-longer-secret',
      confirmPassword: 'a-much-longer-secret',
    });
    expect(done.status).toBe(200);
    expect((await client.get('/api/municipality')).status).toBe(200);
    expect((await other.get('/api/municipality')).status).toBe(401);
    expect((await new TestClient(t.app).signIn(loginId, 'a-much-longer-secret')).status).toBe(200);
  });

  it('holds a user with a temporary password to the password change', async () => {
    const user = await createUser(t.database.db, {
      municipalityId: world.municipality.id,
      roles: ['auditor'],
      mustChangePassword: true,
    });
    const client = await signedIn(t.app, user.login_id);
    const blocked = await client.get('/api/audit');
    expect(blocked.status).toBe(403);
    expect(blocked.body).toMatchObject({ error: { code: 'PASSWORD_CHANGE_REQUIRED' } });
    const session = await client.get<{ user: { mustChangePassword: boolean } }>(
      '/api/auth/session',
    );
    expect(session.body.user.mustChangePassword).toBe(true);
    await client.post('/api/auth/password', {
      currentPassword: testPassword,
      newPassword: 'my-own-new-secret',
      confirmPassword: 'my-own-new-secret',
    });
    expect((await client.get('/api/audit')).status).toBe(200);
  });
});
