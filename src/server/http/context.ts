import type { Context } from 'hono';
import type { Actor } from '../../domain/actor';
import type { Lang } from '../../domain/errors';
import type { Config } from '../config';
import type { DatabaseHandle } from '../db/connect';
import type { ReportCache } from '../statistics/report-cache';
import type { Logger } from './logger';

/** What the server is built from; one per process (or per test). */
export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  logger: Logger;
  /** Key for the CSRF tokens, generated once per instance (see auth/instance-secrets.ts). */
  csrfKey: string;
  /** The time, injectable so tests can move it (lockout expiry, session idle time). */
  now: () => Date;
  /** Statistics reports computed recently (made by `createApp` unless given). */
  reportCache: ReportCache;
  /** True once the server is stopping: the readiness check then says so (start-server.ts). */
  stopping?: () => boolean;
}

/** The signed-in session as the request sees it. */
export interface SessionInfo {
  id: string;
  /** The cookie value, to derive the CSRF token from. */
  token: string;
  mustChangePassword: boolean;
  displayName: string;
}

/** Who asks, from where, in which language: passed to every use case. */
export interface RequestContext {
  requestId: string;
  ip: string | null;
  lang: Lang;
  actor: Actor | null;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    requestId: string;
    lang: Lang;
    ip: string | null;
    session: SessionInfo | null;
    actor: Actor | null;
    /** True when a session cookie came in but its session had expired. */
    sessionExpired: boolean;
  };
}

export type AppContext = Context<AppEnv>;

export function requestContext(c: AppContext): RequestContext {
  return {
    requestId: c.get('requestId'),
    ip: c.get('ip'),
    lang: c.get('lang'),
    actor: c.get('actor'),
  };
}

/** The request context of a signed-in user (after requireActor). */
export interface ActorContext extends RequestContext {
  actor: Actor;
}
