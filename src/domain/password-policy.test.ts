import { describe, expect, it } from 'vitest';
import { checkPassword } from './password-policy';

describe('password policy', () => {
  it('asks for length, not composition', () => {
    expect(checkPassword('short', 'taro')).toBe('passwordTooShort');
    expect(checkPassword('all lowercase words here', 'taro')).toBeNull();
  });

  it('refuses the login ID inside the password, a well-known password and one repeated character', () => {
    expect(checkPassword('yamada-2025-spring', 'yamada')).toBe('passwordContainsLoginId');
    expect(checkPassword('Password123', 'taro')).toBe('passwordTooCommon');
    expect(checkPassword('aaaaaaaaaaaa', 'taro')).toBe('passwordTooCommon');
  });
});
