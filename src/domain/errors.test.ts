import { describe, expect, it } from 'vitest';
import { errorCatalogue } from './errors';
import { fieldMessage, fieldMessages } from './field-messages';

describe('the error catalogue', () => {
  it('has a Japanese and an English message and an HTTP status for every code', () => {
    for (const [code, entry] of Object.entries(errorCatalogue)) {
      expect(code).toMatch(/^[A-Z_]+$/);
      expect(entry.ja).toMatch(/[ぁ-んァ-ン一-龥]/);
      expect(entry.ja.endsWith('。')).toBe(true);
      expect(entry.en).toMatch(/^[A-Z]/);
      expect(entry.status).toBeGreaterThanOrEqual(400);
    }
  });

  it('has every field message in both languages with the same placeholders', () => {
    for (const entry of Object.values(fieldMessages)) {
      const holes = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(holes(entry.ja)).toEqual(holes(entry.en));
    }
    expect(fieldMessage('tooLong', 'ja', { max: 100 })).toBe('100文字以内で入力してください。');
  });
});
