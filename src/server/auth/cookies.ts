import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppContext } from '../http/context';

/**
 * The three cookies, all HttpOnly and SameSite=Strict: the session, the pre-session value that
 * CSRF tokens derive from before sign-in, and the second-factor challenge. None lives past the
 * browser session; the server decides when a session ends.
 */
export const cookieNames = {
  session: 'tsunagu_session',
  preSession: 'tsunagu_presession',
  challenge: 'tsunagu_challenge',
} as const;

type CookieName = keyof typeof cookieNames;

export function readCookie(c: AppContext, name: CookieName): string | undefined {
  return getCookie(c, cookieNames[name]);
}

export function writeCookie(c: AppContext, name: CookieName, value: string): void {
  setCookie(c, cookieNames[name], value, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: c.get('deps').config.session.secureCookies,
    path: '/',
  });
}

export function clearCookie(c: AppContext, name: CookieName): void {
  deleteCookie(c, cookieNames[name], {
    path: '/',
    secure: c.get('deps').config.session.secureCookies,
  });
}
