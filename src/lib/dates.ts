// How dates and pages are written on a Chinese newspaper: 2022年2月7日 星期一, 农历壬寅年正月初七,
// 第01版：要闻. Printed values win; what the page did not print is computed from the date
// (weekday from the Gregorian calendar, 农历 lunar date from Intl's Chinese calendar).
import { pad2 } from './urls.ts';

/** 星期 weekday names, indexed like Date#getUTCDay (Sunday first). */
const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

interface YMD {
  year: number;
  month: number;
  day: number;
}

export function parseIsoDate(date: string): YMD {
  const [year, month, day] = date.split('-').map(Number);
  return { year, month, day };
}

/** Midnight UTC of the day; setUTCFullYear, since Date.UTC reads the years 0–99 as 1900–1999. */
export function utc(date: string): Date {
  const { year, month, day } = parseIsoDate(date);
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d;
}

/** 2022-02-07 → 2022年2月7日 */
export function chineseDate(date: string): string {
  const { year, month, day } = parseIsoDate(date);
  return `${year}年${month}月${day}日`;
}

/** 2022-02-07 → 星期一 */
export function weekdayOf(date: string): string {
  return WEEKDAYS[utc(date).getUTCDay()];
}

const lunarFormat = new Intl.DateTimeFormat('zh-CN-u-ca-chinese', { dateStyle: 'long', timeZone: 'UTC' });

/** 农历 lunar date without the word 农历: 2022-02-07 → 壬寅年正月初七 */
export function lunarDateOf(date: string): string {
  const parts = lunarFormat.formatToParts(utc(date));
  const part = (type: string) => parts.find((p) => (p.type as string) === type)?.value ?? '';
  return `${part('yearName')}年${part('month')}${part('day')}`;
}

/** 第01版：要闻, or 第01版 when the page name was not printed. */
export function pageLabel(page: { number: number; name: string | null }): string {
  return page.name ? `第${pad2(page.number)}版：${page.name}` : `第${pad2(page.number)}版`;
}
