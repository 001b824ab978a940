/**
 * Folding for Japanese search (DOMAIN.md §8): a name is found by partial kanji or kana whatever
 * width or script was typed. NFKC makes half-width katakana and full-width Latin letters and digits
 * ordinary; katakana becomes hiragana; spaces of both widths and middle dots are dropped; Latin
 * letters are lower-cased. The same function folds the stored text and the query.
 */
export function foldForSearch(text: string): string {
  return katakanaToHiragana(text.normalize('NFKC'))
    .replace(/[\s\u3000・･]/g, '')
    .toLowerCase();
}

const katakanaStart = 0x30a1; // ァ
const katakanaEnd = 0x30f6; // ヶ
const kanaOffset = 0x60;

export function katakanaToHiragana(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    out +=
      code >= katakanaStart && code <= katakanaEnd ? String.fromCodePoint(code - kanaOffset) : char;
  }
  return out;
}

/** True when the text is only kana (either script), the long-vowel mark and spaces: a ふりがな. */
export function isKana(text: string): boolean {
  return /^[\u3041-\u3096\u30a1-\u30fa\u30fc\u309d\u309e\u30fd\u30fe\s\u3000・]+$/.test(
    text.normalize('NFKC'),
  );
}
