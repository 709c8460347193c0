// Datelines (电头): how a news item states who reports it, from where and when. A page without a masthead
// is identified from these (identify-page.ts): the paper from 本报济宁讯, the date from the latest
// dated dateline (the page is printed the day after).

/**
 * News agencies and papers whose dated reports other papers reprint (新华社北京3月24日电): one list for
 * identification (below) and for line roles (article-lines.ts `datelineStart`).
 */
export const newsAgencies = ['新华社', '中新社', '中新网', '人民日报', '央视新闻', '央广网', '大众日报', '大众网', '光明日报', '经济日报'];
const agencies = newsAgencies.join('|');

/** 本报讯, 本报济宁讯, 本报济宁12月11日讯: the paper's own report; `place` is where it was filed (not 本报通讯员, a byline). */
export const ownDateline = /本报(?<place>[\p{Script=Han}]{0,6}?)\s*(?:(?<month>\d{1,2})\s*月\s*(?<day>\d{1,2})\s*日)?\s*讯(?!员)/gu;

/** 新华社北京3月24日电, 中新社…电, 人民日报…电: an agency or another paper's dated report. */
export const agencyDateline = new RegExp(`(?:${agencies})\\s*[\\p{Script=Han}]{0,8}?\\s*(?<month>\\d{1,2})\\s*月\\s*(?<day>\\d{1,2})\\s*日\\s*(?:电|讯)`, 'gu');

/**
 * The date that opens a dated report after an undated dateline: 本报讯（记者 薛蓓蓓） 3 月 24 日上午,
 * 东昌府讯 11月18日. `讯` and the optional （…） byline come first.
 */
export const datelineOpeningDate = /讯\s*(?:[（(][^）)\n]{0,40}[）)])?\s*(?<month>\d{1,2})\s*月\s*(?<day>\d{1,2})\s*日/gu;

/** Any month-day date in running text (3月24日); the weakest evidence of when a page was printed. */
export const monthDay = /(?<!\d\s*年\s*)(?<month>\d{1,2})\s*月\s*(?<day>\d{1,2})\s*日/gu;

/** A full date or year-month in running text (自2021年11月30日起, 2021年9月): pins the year. */
export const fullDate = /(?<year>(?:19|20)\d{2})\s*年\s*(?<month>\d{1,2})\s*月(?:\s*(?<day>\d{1,2})\s*日)?/gu;

/** A year in running text (2021年文明城市创建工作). */
export const yearMention = /(?<![\d.])(?<year>(?:19|20)\d{2})(?=\s*年)/gu;

/** What before a year makes it a future year, not the year of printing (到2035年, 2021—2025年). */
export const futureYearContext = /(?:承办|筹办|到|至|迎接|迎来|展望|远景|[—－~～-])\s*$/u;

/** A paper named after its place opening a report with its own name: 东昌府讯 11月18日，… (line start). */
export const namedPaperDateline = /^\s*(?<place>[\p{Script=Han}]{2,6}?)讯(?=[\s（(]|\d)/gmu;
