// One-character classes (is this character Han? does it print full width?) answered from a table per
// UTF-16 code unit, each entry filled from the class's regex the first time the character is seen: hot
// loops over a page's characters ask a regex once per distinct character instead of once per character
// (bench/README.md "Extraction speed": widthOf and the Han tests were 3–4% of the text pipeline).
// A character outside the BMP (a surrogate pair) asks the regex every time; such characters are rare.

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
 * A regex test asked only of texts holding at least one of `chars`, which must be characters the
 * pattern cannot match without (a quick scan before the regex; most lines fail it). The answer is the
 * regex's own: where the guard says no, the regex would have said no too (test/char-class.test.ts
 * checks each guard against its pattern on the corpus's lines).
 */
export function guarded(pattern: RegExp, chars: string): (text: string) => boolean {
  if (pattern.global || pattern.sticky) throw new Error(`guarded: ${pattern} keeps lastIndex`);
  const units = [...chars];
  return (text) => holdsAny(text, units) && pattern.test(text);
}

/** Whether the text holds at least one of the characters. */
export function holdsAny(text: string, chars: readonly string[]): boolean {
  for (const c of chars) if (text.includes(c)) return true;
  return false;
}
