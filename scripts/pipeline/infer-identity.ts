// Stage: infer identity. The text of a page with no masthead → its likely paper and date, with the
// evidence, the way an archivist would read it:
// - the paper: a paper named after its place opens reports with its name (东昌府讯 11月18日); a local
//   daily reports its own city (本报济宁讯; mentions of the city and the counties
//   and districts under it), so the most reported city names the paper (<city>日报);
// - the date: a daily prints yesterday's news, so the page appeared the day after its latest dated
//   dateline (本报…12月11日讯, 新华社…3月24日电, 本报讯（记者…）3月24日…); the year comes from full
//   dates in the text (自2021年11月30日起, 2021年9月), else from the latest year the text names as
//   present or past.
import { agencyDateline, datelineOpeningDate, fullDate, futureYearContext, monthDay, namedPaperDateline, ownDateline, yearMention } from '../data/datelines.ts';
import { inferredPaperSuffix, paperNameSuffixes } from '../data/mastheads.ts';
import { findPlace, places } from '../data/places.ts';
import { isoDate } from './read-masthead.ts';
import type { Manifest } from './types.ts';

export interface InferredPaper {
  name: string;
  /** Why: the city and how often it is named. */
  evidence: string;
}

export interface InferredDate {
  date: string;
  evidence: string;
}

/** Weight of a 本报<place>讯 dateline against a plain mention of the place. */
const DATELINE_WEIGHT = 5;

export function inferPaper(text: string, manifest: Manifest): InferredPaper | null {
  const named = placeNamedPaper(text);
  if (named) return named;
  const flat = text.replace(/\s+/gu, '');
  const scores = new Map<string, number>();
  for (const place of places) {
    const n = countOf(flat, place.name);
    if (n) scores.set(place.city, (scores.get(place.city) ?? 0) + n);
  }
  for (const m of flat.matchAll(ownDateline)) {
    const filed = m.groups!.place;
    const place = filed ? findPlace(filed) : undefined;
    if (place) scores.set(place.city, (scores.get(place.city) ?? 0) + DATELINE_WEIGHT);
  }
  const best = mostCounted(scores);
  if (!best) return null;
  const [city, score] = best;
  return { name: localPaperName(city, manifest), evidence: `${city} is named or dated ${score} times` };
}

/** A paper that opens its reports with its own place name (东昌府讯 11月18日), the most frequent one. */
function placeNamedPaper(text: string): InferredPaper | null {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(namedPaperDateline)) {
    const place = m.groups!.place!;
    if (findPlace(place)) counts.set(place, (counts.get(place) ?? 0) + 1);
  }
  const best = mostCounted(counts);
  return best ? { name: `${best[0]}讯`, evidence: `reports open with ${best[0]}讯 ${best[1]} times` } : null;
}

/** The manifest's daily (or other paper) named after the city, else <city>日报. */
function localPaperName(city: string, manifest: Manifest): string {
  const names = Object.values(manifest.publications).map((p) => p.name).sort();
  const isNewspaper = (name: string) => {
    const kind = paperNameSuffixes.find(({ suffix }) => name.endsWith(suffix));
    return kind !== undefined && kind.slug !== 'bulletin';
  };
  const papers = names.filter((name) => name.startsWith(city) && isNewspaper(name));
  return papers.find((name) => name.endsWith(inferredPaperSuffix)) ?? papers[0] ?? `${city}${inferredPaperSuffix}`;
}

export function inferDate(text: string): InferredDate | null {
  const flat = text.replace(/\n+/gu, '');
  const datelines = [...flat.matchAll(ownDateline), ...flat.matchAll(agencyDateline), ...flat.matchAll(datelineOpeningDate)]
    .map((m) => monthDayOf(m.groups!))
    .filter((d): d is MonthDay => d !== null);
  let latest: MonthDay | undefined;
  let evidence: string;
  if (datelines.length) {
    latest = datelines.sort(compareMonthDay).at(-1)!;
    evidence = `latest dateline is ${latest.month}月${latest.day}日`;
  } else {
    // No dated dateline: the date the text names most often (ties: the later one).
    const counts = new Map<string, { d: MonthDay; n: number }>();
    for (const m of flat.matchAll(monthDay)) {
      const d = monthDayOf(m.groups!);
      if (!d) continue;
      const key = `${d.month}-${d.day}`;
      counts.set(key, { d, n: (counts.get(key)?.n ?? 0) + 1 });
    }
    const best = [...counts.values()].sort((a, b) => b.n - a.n || compareMonthDay(b.d, a.d))[0];
    if (!best) return null;
    latest = best.d;
    evidence = `most named date is ${latest.month}月${latest.day}日`;
  }
  const year = inferYear(flat, latest);
  if (!year) return null;
  const printed = new Date(Date.UTC(year.year, latest.month - 1, latest.day + 1));
  return {
    date: isoDate(printed.getUTCFullYear(), printed.getUTCMonth() + 1, printed.getUTCDate()),
    evidence: `${evidence} (+1 day); year ${year.year} from ${year.evidence}`,
  };
}

interface MonthDay {
  month: number;
  day: number;
}

function monthDayOf(groups: Record<string, string | undefined>): MonthDay | null {
  if (!groups.month || !groups.day) return null;
  const month = Number(groups.month), day = Number(groups.day);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? { month, day } : null;
}

const compareMonthDay = (a: MonthDay, b: MonthDay): number => a.month - b.month || a.day - b.day;

/**
 * The year of a month-day: each full date in the text votes for the year that puts the month-day
 * nearest to it; without full dates, the latest year named outside a future context (承办2022…).
 */
function inferYear(text: string, at: MonthDay): { year: number; evidence: string } | null {
  const votes = new Map<number, number>();
  for (const m of text.matchAll(fullDate)) {
    const full = Date.UTC(Number(m.groups!.year), Number(m.groups!.month) - 1, Number(m.groups!.day ?? 15));
    const y = Number(m.groups!.year);
    const nearest = [y - 1, y, y + 1].sort((a, b) => Math.abs(Date.UTC(a, at.month - 1, at.day) - full) - Math.abs(Date.UTC(b, at.month - 1, at.day) - full))[0]!;
    votes.set(nearest, (votes.get(nearest) ?? 0) + 1);
  }
  const voted = [...votes].sort(([a, x], [b, y]) => y - x || b - a)[0];
  if (voted) return { year: voted[0], evidence: 'full dates in the text' };
  const years = [...text.matchAll(yearMention)]
    .filter((m) => !futureYearContext.test(text.slice(Math.max(0, m.index - 6), m.index)))
    .map((m) => Number(m.groups!.year));
  if (!years.length) return null;
  // reduce, not Math.max(...years): a long page can name more years than a call takes arguments.
  return { year: years.reduce((a, b) => Math.max(a, b)), evidence: 'the latest year the text names' };
}

/** The key counted most (ties: the first in code-point order). */
function mostCounted(counts: Map<string, number>): [string, number] | undefined {
  return [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))[0];
}

function countOf(text: string, word: string): number {
  let n = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) n++;
  return n;
}
