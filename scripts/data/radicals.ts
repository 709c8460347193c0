// CJK Radicals Supplement (U+2E80–U+2EFF) read as the unified ideographs they stand for. PDF text
// extractors (mupdf, pdfminer) return such code points for text printed by Chromium, as copying from
// a PDF viewer does: a CJK font draws 长 and ⻓ (or 民 and ⺠) with one glyph, and the PDF's map back
// from glyphs to text names the radical. The Kangxi Radicals block (U+2F00–U+2FDF, ⽉ ⽇) needs no
// table: each has a compatibility decomposition to its ideograph, taken by NFKC.
//
// Source: the radicals the project's gold contract folds (../shared/gold/README.md; the table in
// ../shared/tools/score-edition.mjs): the Supplement radicals whose glyph CJK fonts share with an
// ideograph, each read as that ideograph (⺼ → 月, the glyph Noto CJK SC shares, where Unicode's
// EquivalentUnifiedIdeograph.txt names 肉). A radical outside it has no shared glyph, so no page draws
// it for an ideograph: it stays as printed, as the gold keeps it. Used by scripts/pipeline/fold-radicals.ts.
export const radicalSupplement: ReadonlyMap<string, string> = new Map([
  ['⺁', '厂'], // U+2E81 CJK RADICAL CLIFF → U+5382
  ['⺇', '几'], // U+2E87 CJK RADICAL TABLE → U+51E0
  ['⺊', '卜'], // U+2E8A CJK RADICAL DIVINATION → U+535C
  ['⺎', '兀'], // U+2E8E CJK RADICAL LAME ONE → U+5140
  ['⺐', '尢'], // U+2E90 CJK RADICAL LAME THREE → U+5C22
  ['⺒', '巳'], // U+2E92 CJK RADICAL SNAKE → U+5DF3
  ['⺓', '幺'], // U+2E93 CJK RADICAL THREAD → U+5E7A
  ['⺖', '忄'], // U+2E96 CJK RADICAL HEART ONE → U+5FC4
  ['⺘', '扌'], // U+2E98 CJK RADICAL HAND → U+624C
  ['⺙', '攵'], // U+2E99 CJK RADICAL RAP → U+6535
  ['⺛', '旡'], // U+2E9B CJK RADICAL CHOKE → U+65E1
  ['⺝', '月'], // U+2E9D CJK RADICAL MOON → U+6708
  ['⺟', '母'], // U+2E9F CJK RADICAL MOTHER → U+6BCD
  ['⺠', '民'], // U+2EA0 CJK RADICAL CIVILIAN → U+6C11
  ['⺡', '氵'], // U+2EA1 CJK RADICAL WATER ONE → U+6C35
  ['⺢', '氺'], // U+2EA2 CJK RADICAL WATER TWO → U+6C3A
  ['⺣', '灬'], // U+2EA3 CJK RADICAL FIRE → U+706C
  ['⺤', '爫'], // U+2EA4 CJK RADICAL PAW ONE → U+722B
  ['⺦', '丬'], // U+2EA6 CJK RADICAL SIMPLIFIED HALF TREE TRUNK → U+4E2C
  ['⺨', '犭'], // U+2EA8 CJK RADICAL DOG → U+72AD
  ['⺩', '王'], // U+2EA9 CJK RADICAL JADE → U+738B
  ['⺫', '罒'], // U+2EAB CJK RADICAL EYE → U+7F52
  ['⺬', '示'], // U+2EAC CJK RADICAL SPIRIT ONE → U+793A
  ['⺭', '礻'], // U+2EAD CJK RADICAL SPIRIT TWO → U+793B
  ['⺯', '糸'], // U+2EAF CJK RADICAL SILK → U+7CF8
  ['⺰', '纟'], // U+2EB0 CJK RADICAL C-SIMPLIFIED SILK → U+7E9F
  ['⺲', '罒'], // U+2EB2 CJK RADICAL NET TWO → U+7F52
  ['⺷', '羊'], // U+2EB7 CJK RADICAL RAM → U+7F8A
  ['⺹', '耂'], // U+2EB9 CJK RADICAL OLD → U+8002
  ['⺺', '肀'], // U+2EBA CJK RADICAL BRUSH ONE → U+8080
  ['⺼', '月'], // U+2EBC CJK RADICAL MEAT → U+6708
  ['⺾', '艹'], // U+2EBE CJK RADICAL GRASS ONE → U+8279
  ['⺿', '艹'], // U+2EBF CJK RADICAL GRASS TWO → U+8279
  ['⻀', '艹'], // U+2EC0 CJK RADICAL GRASS THREE → U+8279
  ['⻁', '虎'], // U+2EC1 CJK RADICAL TIGER → U+864E
  ['⻂', '衤'], // U+2EC2 CJK RADICAL CLOTHES → U+8864
  ['⻃', '覀'], // U+2EC3 CJK RADICAL WEST ONE → U+8980
  ['⻄', '西'], // U+2EC4 CJK RADICAL WEST TWO → U+897F
  ['⻅', '见'], // U+2EC5 CJK RADICAL C-SIMPLIFIED SEE → U+89C1
  ['⻆', '角'], // U+2EC6 CJK RADICAL SIMPLIFIED HORN → U+89D2
  ['⻈', '讠'], // U+2EC8 CJK RADICAL C-SIMPLIFIED SPEECH → U+8BA0
  ['⻉', '贝'], // U+2EC9 CJK RADICAL C-SIMPLIFIED SHELL → U+8D1D
  ['⻋', '车'], // U+2ECB CJK RADICAL C-SIMPLIFIED CART → U+8F66
  ['⻌', '辶'], // U+2ECC CJK RADICAL SIMPLIFIED WALK → U+8FB6
  ['⻍', '辶'], // U+2ECD CJK RADICAL WALK ONE → U+8FB6
  ['⻎', '辶'], // U+2ECE CJK RADICAL WALK TWO → U+8FB6
  ['⻏', '阝'], // U+2ECF CJK RADICAL CITY → U+961D
  ['⻐', '钅'], // U+2ED0 CJK RADICAL C-SIMPLIFIED GOLD → U+9485
  ['⻑', '長'], // U+2ED1 CJK RADICAL LONG ONE → U+9577
  ['⻒', '镸'], // U+2ED2 CJK RADICAL LONG TWO → U+9578
  ['⻓', '长'], // U+2ED3 CJK RADICAL C-SIMPLIFIED LONG → U+957F
  ['⻔', '门'], // U+2ED4 CJK RADICAL C-SIMPLIFIED GATE → U+95E8
  ['⻖', '阝'], // U+2ED6 CJK RADICAL MOUND TWO → U+961D
  ['⻘', '青'], // U+2ED8 CJK RADICAL BLUE → U+9752
  ['⻙', '韦'], // U+2ED9 CJK RADICAL C-SIMPLIFIED TANNED LEATHER → U+97E6
  ['⻚', '页'], // U+2EDA CJK RADICAL C-SIMPLIFIED LEAF → U+9875
  ['⻛', '风'], // U+2EDB CJK RADICAL C-SIMPLIFIED WIND → U+98CE
  ['⻜', '飞'], // U+2EDC CJK RADICAL C-SIMPLIFIED FLY → U+98DE
  ['⻝', '食'], // U+2EDD CJK RADICAL EAT ONE → U+98DF
  ['⻟', '飠'], // U+2EDF CJK RADICAL EAT THREE → U+98E0
  ['⻠', '饣'], // U+2EE0 CJK RADICAL C-SIMPLIFIED EAT → U+9963
  ['⻢', '马'], // U+2EE2 CJK RADICAL C-SIMPLIFIED HORSE → U+9A6C
  ['⻣', '骨'], // U+2EE3 CJK RADICAL BONE → U+9AA8
  ['⻤', '鬼'], // U+2EE4 CJK RADICAL GHOST → U+9B3C
  ['⻥', '鱼'], // U+2EE5 CJK RADICAL C-SIMPLIFIED FISH → U+9C7C
  ['⻦', '鸟'], // U+2EE6 CJK RADICAL C-SIMPLIFIED BIRD → U+9E1F
  ['⻧', '卤'], // U+2EE7 CJK RADICAL C-SIMPLIFIED SALT → U+5364
  ['⻨', '麦'], // U+2EE8 CJK RADICAL SIMPLIFIED WHEAT → U+9EA6
  ['⻩', '黄'], // U+2EE9 CJK RADICAL SIMPLIFIED YELLOW → U+9EC4
  ['⻪', '黾'], // U+2EEA CJK RADICAL C-SIMPLIFIED FROG → U+9EFE
  ['⻫', '斉'], // U+2EEB CJK RADICAL J-SIMPLIFIED EVEN → U+6589
  ['⻬', '齐'], // U+2EEC CJK RADICAL C-SIMPLIFIED EVEN → U+9F50
  ['⻭', '歯'], // U+2EED CJK RADICAL J-SIMPLIFIED TOOTH → U+6B6F
  ['⻮', '齿'], // U+2EEE CJK RADICAL C-SIMPLIFIED TOOTH → U+9F7F
  ['⻯', '竜'], // U+2EEF CJK RADICAL J-SIMPLIFIED DRAGON → U+7ADC
  ['⻰', '龙'], // U+2EF0 CJK RADICAL C-SIMPLIFIED DRAGON → U+9F99
  ['⻱', '龜'], // U+2EF1 CJK RADICAL TURTLE → U+9F9C
  ['⻲', '亀'], // U+2EF2 CJK RADICAL J-SIMPLIFIED TURTLE → U+4E80
  ['⻳', '龟'], // U+2EF3 CJK RADICAL C-SIMPLIFIED TURTLE → U+9F9F
]);

/**
 * Kangxi radicals whose NFKC form is a traditional variant where the fonts for simplified Chinese share
 * the simplified ideograph's glyph: HOUSE (⼾, U+2F3E) decomposes to 戶 (U+6236); Noto Sans/Serif CJK SC
 * draw it with the glyph of 户 (U+6237), which is what the page shows. A PDF read directly is read as the
 * glyph drawn (户). In flattened text such a radical stays as printed: it shows as 户 in the reader's
 * font, and the gold contract's scorer reads it as 戶 (NFKC), so neither NFKC nor 户 would be the same
 * character to it.
 */
export const kangxiSimplified: ReadonlyMap<string, string> = new Map([['\u2f3e', '户']]);
