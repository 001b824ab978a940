import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random secret for a cookie: 32 bytes, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps of a cookie value: its SHA-256, so a leaked table opens no session. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The CSRF token belonging to a cookie value (the session's, or the pre-session cookie's before
 * sign-in). The page reads it from /api/auth/session and sends it back in a header; a page on
 * another site can do neither.
 */
export function csrfTokenFor(cookieValue: string, key: string): string {
  return createHmac('sha256', key).update(`csrf:${cookieValue}`).digest('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
