import { Hono } from 'hono';
import type { AppEnv } from '../http/context';
import { requestContext } from '../http/context';
import { valid } from '../http/validate';
import { getOwnAccount } from './account';
import { changePassword } from './change-password';
import { clearCookie, readCookie, writeCookie } from './cookies';
import { csrfSource } from './csrf';
import { disableTotp } from './disable-totp';
import { confirmTotpEnrolment, startTotpEnrolment } from './enrol-totp';
import { permissionsOf, presentSessionUser, type SessionView } from './present-session';
import { actorContext, sessionId } from './require-actor';
import { changePasswordBody, passwordBody, signInBody, totpCodeBody } from './schema';
import { listUserSessions } from './session-store';
import { signIn } from './sign-in';
import { signOut, signOutEverywhere } from './sign-out';
import { csrfTokenFor, newToken } from './tokens';
import { verifySecondFactor } from './verify-second-factor';

/** A fresh pre-session value, so the next sign-in gets a CSRF token of its own. */
function startPreSession(c: Parameters<typeof readCookie>[0]): string {
  const value = newToken();
  writeCookie(c, 'preSession', value);
  return csrfTokenFor(value, c.get('deps').csrfKey);
}

export const authRoutes = new Hono<AppEnv>()
  .get('/session', async (c) => {
    const actor = c.get('actor');
    const source = csrfSource(c);
    const csrfToken = source ? csrfTokenFor(source, c.get('deps').csrfKey) : startPreSession(c);
    const view: SessionView = {
      csrfToken,
      user: actor ? await presentSessionUser(c.get('deps'), actor) : null,
      permissions: permissionsOf(actor),
    };
    return c.json(view);
  })

  .post('/sign-in', valid('json', signInBody), async (c) => {
    const deps = c.get('deps');
    const input = c.req.valid('json');
    const result = await signIn(deps, requestContext(c), {
      ...input,
      userAgent: c.req.header('user-agent') ?? null,
    });
    if (result.status === 'second_factor_required') {
      writeCookie(c, 'challenge', result.challengeToken);
      return c.json({ status: 'second_factor_required' as const });
    }
    writeCookie(c, 'session', result.sessionToken);
    clearCookie(c, 'preSession');
    return c.json({
      status: 'signed_in' as const,
      csrfToken: csrfTokenFor(result.sessionToken, deps.csrfKey),
    });
  })

  .post('/sign-in/second-factor', valid('json', totpCodeBody), async (c) => {
    const deps = c.get('deps');
    const result = await verifySecondFactor(deps, requestContext(c), {
      challengeToken: readCookie(c, 'challenge'),
      code: c.req.valid('json').code,
      userAgent: c.req.header('user-agent') ?? null,
    });
    clearCookie(c, 'challenge');
    clearCookie(c, 'preSession');
    writeCookie(c, 'session', result.sessionToken);
    return c.json({
      status: 'signed_in' as const,
      csrfToken: csrfTokenFor(result.sessionToken, deps.csrfKey),
    });
  })

  .post('/sign-out', async (c) => {
    const ctx = actorContext(c, { allowPendingPasswordChange: true });
    await signOut(c.get('deps'), ctx, sessionId(c));
    clearCookie(c, 'session');
    return c.json({ csrfToken: startPreSession(c) });
  })

  .post('/sign-out-everywhere', async (c) => {
    const ctx = actorContext(c, { allowPendingPasswordChange: true });
    const ended = await signOutEverywhere(c.get('deps'), ctx);
    clearCookie(c, 'session');
    return c.json({ sessionsEnded: ended, csrfToken: startPreSession(c) });
  })

  .get('/sessions', async (c) => {
    const ctx = actorContext(c, { allowPendingPasswordChange: true });
    const deps = c.get('deps');
    const rows = await listUserSessions(
      deps.database.db,
      ctx.actor.userId,
      deps.now(),
      deps.config.session.idleMinutes,
    );
    const current = sessionId(c);
    return c.json({
      items: rows.map((r) => ({
        id: r.id,
        createdAt: r.created_at.toISOString(),
        lastSeenAt: r.last_seen_at.toISOString(),
        ip: r.ip,
        userAgent: r.user_agent,
        current: r.id === current,
      })),
    });
  })

  .post('/password', valid('json', changePasswordBody), async (c) => {
    const ctx = actorContext(c, { allowPendingPasswordChange: true });
    const { currentPassword, newPassword } = c.req.valid('json');
    await changePassword(c.get('deps'), ctx, {
      currentPassword,
      newPassword,
      sessionId: sessionId(c),
    });
    return c.json({ ok: true as const });
  })

  .get('/totp', async (c) => {
    const ctx = actorContext(c);
    const user = await getOwnAccount(c.get('deps'), ctx);
    return c.json({ enabled: user.totp_enabled_at !== null });
  })

  .post('/totp/enrolment', async (c) => {
    const ctx = actorContext(c);
    return c.json(await startTotpEnrolment(c.get('deps'), ctx));
  })

  .post('/totp/enrolment/confirm', valid('json', totpCodeBody), async (c) => {
    const ctx = actorContext(c);
    await confirmTotpEnrolment(c.get('deps'), ctx, c.req.valid('json'));
    return c.json({ enabled: true as const });
  })

  .post('/totp/disable', valid('json', passwordBody), async (c) => {
    const ctx = actorContext(c);
    await disableTotp(c.get('deps'), ctx, c.req.valid('json'));
    return c.json({ enabled: false as const });
  });
