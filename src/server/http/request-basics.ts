import { randomUUID } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import { createMiddleware } from 'hono/factory';
import type { Lang } from '../../domain/errors';
import type { AppContext, AppDeps, AppEnv } from './context';

function clientIp(c: AppContext, trustProxy: boolean): string | null {
  if (trustProxy) {
    // The trusted proxy appends the address it saw; what comes before it the client may have written.
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // called in-process (tests): there is no socket
  }
}

/** The client's language: the screens send `Accept-Language: en` after the switch; Japanese otherwise. */
export function langOf(header: string | undefined): Lang {
  return header?.trim().toLowerCase().startsWith('en') ? 'en' : 'ja';
}

/** Puts the dependencies, a request id, the language and the client address on every request. */
export function requestBasics(deps: AppDeps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    c.set('deps', deps);
    // Made here, never taken from the request: audit rows must not carry what a client chose.
    const requestId = randomUUID();
    c.set('requestId', requestId);
    c.set('lang', langOf(c.req.header('accept-language')));
    c.set('ip', clientIp(c, deps.config.trustProxy));
    c.set('session', null);
    c.set('actor', null);
    c.set('sessionExpired', false);
    c.header('X-Request-Id', requestId);
    await next();
  });
}

/** One log line per request: no query strings (they may hold search terms), no bodies. */
export function accessLog(deps: AppDeps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const started = performance.now();
    await next();
    deps.logger.info('request', {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      userId: c.get('actor')?.userId,
    });
  });
}
