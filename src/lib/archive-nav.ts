// Navigation over the whole archive, computed once from plain collection data: issues by id and by
// paper, and each issue's, page's and article's neighbours. Every route looks things up here in
// O(1) instead of scanning collections per page (issue 8: 50k articles must build).
import type { ArchiveIssue, ArchivePaper, ArticleRef, IssuePage } from './archive-schema.ts';
import { buildCalendar, type CalendarYear } from './calendar.ts';
import { pad2 } from './urls.ts';

/** The one before and the one after, in reading (or date) order. */
export interface Neighbours<T> {
  prev: T | null;
  next: T | null;
}

/** An article's place in its issue: its ref plus the page it is printed on. */
export interface ArticleStop extends ArticleRef {
  page: number;
}

export interface PaperSummary {
  id: string;
  name: string;
  /** Its issues, newest first. */
  issues: ArchiveIssue[];
  /** 往期回顾 calendars of the years with issues, newest first. */
  years: CalendarYear[];
}

export interface ArchiveNav {
  /** Papers that have issues, the most recently published first (ties by id). */
  papers: PaperSummary[];
  issueById: Map<string, ArchiveIssue>;
  /** Older (prev, 上一期) and newer (next, 下一期) issue of the same paper. */
  issueNeighbours: Map<string, Neighbours<ArchiveIssue>>;
  /** Keyed by `<issue id>/<NN>`: 上一版 / 下一版 within the issue. */
  pageNeighbours: Map<string, Neighbours<IssuePage>>;
  /** Keyed by article id: 上一篇 / 下一篇 in the issue's reading order, across pages. */
  articleNeighbours: Map<string, Neighbours<ArticleStop>>;
}

export function pageId(issueId: string, page: number): string {
  return `${issueId}/${pad2(page)}`;
}

function neighboursOf<T>(items: readonly T[], key: (item: T) => string, into: Map<string, Neighbours<T>>): void {
  items.forEach((item, i) => into.set(key(item), { prev: items[i - 1] ?? null, next: items[i + 1] ?? null }));
}

/** Pages in page order, each page's articles in reading order (the writer's order is not relied on). */
function sortIssue(issue: ArchiveIssue): ArchiveIssue {
  const pages = [...issue.pages]
    .sort((a, b) => a.number - b.number)
    .map((p) => ({ ...p, articles: [...p.articles].sort((a, b) => a.order - b.order) }));
  return { ...issue, pages };
}

export function buildArchiveNav(papers: readonly ArchivePaper[], issues: readonly ArchiveIssue[]): ArchiveNav {
  const names = new Map(papers.map((p) => [p.id, p.name]));
  const byPaper = new Map<string, ArchiveIssue[]>();
  const issueById = new Map<string, ArchiveIssue>();
  for (const raw of issues) {
    const issue = sortIssue(raw);
    issueById.set(issue.id, issue);
    const list = byPaper.get(issue.paper) ?? [];
    list.push(issue);
    byPaper.set(issue.paper, list);
  }

  const issueNeighbours = new Map<string, Neighbours<ArchiveIssue>>();
  const pageNeighbours = new Map<string, Neighbours<IssuePage>>();
  const articleNeighbours = new Map<string, Neighbours<ArticleStop>>();
  const summaries: PaperSummary[] = [];
  for (const [id, list] of byPaper) {
    list.sort((a, b) => a.date.localeCompare(b.date));
    neighboursOf(list, (i) => i.id, issueNeighbours);
    for (const issue of list) {
      neighboursOf(issue.pages, (p) => pageId(issue.id, p.number), pageNeighbours);
      const stops = issue.pages.flatMap((p) => p.articles.map((a) => ({ ...a, page: p.number })));
      neighboursOf(stops, (a) => a.id, articleNeighbours);
    }
    const issues = [...list].reverse();
    summaries.push({ id, name: names.get(id) ?? list.at(-1)!.paperName, issues, years: buildCalendar(issues.map((i) => i.date)) });
  }
  summaries.sort((a, b) => b.issues[0].date.localeCompare(a.issues[0].date) || a.id.localeCompare(b.id));

  return {
    papers: summaries,
    issueById,
    issueNeighbours,
    pageNeighbours,
    articleNeighbours,
  };
}

/** The issue's page with this number, or undefined when the archive does not hold it. */
export function findPage(issue: ArchiveIssue, number: number): IssuePage | undefined {
  return issue.pages.find((p) => p.number === number);
}

/** What an untitled piece is called in lists: 图片 photo, 简讯 brief; anything else 无题 (untitled). */
const UNTITLED: Partial<Record<ArticleRef['kind'], string>> = { photo: '（图片）', brief: '（简讯）' };

/** The headline a list shows for an article: its title, else the kind of untitled piece it is. */
export function headline(article: { title: string | null; kind: ArticleRef['kind'] }): string {
  return article.title || (UNTITLED[article.kind] ?? '（无题）');
}
