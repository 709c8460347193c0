// Index terms for exact-substring search (issue 9). Pagefind segments Chinese into dictionary words,
// so a query whose word boundaries differ from the page's misses, and a plain query also finds pages
// that hold the characters apart. We give Pagefind our own words instead: for every character of the
// folded text (fold.ts: whitespace dropped, punctuation styles folded), the pair it starts (a
// character bigram 二元组), and for the last character the character alone, each written as a
// fixed-width ASCII word that Pagefind indexes as one word, in text order:
//   `qz` + code(first) + code(second)   e.g. 于连 → qz + '00fbm' … (each code 4 base-36 digits)
//   `qz` + code(last)  + 'zzzz'         the last character of the text
// Codes are the code point in 4 base-36 digits (36⁴ > U+10FFFF, so no two characters share a code,
// and `zzzz` is no character's). The n-th word stands at position n, so the words of a string of
// two or more characters stand at consecutive positions exactly where the text holds the string:
// Pagefind's exact (quoted) search, which checks that positions are consecutive, finds every article
// holding the string and only those. A single character becomes the 6-character prefix `qz` +
// code, which Pagefind's plain search matches as a prefix of every word starting with that
// character. All words have the same length, so no word is a prefix of another.
import { fold } from './fold.ts';

const PREFIX = 'qz';
const TEXT_END = 'zzzz';

function code(ch: string): string {
  return (ch.codePointAt(0) ?? 0).toString(36).padStart(4, '0');
}

/** Index words for a text, in text order (one per folded character). */
export function gramTerms(text: string): string[] {
  const chars = Array.from(fold(text));
  return chars.map((ch, i) => PREFIX + code(ch) + (i + 1 < chars.length ? code(chars[i + 1]!) : TEXT_END));
}

/** Pagefind query words for one folded search term, in order. */
export function queryGrams(term: string): string[] {
  const chars = Array.from(term);
  if (chars.length === 1) return [PREFIX + code(chars[0]!)];
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) grams.push(PREFIX + code(chars[i]!) + code(chars[i + 1]!));
  return grams;
}

/**
 * The Pagefind query for one folded search term: the quoted phrase of its bigrams (exact search,
 * consecutive positions), or a single character's prefix (plain search).
 */
export function gramQuery(term: string): string {
  const grams = queryGrams(term);
  return Array.from(term).length === 1 ? grams[0]! : `"${grams.join(' ')}"`;
}
