import { foldForSearch } from './kana';

/** Edit distance between two short strings (names), by code point. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = current;
  }
  return previous[y.length] ?? 0;
}

/**
 * Two readings that are probably the same name: equal once folded (script, width, spaces), or
 * one or two kana apart (やまもと / やまもとう, じゅんこ / じゅんこう).
 */
export function kanaSimilar(a: string, b: string): boolean {
  const x = foldForSearch(a);
  const y = foldForSearch(b);
  if (!x || !y) return false;
  if (x === y) return true;
  return Math.min(x.length, y.length) >= 3 && editDistance(x, y) <= 2;
}
