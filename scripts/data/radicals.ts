// Radical code points that PDF text comes out as. CJK fonts share one glyph between an ideograph and
// the radical of the same shape, and some PDF engines (Chromium's among them) write the radical's code
// point into the text map: 日 comes out as ⽇ (KANGXI RADICAL SUN, U+2F47), 长 as ⻓ (CJK RADICAL C-SIMPLIFIED
// LONG, U+2EA7). A reader of the page sees the ideograph, so that is what we read.
//
// Kangxi radicals (U+2F00–U+2FD5) decompose to their ideograph under NFKC (Unicode's own mapping).
// The CJK Radicals Supplement (U+2E80–U+2EF3) has no such mapping for most of its characters: this table
// gives the ideograph each stands for (the same pairs as ../shared/tools/score-edition.mjs folds).
const supplementPairs =
  '⺁厂⺇几⺊卜⺎兀⺐尢⺒巳⺓幺⺖忄⺘扌⺙攵⺛旡⺝月⺟母⺠民⺡氵⺢氺⺣灬⺤爫⺦丬⺨犭⺩王⺫罒⺬示⺭礻⺯糸⺰纟⺲罒⺷羊⺹耂⺺肀⺼月⺾艹⺿艹⻀艹⻁虎⻂衤⻃覀⻄西⻅见⻆角⻈讠⻉贝⻋车⻌辶⻍辶⻎辶⻏阝⻐钅⻑長⻒镸⻓长⻔门⻖阝⻘青⻙韦⻚页⻛风⻜飞⻝食⻟飠⻠饣⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟';

export const radicalSupplement: ReadonlyMap<string, string> = new Map(
  [...supplementPairs].flatMap((c, i, all) => (i % 2 ? [] : [[c, all[i + 1]!] as const])),
);

/**
 * Kangxi radicals whose NFKC form is a traditional variant where fonts for simplified Chinese share
 * the simplified ideograph's glyph: HOUSE (⼾, U+2F3E) decomposes to 戶 (U+6236); the text reads 户 (U+6237).
 */
const kangxiSimplified: ReadonlyMap<string, string> = new Map([['\u2f3e', '户']]);

/** Text with every radical code point read as the ideograph it stands for; nothing else changes. */
export function foldRadicals(text: string): string {
  return text.replace(/[\u2e80-\u2eff\u2f00-\u2fdf]/gu, (c) => radicalSupplement.get(c) ?? kangxiSimplified.get(c) ?? c.normalize('NFKC'));
}
