import { foldForSearch } from './kana';

/**
 * Partial-match search over names and readings, the same on PGlite and PostgreSQL: the folded text
 * is stored with the set of its two-character pieces (bigrams), which a GIN index finds fast; a
 * query's bigrams must all be there, then the folded text is checked for the whole query. One
 * character has no bigram: it is matched on the text alone.
 */
export function bigrams(folded: string): string[] {
  const chars = [...folded];
  if (chars.length < 2) return [];
  const set = new Set<string>();
  for (let i = 0; i < chars.length - 1; i++) set.add(`${chars[i]}${chars[i + 1]}`);
  return [...set];
}

export interface SearchKey {
  text: string;
  grams: string[];
}

/** What a person's record is found by: name and reading, folded, as one text and its bigrams. */
export function searchKey(...parts: (string | null | undefined)[]): SearchKey {
  const folded = parts
    .filter((p): p is string => Boolean(p))
    .map(foldForSearch)
    .join(' ');
  return { text: folded, grams: [...new Set(folded.split(' ').flatMap(bigrams))] };
}

/** Digits only, for finding a phone number however it was typed. */
export function phoneDigits(phone: string | null | undefined): string {
  return (phone ?? '').normalize('NFKC').replace(/[^0-9]/g, '');
}
