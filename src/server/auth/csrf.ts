import { createMiddleware } from 'hono/factory';
import type { AppContext, AppEnv } from '../http/context';
import { DomainError } from '../http/domain-error';
import { readCookie } from './cookies';
import { csrfTokenFor, safeEqual } from './tokens';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The value the CSRF token of this request derives from: the live session, else the pre-session. */
export function csrfSource(c: AppContext): string | undefined {
  return c.get('session')?.token ?? readCookie(c, 'preSession');
}

function sameOrigin(c: AppContext): boolean {
  const origin = c.req.header('origin');
  if (!origin || origin === 'null') return origin === undefined;
  const trustProxy = c.get('deps').config.trustProxy;
  const host = (trustProxy && c.req.header('x-forwarded-host')) || c.req.header('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * Every state-changing request must carry the CSRF token in `X-CSRF-Token`, and, when the browser
 * says where it comes from, come from this origin. Runs after loadSession.
 */
export const csrfProtection = createMiddleware<AppEnv>(async (c, next) => {
  if (!safeMethods.has(c.req.method)) {
    // A session that just ran out is the user's problem to hear about, not a forgery.
    if (c.get('sessionExpired') && !c.get('session')) throw new DomainError('SESSION_EXPIRED');
    const source = csrfSource(c);
    const sent = c.req.header('x-csrf-token');
    const key = c.get('deps').csrfKey;
    const valid = source && sent && safeEqual(sent, csrfTokenFor(source, key));
    if (!valid || !sameOrigin(c)) {
      throw new DomainError('CSRF_TOKEN_INVALID', {
        denied: {
          action: 'csrf.check',
          subjectType: 'request',
          subjectId: c.req.path.slice(0, 100),
        },
      });
    }
  }
  await next();
});
