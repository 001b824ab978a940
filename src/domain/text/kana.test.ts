import { describe, expect, it } from 'vitest';
import { foldForSearch, isKana, katakanaToHiragana } from './kana';

describe('foldForSearch', () => {
  it('folds katakana, half-width katakana and hiragana to one form', () => {
    expect(foldForSearch('ヤマダ タロウ')).toBe('やまだたろう');
    expect(foldForSearch('ﾔﾏﾀﾞ ﾀﾛｳ')).toBe('やまだたろう');
    expect(foldForSearch('やまだ　たろう')).toBe('やまだたろう');
  });

  it('lets a hiragana query find a katakana or kanji-with-reading name by substring', () => {
    const stored = foldForSearch('山田 太郎 ヤマダ タロウ');
    expect(stored.includes(foldForSearch('たろう'))).toBe(true);
    expect(stored.includes(foldForSearch('山田'))).toBe(true);
    expect(stored.includes(foldForSearch('ﾀﾛｳ'))).toBe(true);
  });

  it('makes full-width Latin letters and digits ordinary and lower-case', () => {
    expect(foldForSearch('ＡＢＣ１２３')).toBe('abc123');
  });

  it('keeps the voiced marks and the long vowel', () => {
    expect(foldForSearch('ガンバ')).toBe('がんば');
    expect(foldForSearch('ﾊﾛｰﾜｰｸ')).toBe('はろーわーく');
  });
});

describe('kana helpers', () => {
  it('converts katakana to hiragana, leaving the rest', () => {
    expect(katakanaToHiragana('カタカナとKanji漢字')).toBe('かたかなとKanji漢字');
  });

  it('recognises a reading written in kana', () => {
    expect(isKana('やまだ たろう')).toBe(true);
    expect(isKana('ヤマダ・タロウ')).toBe(true);
    expect(isKana('ﾔﾏﾀﾞ')).toBe(true);
    expect(isKana('山田')).toBe(false);
    expect(isKana('yamada')).toBe(false);
  });
});
