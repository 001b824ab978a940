import type { FieldMessageKey } from './field-messages';

export const passwordMinLength = 10;
export const passwordMaxLength = 128;

// A short list of what people choose first; the length rule does most of the work.
const common = new Set([
  'password12',
  'password123',
  'password1234',
  '1234567890',
  '0123456789',
  'qwertyuiop',
  'abcdefghij',
  'tsunagu123',
  'iloveyou12',
  'passw0rd12',
]);

/**
 * Length over composition rules (NIST SP 800-63B): long enough, not the login ID, not a
 * well-known password, not one character repeated.
 */
export function checkPassword(password: string, loginId: string): FieldMessageKey | null {
  if (password.length < passwordMinLength) return 'passwordTooShort';
  if (password.length > passwordMaxLength) return 'tooLong';
  if (loginId && password.toLowerCase().includes(loginId.toLowerCase())) {
    return 'passwordContainsLoginId';
  }
  if (common.has(password.toLowerCase()) || /^(.)\1+$/.test(password)) return 'passwordTooCommon';
  return null;
}
