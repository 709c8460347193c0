// Index terms for exact-substring search (issue 9). Pagefind segments Chinese into dictionary words,
// so a query whose word boundaries differ from the page's misses, and a plain query also finds pages
// that hold the characters apart. We add our own terms: for every character of the folded text, the
// pair it starts (a character bigram 二元组), or, at the end of a run, the character alone, written
// as a fixed-width ASCII word that Pagefind indexes as one word:
//   `qz` + code(first) + code(second)   e.g. 于连 → qz + 'fbm' + 'ge1' (each code 3 base-36 digits)
//   `qz` + code(last)  + 'zzz'          the last character of a run (before a space or the end)
// A query string of two or more characters becomes all its bigram terms (Pagefind requires all of
// them); a single character becomes the 5-character prefix `qz` + code, which Pagefind matches as a
// prefix of every term starting with that character. All terms have the same length, so no term is
// a prefix of another. Codes are the code point modulo 36³; the rare collisions (characters above
// U+B63F after folding) only add candidates, which the page-text check (match.ts) removes.
import { fold } from './fold.ts';

const PREFIX = 'qz';
const CODE_SPACE = 36 ** 3;
const RUN_END = 'zzz';

function code(ch: string): string {
  return ((ch.codePointAt(0) ?? 0) % CODE_SPACE).toString(36).padStart(3, '0');
}

/** Index terms for a piece of text, in text order (repeats kept: Pagefind ranks by frequency). */
export function gramTerms(text: string): string[] {
  const terms: string[] = [];
  for (const run of fold(text).split(/\s+/u)) {
    const chars = Array.from(run);
    for (let i = 0; i < chars.length; i++) {
      terms.push(PREFIX + code(chars[i]!) + (i + 1 < chars.length ? code(chars[i + 1]!) : RUN_END));
    }
  }
  return terms;
}

/** Pagefind query terms for one folded search term (no whitespace inside). */
export function queryGrams(term: string): string[] {
  const chars = Array.from(term);
  if (chars.length === 1) return [PREFIX + code(chars[0]!)];
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) grams.push(PREFIX + code(chars[i]!) + code(chars[i + 1]!));
  return grams;
}

/** The Pagefind query for a list of folded search terms: every gram of every term, once. */
export function gramQuery(terms: readonly string[]): string {
  return [...new Set(terms.flatMap(queryGrams))].join(' ');
}
