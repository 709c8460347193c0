// 往年今日 (on this day in earlier years, issue 16): the issues of the same month and day in earlier
// years, this paper's first, then the other papers'. The issue pages list them at build time; the home
// page asks for the reader's today in the browser from a small per-day index (on-this-day/MM-DD.json),
// so the build does not depend on the day it runs.
import type { PaperSummary } from './archive-nav.ts';

export interface DayIssue {
  paper: string;
  paperName: string;
  /** ISO date. */
  date: string;
}

/** `MM-DD` of an ISO date. */
export const monthDay = (date: string) => date.slice(5, 10);

const indexes = new WeakMap<readonly PaperSummary[], Map<string, DayIssue[]>>();

/**
 * Every issue by `MM-DD`, each day's newest first, ties by paper id. Not by the papers' order (most
 * recently published first): that order changes whenever one paper publishes a day the others do
 * not, and with it every issue page listing 往年今日, so a day's update rebuilt years of pages (issue
 * 17, measured at 100k articles: 7 of 43 partitions). Built once per papers list.
 */
export function dayIndex(papers: readonly PaperSummary[]): Map<string, DayIssue[]> {
  let index = indexes.get(papers);
  if (index) return index;
  index = new Map();
  for (const paper of papers) {
    for (const issue of paper.issues) {
      const key = monthDay(issue.date);
      const list = index.get(key) ?? [];
      list.push({ paper: paper.id, paperName: paper.name, date: issue.date });
      index.set(key, list);
    }
  }
  for (const list of index.values()) list.sort((a, b) => b.date.localeCompare(a.date) || (a.paper < b.paper ? -1 : a.paper > b.paper ? 1 : 0));
  indexes.set(papers, index);
  return index;
}

/** The same day in earlier years than `date`: `paper`'s issues first (newest first), then the other papers'. */
export function onThisDay(papers: readonly PaperSummary[], paper: string, date: string): DayIssue[] {
  const earlier = (dayIndex(papers).get(monthDay(date)) ?? []).filter((i) => i.date.slice(0, 4) < date.slice(0, 4));
  return [...earlier.filter((i) => i.paper === paper), ...earlier.filter((i) => i.paper !== paper)];
}

/** Every `MM-DD` of a leap year (2024), 01-01 to 12-31: the days a reader's today can be. */
export function allDays(): string[] {
  return Array.from({ length: 366 }, (_, i) => new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(5, 10));
}
