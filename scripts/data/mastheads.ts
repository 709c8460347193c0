// Masthead (报头) knowledge: the pieces a Chinese paper prints around its name, and the words used in them.
// scripts/pipeline/identify-page.ts reads a masthead line by taking these tokens off it one by one; a
// line that nothing but tokens (and separators) make up is masthead furniture.

/** Chinese numerals in dates and page counts (二〇二二年二月七日, 今日八版). */
export const chineseDigits: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10,
};

/** A number written with Arabic digits, full-width digits or Chinese numerals (up to 99, or digit by digit). */
export function parseNumber(text: string): number | null {
  const ascii = text.replace(/[０-９]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\s+/gu, '');
  if (/^\d+$/u.test(ascii)) return Number(ascii);
  const chars = [...ascii];
  if (!chars.length || chars.some((c) => chineseDigits[c] === undefined)) return null;
  if (!chars.includes('十')) return Number(chars.map((c) => chineseDigits[c]).join(''));
  const [tens, ones] = ascii.split('十');
  return (tens ? chineseDigits[tens]! : 1) * 10 + (ones ? chineseDigits[ones]! : 0);
}

const num = String.raw`[\d０-９〇零一二三四五六七八九十]`;

/** 干支 year of the 农历: 壬寅年. */
const lunarYear = '[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年';
/** 农历 month and day: 正月初七, 闰二月, 冬月廿九. */
const lunarMonthDay = '(?:闰)?[正一二三四五六七八九十冬腊]{1,2}月\\s*(?:初[一二三四五六七八九十]|十[一二三四五六七八九]|二十|廿[一二三四五六七八九]|三十|卅)?';

/**
 * The tokens of a masthead, each a regex over one line (flag `u`, no anchors). The order matters: longer
 * tokens first, so that 总第1486期 is not read as 第1486期 and a leftover 总.
 */
export const mastheadTokens = {
  /** 公历 date: 2022年2月7日, 2021 年 2 月 25 日, 二〇二二年二月七日. */
  date: new RegExp(String.raw`(?<year>${num}{4})\s*年\s*(?<month>${num}{1,2})\s*月\s*(?<day>${num}{1,3})\s*日`, 'u'),
  /** The same date in figures, as some e-paper exports print it: 2022-02-07, 2022.2.7. */
  numericDate: /(?<![\d.])(?<year>(?:19|20)\d{2})\s*[-./]\s*(?<month>\d{1,2})\s*[-./]\s*(?<day>\d{1,2})(?![\d.])/u,
  /** 星期一 … 星期日 / 星期天, 周一 … 周日. */
  weekday: /(?:星期|礼拜|周)[一二三四五六日天]/u,
  /**
   * 农历 date: 农历壬寅年正月初七, 壬寅年正月初七, 农历正月初七. The word 农历 is not part of the recorded
   * date; without the 干支 year it is required.
   */
  lunar: new RegExp(String.raw`(?:农历\s*)?(?<date>${lunarYear}\s*${lunarMonthDay})|农历\s*(?<bare>${lunarMonthDay})`, 'u'),
  /** 期号 issue number: 第9534期, 总第1486期, 第 1 期, 2022年第3期. */
  number: new RegExp(String.raw`(?:(?:${num}{4})\s*年\s*)?(?:总\s*)?第\s*${num}+\s*期`, 'u'),
  /** 今日8版, 本期16版, 共4版: how many pages the issue has. */
  totalPages: new RegExp(String.raw`(?:今日|本期|今天|共)\s*(?<count>${num}{1,3})\s*版`, 'u'),
  /** 第01版：要闻: the page number and, where printed, the page name (版名). */
  page: new RegExp(String.raw`第\s*(?<page>${num}{1,3})\s*版(?:\s*[：:]\s*(?<name>[\p{Script=Han}A-Za-z·]{1,12}))?`, 'u'),
  /** 国内统一连续出版物号 CN 37-0048, 国内统一刊号, 邮发代号 23-56. */
  serial: /(?:国内统一(?:连续出版物号|刊号)\s*[：:]?\s*)?CN\s*\d{2}\s*[-－—]\s*\d{4}(?:\s*\/\s*[A-Z]+)?|邮发代号\s*[：:]?\s*\d+\s*[-－—]\s*\d+/u,
  /** 网址：http://…, 投稿邮箱：…@…, bare addresses. */
  contact: /(?:(?:网址|网站|投稿邮箱|邮箱|电子邮箱|E-?mail)\s*[：:]\s*)?(?:<?https?:\/\/[^\s>]+>?|(?:www\.)[^\s]+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+)/iu,
  /** Colophon fields (报头 small print): 地址：…, 电话：…, 邮编：…, 定价：1.50元. */
  colophon: /(?:社址|地址|电话|传真|邮编|邮政编码|广告(?:经营)?许可证|定价|零售价|印刷)\s*[：:]\s*[^\s：:]+/u,
  /** Publisher lines: 聊城日报社出版, 中共聊城市委机关报, 主管/主办 lines. */
  publisher: /[\p{Script=Han}]{2,20}社出版|中共[\p{Script=Han}]{1,20}委(?:员会)?机关报|(?:主管|主办|主管主办|出版)\s*[：:]\s*[\p{Script=Han}、]{2,40}/u,
};

