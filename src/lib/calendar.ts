// 往期回顾: a paper's issue dates laid out as calendars: the years with issues, newest first, each a
// whole year January to December (a month without issues too: a gap in the archive is information),
// weeks starting on Monday (星期一) as Chinese calendars print them.
import { parseIsoDate, utc } from './dates.ts';
import { pad2 } from './urls.ts';

export interface CalendarDay {
  day: number;
  /** ISO date of an issue on this day, or null when nothing was published (or archived). */
  issue: string | null;
}

export interface CalendarMonth {
  month: number;
  /** Rows of seven cells, Monday first; null pads the first and last week. */
  weeks: (CalendarDay | null)[][];
  count: number;
}

export interface CalendarYear {
  year: number;
  /** Issues in the year. */
  count: number;
  /** Its first and last issue dates (ISO): where a jump to a day in a year without issues lands. */
  first: string;
  last: string;
  /** All twelve months, January first (count 0 where none was published or archived). */
  months: CalendarMonth[];
}

/** Column headings, Monday first. */
export const WEEK_HEADINGS = ['一', '二', '三', '四', '五', '六', '日'];

const isoDay = (year: number, month: number, day: number) =>
  `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;

function monthGrid(year: number, month: number, issued: Set<number>): (CalendarDay | null)[][] {
  const days = utc(isoDay(year, month + 1, 0)).getUTCDate();
  const lead = (utc(isoDay(year, month, 1)).getUTCDay() + 6) % 7;
  const cells: (CalendarDay | null)[] = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= days; d++) cells.push({ day: d, issue: issued.has(d) ? isoDay(year, month, d) : null });
  while (cells.length % 7) cells.push(null);
  const weeks: (CalendarDay | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

function emptyYear(year: number): CalendarMonth[] {
  return Array.from({ length: 12 }, (_, i) => ({ month: i + 1, weeks: monthGrid(year, i + 1, new Set()), count: 0 }));
}

/** Lays out issue dates (ISO, any order, duplicates ignored) as year and month calendars. */
export function buildCalendar(dates: readonly string[]): CalendarYear[] {
  const byMonth = new Map<string, Set<number>>();
  for (const date of new Set(dates)) {
    const { year, month, day } = parseIsoDate(date);
    const key = `${year}-${month}`;
    const set = byMonth.get(key) ?? new Set<number>();
    set.add(day);
    byMonth.set(key, set);
  }
  const years = new Map<number, CalendarYear>();
  for (const [key, days] of byMonth) {
    const [year, month] = key.split('-').map(Number);
    const first = isoDay(year, month, Math.min(...days));
    const last = isoDay(year, month, Math.max(...days));
    const entry = years.get(year) ?? { year, count: 0, first, last, months: emptyYear(year) };
    entry.count += days.size;
    if (first < entry.first) entry.first = first;
    if (last > entry.last) entry.last = last;
    entry.months[month - 1] = { month, weeks: monthGrid(year, month, days), count: days.size };
    years.set(year, entry);
  }
  return [...years.values()].sort((a, b) => b.year - a.year);
}
