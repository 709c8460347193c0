// Character tests for the text pipeline's hot loops, each answering as the regex it stands in for.
// One-character classes (is this character Han? does it print full width?) answered from a table per
// UTF-16 code unit, each entry filled from the class's regex the first time the character is seen: hot
// loops over a page's characters ask a regex once per distinct character instead of once per character
// (bench/README.md "Extraction speed": widthOf and the Han tests were 3–4% of the text pipeline).
// A character outside the BMP (a surrogate pair) asks the regex every time; such characters are rare.
// And which of a few chosen characters a line holds (CharPresence), so a pattern that needs one of them
// is asked only of lines that do.

export interface CharClass {
  /** Whether the character (one code point, as `for…of` over a string yields it) is in the class. */
  has(c: string): boolean;
  /** Whether the code unit `u`, a character of its own (not half of a surrogate pair), is in the class. */
  hasUnit(u: number): boolean;
}

/** The class of the characters a one-character regex (no `g` or `y` flag) matches. */
export function charClass(pattern: RegExp): CharClass {
  if (pattern.global || pattern.sticky) throw new Error(`charClass: ${pattern} keeps lastIndex`);
  // 0 not yet asked, 1 not in the class, 2 in it.
  const table = new Uint8Array(0x10000);
  const hasUnit = (u: number): boolean => {
    let known = table[u]!;
    if (!known) known = table[u] = pattern.test(String.fromCharCode(u)) ? 2 : 1;
    return known === 2;
  };
  return {
    hasUnit,
    has: (c) => (c.length === 1 ? hasUnit(c.charCodeAt(0)) : pattern.test(c)),
  };
}

/** The length in code units (1 or 2) of the character starting at `i` of `text`: 2 for a surrogate pair. */
export function charLength(text: string, i: number): 1 | 2 {
  const u = text.charCodeAt(i);
  if (u < 0xd800 || u > 0xdbff || i + 1 >= text.length) return 1;
  const v = text.charCodeAt(i + 1);
  return v >= 0xdc00 && v <= 0xdfff ? 2 : 1;
}

/**
 * Which of a few chosen characters (each one BMP code unit) a text holds, read in one pass as a bit
 * mask: the characters some patterns cannot match without (their `needs` in scripts/data/), so a line
 * is asked a pattern only when it holds one of that pattern's (test/char-class.test.ts checks each
 * `needs` against its pattern on the corpus's lines). Most lines hold none of most patterns'. Past 31
 * characters the bits are shared (the 32nd character takes the first's bit): a shared bit can only
 * make a line be asked a pattern it does not match, never skip one it does.
 */
export class CharPresence {
  private readonly bitOf = new Int32Array(0x10000);
  private count = 0;

  constructor(chars: string) {
    for (const c of chars) this.bits(c);
  }

  /** The bits of the characters (each added to the watched ones on first sight, before any mask is read). */
  bits(chars: string): number {
    let bits = 0;
    for (const c of chars) {
      if (c.length !== 1) throw new Error(`CharPresence: ${c} is not one BMP code unit`);
      const u = c.charCodeAt(0);
      if (!this.bitOf[u]) this.bitOf[u] = 1 << this.count++ % 31;
      bits |= this.bitOf[u]!;
    }
    return bits;
  }

  /** The bits of the watched characters the text holds. */
  mask(text: string): number {
    let mask = 0;
    for (let i = 0; i < text.length; i++) mask |= this.bitOf[text.charCodeAt(i)]!;
    return mask;
  }
}

/** Whether the text holds at least one of the characters. */
export function holdsAny(text: string, chars: readonly string[]): boolean {
  for (const c of chars) if (text.includes(c)) return true;
  return false;
}
