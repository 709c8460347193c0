// Folding for search: what the reader types and what the page prints are compared after folding, so
// the differences a reader cannot see or does not care about never stop a match. Each character is
// folded by itself (NFKC, lower case, then the punctuation table below), and whitespace is dropped, so
// `记者薛蓓蓓` matches `记者 薛蓓蓓`, `２０２２年` matches `2022年` and `一季度"开门红"` matches
// `一季度“开门红”`. The index (scripts/index-search.ts), the query (query.ts) and the check of each result (match.ts)
// all fold with this one function. Folding character by character keeps a map back to the original
// offsets, so highlights mark the text as printed.

export interface FoldedText {
  /** The folded text. */
  text: string;
  /** For each UTF-16 offset of `text`, where in the original string the character it came from starts… */
  start: number[];
  /** …and ends. */
  end: number[];
}

/**
 * Punctuation a reader types for one another, after NFKC (which already folds the full-width forms
 * ＂＇，：；！？（）．－ to ASCII and the half-width ｡ ､ ･ to their full forms). Each entry folds every
 * character of its class to the first one.
 */
const PUNCTUATION_CLASSES: ReadonlyArray<{ to: string; from: string; why: string }> = [
  {
    to: '"',
    // " “ ” „ ‟ 〝 〞 〟 ' ‘ ’ ‚ ‛ 「 」 『 』 (and the vertical ﹁﹂﹃﹄, which NFKC maps to 「」『』)
    from: '"\u201C\u201D\u201E\u201F\u301D\u301E\u301F\'\u2018\u2019\u201A\u201B\u300C\u300D\u300E\u300F',
    why: 'quotes (引号): straight or curly, double or single, or corner brackets (直角引号) as Taiwan and Hong Kong papers print; an input method gives any of them',
  },
  {
    to: '-',
    // - ‐ ‑ ‒ – — ― − ─ ━ ﹣ (NFKC: ﹣ － → -, ﹘ → —)
    from: '-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2500\u2501',
    why: 'the dash family (破折号 ——, 连接号 –, hyphen, minus, box-drawing lines that flattened PDFs print for dashes)',
  },
  {
    to: '·',
    // · • ‧ ∙ ⋅ ・ (NFKC: ･ → ・)
    from: '\u00B7\u2022\u2027\u2219\u22C5\u30FB',
    why: 'middle dots (间隔号) in foreign names (卡尔·马克思) and list bullets',
  },
  {
    to: '<',
    // < 《 〈 ‹
    from: '<\u300A\u3008\u2039',
    why: 'book-title marks (书名号 《》): an input method in half-width mode types < >',
  },
  { to: '>', from: '>\u300B\u3009\u203A', why: 'the closing book-title marks' },
  {
    to: '[',
    // [ 【 〔 〖
    from: '[\u3010\u3014\u3016',
    why: 'square brackets (方头括号 【】, 六角括号 〔〕 as in document numbers 〔2022〕): typed as [ ]',
  },
  { to: ']', from: ']\u3011\u3015\u3017', why: 'the closing square brackets' },
  {
    to: '。',
    // 。 . (NFKC: ｡ → 。, ． → .)
    from: '\u3002.',
    why: 'the full stop (句号): a reader typing in half-width mode types . for 。',
  },
];

const PUNCTUATION = new Map<string, string>(PUNCTUATION_CLASSES.flatMap(({ to, from }) => Array.from(from, (ch) => [ch, to] as const)));

/** Whitespace never counts: spaces, ideographic spaces (全角空格), line breaks and zero-width spaces. */
const WHITESPACE = /[\s\u200B-\u200D\u2060]/u;

/**
 * Characters folded before, each once (the indexer folds every character of the archive, and an
 * archive holds a few thousand distinct ones): at most FOLDED_KEPT, so hostile text with every code
 * point in it cannot grow the table without bound.
 */
const folded = new Map<string, string>();
const FOLDED_KEPT = 1 << 16;

/** The folded form of one character ('' for whitespace). */
function foldChar(ch: string): string {
  const known = folded.get(ch);
  if (known !== undefined) return known;
  let out = '';
  for (const c of ch.normalize('NFKC').toLowerCase()) {
    if (!WHITESPACE.test(c)) out += PUNCTUATION.get(c) ?? c;
  }
  if (folded.size < FOLDED_KEPT) folded.set(ch, out);
  return out;
}

/** Folds a string, keeping where each folded code unit came from. */
export function foldText(original: string): FoldedText {
  let text = '';
  const start: number[] = [];
  const end: number[] = [];
  let offset = 0;
  for (const ch of original) {
    const folded = foldChar(ch);
    for (let i = 0; i < folded.length; i++) {
      start.push(offset);
      end.push(offset + ch.length);
    }
    text += folded;
    offset += ch.length;
  }
  return { text, start, end };
}

/** Folds a string (no offset map). */
export function fold(original: string): string {
  let text = '';
  for (const ch of original) text += foldChar(ch);
  return text;
}
