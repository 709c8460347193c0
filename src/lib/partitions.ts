// Partitions of a partitioned build (issue 17): the site is built in pieces that build independently.
// A period partition holds the pages under `/<paper>/<YYYY-MM-DD>/…` of the issues in one period of
// every paper (a month, or a third of a month, 旬, for a month too large: see PARTITION_ARTICLES); the
// one archive-wide partition `site` holds everything else (home, paper and year pages, feeds, sitemap,
// search page, about pages, assets). Every partition reads the archive-wide index (all issues: dates,
// pages, headlines) for navigation that crosses partitions, but only its own articles.
//
// A build job (one `astro build`) builds one or more partitions; the driver (scripts/build-site.ts)
// describes it in a JSON file named by the BUILD_JOB environment variable. Without BUILD_JOB, `astro
// build` builds the whole site in one job, as before.
import { readFileSync } from 'node:fs';

export const SITE_PARTITION = 'site';
/** The partition that holds the search index (`pagefind/`): no `astro build`, the indexer alone (scripts/index-search.ts). */
export const SEARCH_PARTITION = 'search';

/**
 * Above this many articles a month is split into thirds (上旬 1–10, 中旬 11–20, 下旬 21–end). Measured on
 * the benchmark (bench/README.md): a partition's rebuild costs Astro and Pagefind about linearly in its
 * articles plus a fixed start-up, and a day's update must stay under a minute at 100k articles.
 */
export const PARTITION_ARTICLES = 2500;

export interface IssueSize {
  /** `<paper>/<YYYY-MM-DD>`. */
  id: string;
  date: string;
  articles: number;
}

export interface Partition {
  id: string;
  /** Issue ids in the partition, sorted (empty for `site`). */
  issues: string[];
  articles: number;
}

/** What one `astro build` builds (the file BUILD_JOB names). */
export interface BuildJob {
  /** Partition ids built by this job. */
  partitions: string[];
  /** Issue ids whose pages this job builds. */
  issues: string[];
  /** Article files (glob patterns relative to `archive/articles/`) this job loads. */
  articles: string[];
  /**
   * A JSON file of every issue without its pages (the archive-wide index: ids, papers, dates), for a
   * job without the archive-wide partition: it then loads only its own issues whole. Unset: every issue
   * is loaded whole (at 500k, 155 MB of issues synced and bundled by every job).
   */
  issueIndex?: string;
}

const dekad = (date: string): number => Math.min(3, Math.floor((Number(date.slice(8, 10)) - 1) / 10) + 1);

/** The period partitions of an archive, oldest first: months, and thirds of a month above `maxArticles`. */
export function planPartitions(issues: readonly IssueSize[], maxArticles = PARTITION_ARTICLES): Partition[] {
  const months = new Map<string, IssueSize[]>();
  for (const issue of issues) {
    const month = issue.date.slice(0, 7);
    months.set(month, [...(months.get(month) ?? []), issue]);
  }
  const parts: Partition[] = [];
  for (const [month, inMonth] of [...months].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const total = inMonth.reduce((n, i) => n + i.articles, 0);
    const groups = new Map<string, IssueSize[]>();
    for (const issue of inMonth) {
      const id = total > maxArticles ? `${month}-${dekad(issue.date)}` : month;
      groups.set(id, [...(groups.get(id) ?? []), issue]);
    }
    for (const [id, list] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
      parts.push({ id, issues: list.map((i) => i.id).sort(), articles: list.reduce((n, i) => n + i.articles, 0) });
    }
  }
  return parts;
}

const DATED = /^[^/]+\/(\d{4}-\d{2}-\d{2})(?:\/|$)/u;

/**
 * The partition a built file belongs to, by its path relative to the site root: pages under an issue's
 * folder to that issue's period, everything else to `site`. `partitionOfIssue` maps issue ids.
 */
export function ownerOf(path: string, partitionOfIssue: ReadonlyMap<string, string>): string {
  const dated = DATED.exec(path);
  if (!dated) return SITE_PARTITION;
  const issue = path.split('/').slice(0, 2).join('/');
  return partitionOfIssue.get(issue) ?? SITE_PARTITION;
}

let job: BuildJob | null | undefined;

/** The job this `astro build` runs (BUILD_JOB), or null for a whole-site build. */
export function currentJob(env: Record<string, string | undefined> = process.env): BuildJob | null {
  if (job === undefined) job = env.BUILD_JOB ? (JSON.parse(readFileSync(env.BUILD_JOB, 'utf8')) as BuildJob) : null;
  return job;
}
