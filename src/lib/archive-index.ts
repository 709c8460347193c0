// The archive as the routes see it: collections loaded once per build and navigation precomputed
// (src/lib/archive-nav.ts). Every archive route (getStaticPaths, the home page, the feeds and sitemap)
// calls loadArchive(); the promise is shared, so the collections are read and indexed once however
// many routes and pages there are.
import { readFileSync } from 'node:fs';
import { getCollection } from 'astro:content';
import type { ArchiveArticle, ArchiveIssue, ArticleRef } from './archive-schema.ts';
import { buildArchiveNav, type ArchiveNav } from './archive-nav.ts';
import { currentJob } from './partitions.ts';
import { excerpt } from './text.ts';

export interface Archive extends ArchiveNav {
  articleById: Map<string, ArchiveArticle>;
}

let loading: Promise<Archive> | undefined;

async function load(): Promise<Archive> {
  const [papers, issues, articles] = await Promise.all([
    getCollection('papers'),
    getCollection('issues'),
    getCollection('articles'),
  ]);
  const nav = buildArchiveNav(
    papers.map((p) => p.data),
    withIndexed(issues.map((i) => i.data)),
  );
  return { ...nav, articleById: new Map(articles.map((a) => [a.data.id, a.data])) };
}

/**
 * The issues loaded whole, and, in a job with an issue index (src/lib/partitions.ts), every other issue
 * from the index (no pages: the pages this job writes link to other issues by paper and date only).
 */
function withIndexed(issues: ArchiveIssue[]): ArchiveIssue[] {
  const index = currentJob()?.issueIndex;
  if (!index) return issues;
  const whole = new Set(issues.map((i) => i.id));
  const others = (JSON.parse(readFileSync(index, 'utf8')) as ArchiveIssue[]).filter((i) => !whole.has(i.id));
  return [...issues, ...others].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function loadArchive(): Promise<Archive> {
  loading ??= load();
  return loading;
}

export type { PaperSummary } from './archive-nav.ts';

/** Each article's opening words (for lists of headlines with leads), by article id. */
export function leadsOf(archive: Archive, refs: readonly ArticleRef[]): Map<string, string> {
  return new Map(refs.map((a) => [a.id, excerpt(archive.articleById.get(a.id)?.paragraphs ?? [], 70)]));
}

/**
 * The issues whose pages (issue, page, issue.json) this build writes: all of them, or in a partitioned
 * build (src/lib/partitions.ts) those of the partitions it builds. Every issue stays in `issueById` for
 * navigation; `articleById` holds only the articles this build loads.
 */
export function issuesToBuild(archive: Archive): ArchiveIssue[] {
  const job = currentJob();
  if (!job) return [...archive.issueById.values()];
  return job.issues.flatMap((id) => archive.issueById.get(id) ?? []);
}
