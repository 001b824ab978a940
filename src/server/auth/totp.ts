import { Secret, TOTP } from 'otpauth';

/**
 * TOTP second factor (RFC 6238): 6 digits, 30-second steps, SHA-1 — what every authenticator app
 * reads from the QR code. Works with no network at all. A code is accepted one step either side
 * of now, and never twice: the step last used is remembered.
 */
const period = 30;
const digits = 6;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, label: string): TOTP {
  return new TOTP({
    issuer: 'Tsunagu',
    label,
    algorithm: 'SHA1',
    digits,
    period,
    secret: Secret.fromBase32(secret),
  });
}

export function totpUri(secret: string, label: string): string {
  return totp(secret, label).toString();
}

/** The current code, for tests and for nothing else. */
export function totpCodeAt(secret: string, at: Date): string {
  return totp(secret, 'x').generate({ timestamp: at.getTime() });
}

/**
 * Returns the step the code belongs to when it is valid and newer than `lastStep`, else null.
 */
export function acceptTotp(
  secret: string,
  code: string,
  at: Date,
  lastStep: number | null,
): number | null {
  const delta = totp(secret, 'x').validate({ token: code, timestamp: at.getTime(), window: 1 });
  if (delta === null) return null;
  const step = Math.floor(at.getTime() / 1000 / period) + delta;
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}
