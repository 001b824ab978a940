import { beforeEach, describe, expect, it } from 'vitest';
import { signedIn, TestClient } from '../test/client';
import { createWorld, testPassword } from '../test/factories';
import { type TestApp, testApp } from '../test/test-app';
import { totpCodeAt } from './totp';

/** Attacks found in review, each kept as a test so it stays closed. */
let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;

beforeEach(async () => {
  t = await testApp();
  world = await createWorld(t.database.db);
});

const audit = (userId: string, action: string) =>
  t.database.db
    .selectFrom('audit_log')
    .selectAll()
    .where((eb) => eb.or([eb('subject_id', '=', userId), eb('actor_user_id', '=', userId)]))
    .where('action', '=', action)
    .orderBy('id')
    .execute();

async function enrolTotp(loginId: string): Promise<string> {
  const client = await signedIn(t.app, loginId);
  const enrol = await client.post<{ secret: string }>('/api/auth/totp/enrolment');
  await client.post('/api/auth/totp/enrolment/confirm', {
    code: totpCodeAt(enrol.body.secret, t.clock.now()),
  });
  t.clock.advance(60_000);
  return enrol.body.secret;
}

describe('guessing is bounded even when the guesses come all at once', () => {
  it('checks at most five passwords out of thirty simultaneous attempts, and the right one among the rest gets nowhere', async () => {
    const loginId = world.users.officer.login_id;
    const clients = await Promise.all(
      Array.from({ length: 30 }, () => new TestClient(t.app).start()),
    );
    const results = await Promise.all(
      clients.map((c, i) =>
        c.post('/api/auth/sign-in', {
          loginId,
          password: i === 29 ? testPassword : `wrong-password-${i}`,
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    const checked = statuses.filter((s) => s !== 423).length;
    expect(checked).toBeLessThanOrEqual(5);
    const failures = await audit(world.users.officer.id, 'auth.sign_in');
    expect(failures.filter((r) => r.reason === 'INVALID_CREDENTIALS').length).toBeLessThanOrEqual(
      5,
    );
    if (!statuses.includes(200)) {
      const row = await t.database.db
        .selectFrom('app_user')
        .select('locked_until')
        .where('id', '=', world.users.officer.id)
        .executeTakeFirstOrThrow();
      expect(row.locked_until).not.toBeNull();
      expect((await new TestClient(t.app).signIn(loginId)).status).toBe(423);
    }
  });

  it('accepts a TOTP code once even when two pending sign-ins send it at the same moment', async () => {
    const loginId = world.users.officer.login_id;
    const secret = await enrolTotp(loginId);
    const first = new TestClient(t.app);
    const second = new TestClient(t.app);
    await first.signIn(loginId);
    await second.signIn(loginId);
    const code = totpCodeAt(secret, t.clock.now());
    const results = await Promise.all([
      first.post('/api/auth/sign-in/second-factor', { code }),
      second.post('/api/auth/sign-in/second-factor', { code }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
  });

  it('counts wrong current passwords on the account pages, locks, and ends the sessions of the guesser', async () => {
    const client = await signedIn(t.app, world.users.chief.login_id);
    const guesses: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await client.post('/api/auth/password', {
        currentPassword: `guess-number-${i}`,
        newPassword: 'a-new-long-secret',
        confirmPassword: 'a-new-long-secret',
      });
      guesses.push((res.body.error as { code: string }).code);
    }
    expect(guesses).toEqual([
      'PASSWORD_INCORRECT',
      'PASSWORD_INCORRECT',
      'PASSWORD_INCORRECT',
      'PASSWORD_INCORRECT',
      'ACCOUNT_LOCKED',
    ]);
    expect((await client.get('/api/municipality')).status).toBe(401);
    expect(await audit(world.users.chief.id, 'account.change_password')).toHaveLength(5);
    expect(await audit(world.users.chief.id, 'auth.lockout')).toHaveLength(1);
  });

  it('audits a wrong password when turning the second factor off', async () => {
    await enrolTotp(world.users.chief.login_id);
    const secretHolder = await new TestClient(t.app).start();
    await secretHolder.post('/api/auth/sign-in', {
      loginId: world.users.chief.login_id,
      password: testPassword,
    });
    const row = await t.database.db
      .selectFrom('app_user')
      .select('totp_secret')
      .where('id', '=', world.users.chief.id)
      .executeTakeFirstOrThrow();
    const code = totpCodeAt(row.totp_secret ?? '', t.clock.now());
    const done = await secretHolder.post<{ csrfToken: string }>('/api/auth/sign-in/second-factor', {
      code,
    });
    secretHolder.csrfToken = done.body.csrfToken;
    const wrong = await secretHolder.post('/api/auth/totp/disable', {
      password: 'not-my-password',
    });
    expect(wrong.status).toBe(400);
    expect(await audit(world.users.chief.id, 'account.totp_disable')).toHaveLength(1);
  });
});

describe('a half-finished sign-in does not outlive a password change', () => {
  it('ends the pending second-factor step when the owner changes the password', async () => {
    const loginId = world.users.officer.login_id;
    const secret = await enrolTotp(loginId);
    const intruder = new TestClient(t.app);
    expect((await intruder.signIn(loginId)).body).toEqual({ status: 'second_factor_required' });

    const owner = new TestClient(t.app);
    await owner.signIn(loginId);
    const ownerDone = await owner.post<{ csrfToken: string }>('/api/auth/sign-in/second-factor', {
      code: totpCodeAt(secret, t.clock.now()),
    });
    owner.csrfToken = ownerDone.body.csrfToken;
    await owner.post('/api/auth/password', {
      currentPassword: testPassword,
      newPassword: 'owner-new-secret-1',
      confirmPassword: 'owner-new-secret-1',
    });
    t.clock.advance(30_000);
    const late = await intruder.post('/api/auth/sign-in/second-factor', {
      code: totpCodeAt(secret, t.clock.now()),
    });
    expect(late.status).toBe(401);
    expect(late.body).toMatchObject({ error: { code: 'SIGN_IN_CHALLENGE_EXPIRED' } });
  });

  it('audits a code step refused for a disabled account', async () => {
    const loginId = world.users.officer.login_id;
    const secret = await enrolTotp(loginId);
    const client = new TestClient(t.app);
    await client.signIn(loginId);
    await t.database.db
      .updateTable('app_user')
      .set({ disabled_at: new Date() })
      .where('id', '=', world.users.officer.id)
      .execute();
    const res = await client.post('/api/auth/sign-in/second-factor', {
      code: totpCodeAt(secret, t.clock.now()),
    });
    expect(res.status).toBe(403);
    const rows = await audit(world.users.officer.id, 'auth.second_factor');
    expect(rows.map((r) => r.reason)).toEqual(['ACCOUNT_DISABLED']);
  });
});

describe('no side channels', () => {
  it('answers a wrong password for a disabled account like any wrong password', async () => {
    await t.database.db
      .updateTable('app_user')
      .set({ disabled_at: new Date() })
      .where('id', '=', world.users.officer.id)
      .execute();
    const res = await new TestClient(t.app).signIn(
      world.users.officer.login_id,
      'not-the-password',
    );
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: { code: 'INVALID_CREDENTIALS' } });
  });

  it('checks the permission before the password rule, so the rule cannot reveal a login ID', async () => {
    const partner = await signedIn(t.app, world.users.partnerStaff.login_id);
    const target = world.users.admin;
    const res = await partner.post(`/api/users/${target.id}/reset-password`, {
      temporaryPassword: `xx-${target.login_id}-yy`,
    });
    expect(res.status).toBe(403);
    const denied = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('actor_user_id', '=', world.users.partnerStaff.id)
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied.map((r) => r.action)).toEqual(['user.reset_password']);
  });

  it('audits a CSRF refusal whatever the length of the path', async () => {
    const admin = await signedIn(t.app, world.users.admin.login_id);
    const res = await admin.request('POST', `/api/users/${'a'.repeat(150)}`, {
      body: {},
      csrf: false,
    });
    expect(res.status).toBe(403);
    const denied = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('actor_user_id', '=', world.users.admin.id)
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied.map((r) => r.action)).toEqual(['csrf.check']);
  });

  it('audits an attempt on another municipality’s record, while answering 404', async () => {
    const other = await createWorld(t.database.db);
    const admin = await signedIn(t.app, world.users.admin.login_id);
    expect((await admin.post(`/api/users/${other.users.chief.id}/unlock`)).status).toBe(404);
    const denied = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('actor_user_id', '=', world.users.admin.id)
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied).toMatchObject([
      { action: 'user.unlock', subject_id: other.users.chief.id, reason: 'NOT_FOUND' },
    ]);
  });

  it('ignores a request id the client sends and takes the address the proxy appended', async () => {
    const trusted = await testApp({ TRUST_PROXY: 'true' });
    const res = await trusted.app.request('/api/health', {
      headers: {
        'x-request-id': 'chosen-by-client-123',
        'x-forwarded-for': '10.0.0.99, 192.0.2.7',
      },
    });
    expect(res.headers.get('x-request-id')).not.toBe('chosen-by-client-123');
    const client = new TestClient(trusted.app);
    await client.start();
    await client.request('POST', '/api/auth/sign-in', {
      body: { loginId: world.users.auditor.login_id, password: testPassword },
      headers: { 'x-forwarded-for': '10.0.0.99, 192.0.2.7' },
    });
    const row = await t.database.db
      .selectFrom('audit_log')
      .select('ip')
      .where('actor_user_id', '=', world.users.auditor.id)
      .where('action', '=', 'auth.sign_in')
      .executeTakeFirstOrThrow();
    expect(row.ip).toBe('192.0.2.7');
  });
});

describe('bad input gets a field error, not a 500, and stays out of the logs', () => {
  it('refuses a one-character prefecture, year 0000, and a municipality code another tenant holds', async () => {
    const other = await createWorld(t.database.db);
    const code = String(100000 + Math.floor(Math.random() * 899999));
    await t.database.db
      .updateTable('municipality')
      .set({ code })
      .where('id', '=', other.municipality.id)
      .execute();
    const admin = await signedIn(t.app, world.users.admin.login_id);
    const m = await admin.get<{ version: number; name: string }>('/api/municipality');
    const base = {
      version: m.body.version,
      name: m.body.name,
      nameKana: 'てすとし',
      prefecture: '架空県',
      kind: 'city',
      population: 1000,
    };
    const taken = await admin.put('/api/municipality', { ...base, code });
    expect(taken.status).toBe(400);
    expect(taken.body).toMatchObject({
      error: {
        fields: [{ path: 'code', message: 'この地方公共団体コードは、すでに登録されています。' }],
      },
    });
    const short = await admin.put('/api/municipality', { ...base, prefecture: '都' });
    expect(short.status).toBe(400);
    const yearZero = await admin.post('/api/support-agencies', {
      name: 'ゼロ年センター',
      operation: 'direct',
      contractStart: '0000-01-01',
    });
    expect(yearZero.status).toBe(400);
    expect(t.logs.some((l) => l.includes('unhandled error'))).toBe(false);
  });
});