/**
 * Characters each token cannot be printed without (it needs one of them): read-masthead.ts looks for a
 * token only on lines holding one. date 年, 农历 dates 月, 期号 期, page counts and numbers 版, a figure
 * date's year 19/20, serials CN or 邮发, contacts a URL's : or . or a mail's @, colophon fields their
 * colon, publisher lines 社出版, 机关报 or a colon.
 */
export const mastheadTokenNeeds: Record<keyof typeof mastheadTokens, string> = {
  date: '年',
  numericDate: '12',
  weekday: '星礼周',
  lunar: '月',
  number: '期',
  totalPages: '版',
  page: '版',
  serial: 'C邮',
  contact: ':.@',
  colophon: '：:',
  publisher: '社机：:',
};

/** What may stand between tokens on a masthead line and still leave it all masthead. */
export const mastheadSeparators = /^[\s|｜/／·•、,，;；:：()（）【】\[\]<>《》*#_—–-]*$/u;

/** A paper's printed name in Latin letters (DONGCHANGSHIXUN, LIAOCHENG DAILY). */
export const latinNameLine = /^[A-Z][A-Z\s.·-]{5,40}$/u;

/** The name of the paper as the publisher line prints it: 聊城日报社出版 → 聊城日报. */
export const publisherPaperName = /(?<name>[\p{Script=Han}]{2,20}报)社出版/u;

/**
 * How the names of papers and bulletins end, with the English word their URL slug uses. Longest first.
 * 讯 (a district's news sheet, 东昌府讯) keeps its pinyin.
 */
export const paperNameSuffixes: { suffix: string; slug: string }[] = [
  { suffix: '工作简报', slug: 'bulletin' },
  { suffix: '简报', slug: 'bulletin' },
  { suffix: '日报', slug: 'daily' },
  { suffix: '晚报', slug: 'evening-news' },
  { suffix: '早报', slug: 'morning-post' },
  { suffix: '晨报', slug: 'morning-post' },
  { suffix: '都市报', slug: 'metropolis-daily' },
  { suffix: '时报', slug: 'times' },
  { suffix: '商报', slug: 'business-news' },
  { suffix: '周报', slug: 'weekly' },
  { suffix: '周刊', slug: 'weekly' },
  { suffix: '导报', slug: 'herald' },
  { suffix: '快报', slug: 'express' },
  { suffix: '通讯', slug: 'newsletter' },
  { suffix: '信息', slug: 'news' },
  { suffix: '讯', slug: 'xun' },
  { suffix: '报', slug: 'news' },
];

/** The suffix given to a paper inferred from its place (本报济宁讯 → 济宁日报): a local daily. */
export const inferredPaperSuffix = '日报';

/** Lines that name the issuing office of a bulletin (聊城市…工作办公室), kept with the masthead. */
export const issuingOfficeLine = /^[\p{Script=Han}（）()]{4,30}(?:办公室|委员会|指挥部|领导小组|编辑部|工作组)$/u;

/** Weekday names as Intl prints them (index 0 = Sunday) and the printed variants. */
export const weekdayNumbers: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };

/** 农历 day numbers as printed: 1 → 初一, 20 → 二十, 29 → 廿九. */
export function lunarDayName(day: number): string {
  const units = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  if (day <= 10) return `初${units[day]}`;
  if (day < 20) return `十${units[day - 10]}`;
  if (day === 20) return '二十';
  if (day < 30) return `廿${units[day - 20]}`;
  return '三十';
}
