// Stage: build issues. Editions (one per seed page) → the archive: papers, issues with their pages, articles.
import type { ArchiveArticle, ArchiveIssue, ArchivePaper } from '../../src/lib/archive-schema.ts';
import { diagnostic, fileStart } from './diagnostics.ts';
import type { Diagnostic, Edition } from './types.ts';

export interface Archive {
  papers: ArchivePaper[];
  issues: ArchiveIssue[];
  articles: ArchiveArticle[];
}

export interface BuildIssuesResult {
  archive: Archive;
  diagnostics: Diagnostic[];
}

export const pageSegment = (page: number): string => String(page).padStart(2, '0');

export function buildIssues(editions: Edition[]): BuildIssuesResult {
  const diagnostics: Diagnostic[] = [];
  const byIssue = new Map<string, Edition[]>();
  for (const edition of [...editions].sort((a, b) => (a.seed < b.seed ? -1 : a.seed > b.seed ? 1 : 0))) {
    const { slug } = edition.publication;
    const { date } = edition.issue;
    if (!slug || !date) {
      diagnostics.push(diagnostic(fileStart(edition.seed), 'error', 'page has no paper or no date; left out of the site', 'build/unplaced-page'));
      continue;
    }
    const key = `${slug}/${date}`;
    byIssue.set(key, [...(byIssue.get(key) ?? []), edition]);
  }

  const issues: ArchiveIssue[] = [];
  const articles: ArchiveArticle[] = [];
  for (const [id, group] of [...byIssue].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const first = group[0]!;
    const issue: ArchiveIssue = {
      id,
      paper: first.publication.slug!,
      paperName: first.publication.name!,
      date: first.issue.date!,
      dateSource: first.issue.date_source ?? 'inferred',
      number: pick(group, (e) => e.issue.number),
      totalPages: pick(group, (e) => e.issue.total_pages),
      lunarDate: pick(group, (e) => e.issue.lunar_date),
      weekday: pick(group, (e) => e.issue.weekday),
      pages: [],
    };
    const pageNumbers = [...new Set(group.flatMap((e) => [...e.pages.map((p) => p.number), ...e.articles.map((a) => a.page)]))].sort((a, b) => a - b);
    for (const number of pageNumbers) {
      const page = {
        number,
        name: pick(group, (e) => e.pages.find((p) => p.number === number)?.name ?? null),
        sources: group.filter((e) => e.pages.some((p) => p.number === number) || e.articles.some((a) => a.page === number)).map((e) => e.seed),
        furniture: number === pageNumbers[0]
          ? group.flatMap((e) => e.furniture.map((f) => ({ kind: f.kind, text: f.text, source: { file: f.position.file, line: f.position.line } })))
          : [],
        articles: [] as ArchiveIssue['pages'][number]['articles'],
      };
      let order = 0;
      for (const edition of group) {
        for (const a of edition.articles.filter((x) => x.page === number)) {
          order++;
          const articleId = `${id}/${pageSegment(number)}/${order}`;
          const chars = a.paragraphs.reduce((n, p) => n + [...p].length, 0);
          articles.push({
            id: articleId, paper: issue.paper, date: issue.date, page: number, order, kind: a.kind,
            kicker: a.kicker, title: a.title, subtitles: a.subtitles, byline: a.byline, paragraphs: a.paragraphs, chars,
            continuedTo: a.continued_to, continuedFrom: a.continued_from, continuedToId: null, continuedFromId: null,
            source: { file: a.position.file, line: a.position.line },
          });
          page.articles.push({ id: articleId, order, kind: a.kind, title: a.title, chars });
        }
      }
      issue.pages.push(page);
    }
    issues.push(issue);
  }

  const papers = new Map<string, ArchivePaper>();
  for (const issue of issues) {
    const paper = papers.get(issue.paper) ?? { id: issue.paper, name: issue.paperName, nameSource: 'inferred', issueDates: [] };
    paper.issueDates.push(issue.date);
    papers.set(issue.paper, paper);
  }
  for (const paper of papers.values()) paper.issueDates.sort().reverse();
  return { archive: { papers: [...papers.values()], issues, articles }, diagnostics };
}

function pick<T>(group: Edition[], get: (e: Edition) => T | null): T | null {
  for (const e of group) {
    const v = get(e);
    if (v != null) return v;
  }
  return null;
}
