// CJK Radicals Supplement (U+2E80–U+2EFF) read as the unified ideographs they stand for. PDF text
// extractors (mupdf, pdfminer) return such code points for text printed by Chromium, as copying from
// a PDF viewer does: a CJK font draws 长 and ⻓ (or 民 and ⺠) with one glyph, and the PDF's map back
// from glyphs to text names the radical. The Kangxi Radicals block (U+2F00–U+2FDF, ⽉ ⽇) needs no
// table: each has a compatibility decomposition to its ideograph, taken by NFKC.
//
// Source: the Unicode Character Database, EquivalentUnifiedIdeograph.txt, version 15.0.0 (2022-04-26;
// https://www.unicode.org/Public/15.0.0/ucd/EquivalentUnifiedIdeograph.txt, Debian's unicode-data),
// the Equivalent_Unified_Ideograph property of UAX #44: "visually identical or near-identical" unified
// ideographs. Checked against the glyphs Noto Sans CJK SC and Noto Serif CJK SC share between a radical
// and an ideograph (fontTools, each font's cmap): they agree wherever a glyph is shared, save the one
// entry marked below, where the font's shared ideograph is taken. U+2E80 (CJK RADICAL REPEAT) has no
// equivalent and stays as printed. Used by scripts/pipeline/fold-radicals.ts.
export const radicalSupplement: ReadonlyMap<string, string> = new Map([
  ['⺁', '厂'], // U+2E81 CJK RADICAL CLIFF → U+5382
  ['⺂', '乛'], // U+2E82 CJK RADICAL SECOND ONE → U+4E5B
  ['⺃', '乚'], // U+2E83 CJK RADICAL SECOND TWO → U+4E5A
  ['⺄', '乙'], // U+2E84 CJK RADICAL SECOND THREE → U+4E59
  ['⺅', '亻'], // U+2E85 CJK RADICAL PERSON → U+4EBB
  ['⺆', '冂'], // U+2E86 CJK RADICAL BOX → U+5182
  ['⺇', '𠘨'], // U+2E87 CJK RADICAL TABLE → U+20628
  ['⺈', '刀'], // U+2E88 CJK RADICAL KNIFE ONE → U+5200
  ['⺉', '刂'], // U+2E89 CJK RADICAL KNIFE TWO → U+5202
  ['⺊', '卜'], // U+2E8A CJK RADICAL DIVINATION → U+535C
  ['⺋', '㔾'], // U+2E8B CJK RADICAL SEAL → U+353E
  ['⺌', '小'], // U+2E8C CJK RADICAL SMALL ONE → U+5C0F
  ['⺍', '小'], // U+2E8D CJK RADICAL SMALL TWO → U+5C0F
  ['⺎', '兀'], // U+2E8E CJK RADICAL LAME ONE → U+5140
  ['⺏', '尣'], // U+2E8F CJK RADICAL LAME TWO → U+5C23
  ['⺐', '尢'], // U+2E90 CJK RADICAL LAME THREE → U+5C22
  ['⺑', '𡯂'], // U+2E91 CJK RADICAL LAME FOUR → U+21BC2
  ['⺒', '巳'], // U+2E92 CJK RADICAL SNAKE → U+5DF3
  ['⺓', '幺'], // U+2E93 CJK RADICAL THREAD → U+5E7A
  ['⺔', '彑'], // U+2E94 CJK RADICAL SNOUT ONE → U+5F51
  ['⺕', '𫜹'], // U+2E95 CJK RADICAL SNOUT TWO → U+2B739
  ['⺖', '忄'], // U+2E96 CJK RADICAL HEART ONE → U+5FC4
  ['⺗', '心'], // U+2E97 CJK RADICAL HEART TWO → U+5FC3
  ['⺘', '扌'], // U+2E98 CJK RADICAL HAND → U+624C
  ['⺙', '攵'], // U+2E99 CJK RADICAL RAP → U+6535
  ['⺛', '旡'], // U+2E9B CJK RADICAL CHOKE → U+65E1
  ['⺜', '日'], // U+2E9C CJK RADICAL SUN → U+65E5
  ['⺝', '月'], // U+2E9D CJK RADICAL MOON → U+6708
  ['⺞', '歺'], // U+2E9E CJK RADICAL DEATH → U+6B7A
  ['⺟', '母'], // U+2E9F CJK RADICAL MOTHER → U+6BCD
  ['⺠', '民'], // U+2EA0 CJK RADICAL CIVILIAN → U+6C11
  ['⺡', '氵'], // U+2EA1 CJK RADICAL WATER ONE → U+6C35
  ['⺢', '氺'], // U+2EA2 CJK RADICAL WATER TWO → U+6C3A
  ['⺣', '灬'], // U+2EA3 CJK RADICAL FIRE → U+706C
  ['⺤', '爫'], // U+2EA4 CJK RADICAL PAW ONE → U+722B
  ['⺥', '爫'], // U+2EA5 CJK RADICAL PAW TWO → U+722B
  ['⺦', '丬'], // U+2EA6 CJK RADICAL SIMPLIFIED HALF TREE TRUNK → U+4E2C
  ['⺧', '牛'], // U+2EA7 CJK RADICAL COW → U+725B
  ['⺨', '犭'], // U+2EA8 CJK RADICAL DOG → U+72AD
  ['⺩', '王'], // U+2EA9 CJK RADICAL JADE → U+738B
  ['⺪', '𤴔'], // U+2EAA CJK RADICAL BOLT OF CLOTH → U+24D14
  ['⺫', '罒'], // U+2EAB CJK RADICAL EYE → U+7F52 (Unicode gives 目 U+76EE; Noto Serif CJK SC draws ⺫ with the glyph of 罒)
  ['⺬', '示'], // U+2EAC CJK RADICAL SPIRIT ONE → U+793A
  ['⺭', '礻'], // U+2EAD CJK RADICAL SPIRIT TWO → U+793B
  ['⺮', '𥫗'], // U+2EAE CJK RADICAL BAMBOO → U+25AD7
  ['⺯', '糹'], // U+2EAF CJK RADICAL SILK → U+7CF9
  ['⺰', '纟'], // U+2EB0 CJK RADICAL C-SIMPLIFIED SILK → U+7E9F
  ['⺱', '罓'], // U+2EB1 CJK RADICAL NET ONE → U+7F53
  ['⺲', '罒'], // U+2EB2 CJK RADICAL NET TWO → U+7F52
  ['⺳', '㓁'], // U+2EB3 CJK RADICAL NET THREE → U+34C1
  ['⺴', '冗'], // U+2EB4 CJK RADICAL NET FOUR → U+5197
  ['⺵', '𦉫'], // U+2EB5 CJK RADICAL MESH → U+2626B
  ['⺶', '羊'], // U+2EB6 CJK RADICAL SHEEP → U+7F8A
  ['⺷', '𦍌'], // U+2EB7 CJK RADICAL RAM → U+2634C
  ['⺸', '𦍋'], // U+2EB8 CJK RADICAL EWE → U+2634B
  ['⺹', '耂'], // U+2EB9 CJK RADICAL OLD → U+8002
  ['⺺', '肀'], // U+2EBA CJK RADICAL BRUSH ONE → U+8080
  ['⺻', '聿'], // U+2EBB CJK RADICAL BRUSH TWO → U+807F
  ['⺼', '肉'], // U+2EBC CJK RADICAL MEAT → U+8089
  ['⺽', '𦥑'], // U+2EBD CJK RADICAL MORTAR → U+26951
  ['⺾', '艹'], // U+2EBE CJK RADICAL GRASS ONE → U+8279
  ['⺿', '艹'], // U+2EBF CJK RADICAL GRASS TWO → U+8279
  ['⻀', '艹'], // U+2EC0 CJK RADICAL GRASS THREE → U+8279
  ['⻁', '虎'], // U+2EC1 CJK RADICAL TIGER → U+864E
  ['⻂', '衤'], // U+2EC2 CJK RADICAL CLOTHES → U+8864
  ['⻃', '覀'], // U+2EC3 CJK RADICAL WEST ONE → U+8980
  ['⻄', '西'], // U+2EC4 CJK RADICAL WEST TWO → U+897F
  ['⻅', '见'], // U+2EC5 CJK RADICAL C-SIMPLIFIED SEE → U+89C1
  ['⻆', '角'], // U+2EC6 CJK RADICAL SIMPLIFIED HORN → U+89D2
  ['⻇', '𧢲'], // U+2EC7 CJK RADICAL HORN → U+278B2
  ['⻈', '讠'], // U+2EC8 CJK RADICAL C-SIMPLIFIED SPEECH → U+8BA0
  ['⻉', '贝'], // U+2EC9 CJK RADICAL C-SIMPLIFIED SHELL → U+8D1D
  ['⻊', '𧾷'], // U+2ECA CJK RADICAL FOOT → U+27FB7
  ['⻋', '车'], // U+2ECB CJK RADICAL C-SIMPLIFIED CART → U+8F66
  ['⻌', '辶'], // U+2ECC CJK RADICAL SIMPLIFIED WALK → U+8FB6
  ['⻍', '辶'], // U+2ECD CJK RADICAL WALK ONE → U+8FB6
  ['⻎', '辶'], // U+2ECE CJK RADICAL WALK TWO → U+8FB6
  ['⻏', '邑'], // U+2ECF CJK RADICAL CITY → U+9091
  ['⻐', '钅'], // U+2ED0 CJK RADICAL C-SIMPLIFIED GOLD → U+9485
  ['⻑', '長'], // U+2ED1 CJK RADICAL LONG ONE → U+9577
  ['⻒', '镸'], // U+2ED2 CJK RADICAL LONG TWO → U+9578
  ['⻓', '长'], // U+2ED3 CJK RADICAL C-SIMPLIFIED LONG → U+957F
  ['⻔', '门'], // U+2ED4 CJK RADICAL C-SIMPLIFIED GATE → U+95E8
  ['⻕', '𨸏'], // U+2ED5 CJK RADICAL MOUND ONE → U+28E0F
  ['⻖', '阝'], // U+2ED6 CJK RADICAL MOUND TWO → U+961D
  ['⻗', '雨'], // U+2ED7 CJK RADICAL RAIN → U+96E8
  ['⻘', '青'], // U+2ED8 CJK RADICAL BLUE → U+9752
  ['⻙', '韦'], // U+2ED9 CJK RADICAL C-SIMPLIFIED TANNED LEATHER → U+97E6
  ['⻚', '页'], // U+2EDA CJK RADICAL C-SIMPLIFIED LEAF → U+9875
  ['⻛', '风'], // U+2EDB CJK RADICAL C-SIMPLIFIED WIND → U+98CE
  ['⻜', '飞'], // U+2EDC CJK RADICAL C-SIMPLIFIED FLY → U+98DE
  ['⻝', '食'], // U+2EDD CJK RADICAL EAT ONE → U+98DF
  ['⻞', '𩙿'], // U+2EDE CJK RADICAL EAT TWO → U+2967F
  ['⻟', '飠'], // U+2EDF CJK RADICAL EAT THREE → U+98E0
  ['⻠', '饣'], // U+2EE0 CJK RADICAL C-SIMPLIFIED EAT → U+9963
  ['⻡', '𩠐'], // U+2EE1 CJK RADICAL HEAD → U+29810
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
 * draw it with the glyph of 户 (U+6237), which is what the page shows and the text reads.
 */
export const kangxiSimplified: ReadonlyMap<string, string> = new Map([['\u2f3e', '户']]);
