// Common Chinese characters (常用字), for weighing how plausible a decoded page is as Chinese text.
// Source: GB 2312-80 level 1 (一级汉字), the 3,755 characters the standard chose as the most frequently
// used (rows 16–55, bytes 0xB0A1–0xD7F9). They are read here out of the GB18030 decoder every runtime
// ships (a superset of GB 2312), so the table is derived, not copied: 3,755 characters, checked in
// test/hostile-decode.test.ts.
// Measured on the five sample pages (seeds/), as decode.ts plausibility() counts (non-ASCII characters
// that are level 1 or GB 2312 symbols): 99.7–99.8% read as UTF-8; their UTF-8 bytes misread as GB18030
// (mojibake: 寤鸿绀句細…) 18.6–20.4%; their GB18030 bytes misread as UTF-8 1.8–2.6%.

const decoder = new TextDecoder('gb18030');

function levelOne(): Set<string> {
  const chars = new Set<string>();
  for (let row = 0xb0; row <= 0xd7; row++) {
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      if (row === 0xd7 && cell > 0xf9) break; // row 55 ends at 0xD7F9 (座)
      chars.add(decoder.decode(new Uint8Array([row, cell])));
    }
  }
  return chars;
}

/** GB 2312 rows 1–9: punctuation, full-width forms, numbered marks (①), kana, Greek, Cyrillic, box drawing. */
function symbols(): Set<string> {
  const chars = new Set<string>();
  for (let row = 0xa1; row <= 0xa9; row++) {
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      const c = decoder.decode(new Uint8Array([row, cell]));
      if (c !== '\ufffd' && !/[\u{e000}-\u{f8ff}]/u.test(c)) chars.add(c);
    }
  }
  return chars;
}

export const commonHanzi: ReadonlySet<string> = levelOne();
/** What Chinese text is mostly made of beyond ASCII: the common characters and GB 2312's symbols. */
export const commonChinese: ReadonlySet<string> = new Set([...commonHanzi, ...symbols()]);
