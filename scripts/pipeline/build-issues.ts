// Stage: build issues. Editions (one per seed file) → the archive: papers, issues with their pages, and
// articles with permanent ids `<paper>/<date>/<NN>/<k>`. Continuations (下转第N版 / 上接第N版) are linked
// when both halves are in the issue. Everything is sorted, so the same editions give the same archive.
import type { ArchiveArticle, ArchiveIssue, ArchivePaper, IssuePage } from '../../src/lib/archive-schema.ts';
import { pad2 } from '../../src/lib/urls.ts';
import { reservedSlugPattern, reservedSlugs } from '../data/reserved-slugs.ts';
import { diagnostic, fileStart } from './diagnostics.ts';
import type { Diagnostic, Edition, ExtractedArticle, MetaSource } from './types.ts';

export interface Archive {
  papers: ArchivePaper[];
  issues: ArchiveIssue[];
  articles: ArchiveArticle[];
}

export interface BuildIssuesResult {
  archive: Archive;
  diagnostics: Diagnostic[];
}

/** The highest page number accepted: no printed issue has more pages (the largest Sunday papers ~500). */
const MAX_PAGE = 999;
const isPageNumber = (n: number): boolean => Number.isSafeInteger(n) && n >= 1 && n <= MAX_PAGE;

/** Strongest first (shared/DESIGN.md §1). */
const sourceRank: Record<MetaSource, number> = { manifest: 0, path: 1, masthead: 2, inferred: 3 };
const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export interface BuildIssuesOptions {
  /** Today as YYYY-MM-DD (UTC by default): issues dated after it are reported as future dates. */
  today?: string;
}

export function buildIssues(editions: Edition[], options: BuildIssuesOptions = {}): BuildIssuesResult {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const diagnostics: Diagnostic[] = [];
  const byIssue = new Map<string, Edition[]>();
  editions = [...editions].sort((a, b) => byString(a.seed, b.seed)).map((e) => avoidReservedSlug(e, diagnostics));
  for (const edition of editions) {
    const { slug } = edition.publication;
    const { date } = edition.issue;
    if (!slug || !date) {
      diagnostics.push(diagnostic(fileStart(edition.seed), 'error', 'page has no paper or no date; left out of the site', 'build/unplaced-page'));
      continue;
    }
    const badPage = [...edition.pages.map((p) => p.number), ...edition.articles.map((a) => a.page)].find((n) => !isPageNumber(n));
    if (badPage !== undefined) {
      diagnostics.push(diagnostic(fileStart(edition.seed), 'error', `page number ${badPage} is not 1–${MAX_PAGE}; page left out of the site`, 'build/bad-page-number'));
      continue;
    }
    const key = `${slug}/${date}`;
    byIssue.set(key, [...(byIssue.get(key) ?? []), edition]);
  }

  const issues: ArchiveIssue[] = [];
  const articles: ArchiveArticle[] = [];
  for (const [id, group] of [...byIssue].sort(([a], [b]) => byString(a, b))) {
    const built = buildIssue(id, group, diagnostics);
    checkIssue(built.issue, today, diagnostics);
    issues.push(built.issue);
    articles.push(...built.articles);
  }
  return { archive: { papers: buildPapers(issues, editions, diagnostics), issues, articles }, diagnostics };
}

/** A paper slug the site uses for its own pages (about, search, …) gets `-paper` appended, with a warning. */
function avoidReservedSlug(edition: Edition, diagnostics: Diagnostic[]): Edition {
  const { slug } = edition.publication;
  if (!slug || !(reservedSlugs.has(slug) || reservedSlugPattern.test(slug))) return edition;
  const renamed = `${slug}-paper`;
  diagnostics.push(diagnostic(fileStart(edition.seed), 'warning', `paper slug ${slug} is taken by the site's own pages (/${slug}/); using ${renamed}`, 'build/reserved-slug'));
  return { ...edition, publication: { ...edition.publication, slug: renamed } };
}

function buildIssue(id: string, group: Edition[], diagnostics: Diagnostic[]): { issue: ArchiveIssue; articles: ArchiveArticle[] } {
  const first = group[0]!;
  const agreed = <T>(what: string, get: (e: Edition) => T | null): T | null => agreedValue(group, what, get, diagnostics);
  const issue: ArchiveIssue = {
    id,
    paper: first.publication.slug!,
    paperName: strongestEdition(group, (e) => e.publication.name_source).publication.name ?? first.publication.slug!,
    date: first.issue.date!,
    dateSource: strongestEdition(group, (e) => e.issue.date_source).issue.date_source ?? 'inferred',
    number: agreed('issue number', (e) => e.issue.number),
    totalPages: agreed('page count', (e) => e.issue.total_pages),
    lunarDate: agreed('农历 date', (e) => e.issue.lunar_date),
    weekday: agreed('weekday', (e) => e.issue.weekday),
    pages: [],
  };

  const pageNumbers = [...new Set(group.flatMap((e) => [...e.pages.map((p) => p.number), ...e.articles.map((a) => a.page)]))].sort((a, b) => a - b);
  const articles: ArchiveArticle[] = [];
  for (const number of pageNumbers) {
    const sources = group.filter((e) => e.pages.some((p) => p.number === number) || e.articles.some((a) => a.page === number));
    if (sources.length > 1) {
      diagnostics.push(diagnostic(fileStart(sources[1]!.seed), 'warning', `page ${number} of ${id} is also read from ${sources[0]!.seed}; both are kept, in file order`, 'build/duplicate-page'));
    }
    const page: IssuePage = {
      number,
      name: agreedValue(sources, `name of page ${number}`, (e) => e.pages.find((p) => p.number === number)?.name ?? null, diagnostics),
      sources: sources.map((e) => e.seed),
      furniture: sources.flatMap((e) =>
        e.furniture.filter((f) => furniturePage(e, f.position.line, f.kind) === number).map((f) => ({ kind: f.kind, text: f.text, source: { file: f.position.file, line: f.position.line } })),
      ),
      articles: [],
    };
    let order = 0;
    for (const edition of sources) {
      for (const a of edition.articles.filter((x) => x.page === number)) {
        order++;
        const article = toArchiveArticle(a, `${id}/${pad2(number)}/${order}`, issue, order);
        articles.push(article);
        page.articles.push({ id: article.id, order, kind: a.kind, title: a.title, chars: article.chars });
      }
    }
    const image = pageImage(sources[0]!, number, page.articles.map((ref) => ref.order));
    if (image) page.image = image;
    issue.pages.push(page);
  }
  linkContinuations(articles);
  return { issue, articles };
}

/** A page read from a PDF: its PDF page and each article's region on it (the page's first source only). */
function pageImage(edition: Edition, number: number, orders: number[]): IssuePage['image'] {
  const pdfPage = edition.pdf?.pages.find((p) => p.number === number);
  if (!pdfPage) return null;
  const onPage = edition.articles.filter((a) => a.page === number);
  return {
    seed: edition.pdf!.file,
    pdfPage: pdfPage.pdfPage,
    width: pdfPage.width,
    height: pdfPage.height,
    regions: onPage.map((a, i) => ({ order: orders[i]!, boxes: (a.boxes ?? []).map(({ x, y, width, height }) => ({ x: round(x), y: round(y), width: round(width), height: round(height) })) })),
  };
}

/** Box coordinates to a hundredth of a point: 0.0035 mm, finer than any printer places type. */
const round = (n: number): number => Math.round(n * 100) / 100;

/** Diagnostics about a built issue as a whole: a date after today, page numbers with gaps. */
function checkIssue(issue: ArchiveIssue, today: string, diagnostics: Diagnostic[]): void {
  const firstSeed = issue.pages[0]?.sources[0];
  if (firstSeed && issue.date > today) {
    diagnostics.push(diagnostic(fileStart(firstSeed), 'warning', `issue ${issue.id} is dated after today (${today}); kept, check the date`, 'build/future-date'));
  }
  for (const [i, page] of issue.pages.entries()) {
    const before = issue.pages[i - 1];
    if (!before || page.number === before.number + 1) continue;
    const missing = page.number === before.number + 2 ? `${before.number + 1}` : `${before.number + 1}–${page.number - 1}`;
    diagnostics.push(diagnostic(fileStart(page.sources[0]!), 'warning', `issue ${issue.id} has no page ${missing} between pages ${before.number} and ${page.number}`, 'build/page-gap'));
  }
}

function toArchiveArticle(a: ExtractedArticle, id: string, issue: ArchiveIssue, order: number): ArchiveArticle {
  return {
    id, paper: issue.paper, date: issue.date, page: a.page, order, kind: a.kind,
    kicker: a.kicker, title: a.title, subtitles: a.subtitles, byline: a.byline, paragraphs: a.paragraphs, subheads: a.subheads,
    chars: a.paragraphs.reduce((n, p) => n + codePoints(p), 0),
    continuedTo: a.continued_to, continuedFrom: a.continued_from, continuedToId: null, continuedFromId: null,
    source: { file: a.position.file, line: a.position.line },
  };
}

const SURROGATE = /[\uD800-\uDFFF]/;
const SURROGATE_PAIRS = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;
/**
 * Code points in a text, as `[...text].length` counts them (a lone surrogate counts one), without making
 * an array of them: that spread was the largest cost of a re-ingest's own code (100k articles: 1.1 s of
 * an added day's build, bench/README.md); this is ~7× faster on the generated archive's text.
 */
function codePoints(text: string): number {
  return SURROGATE.test(text) ? text.length - (text.match(SURROGATE_PAIRS)?.length ?? 0) : text.length;
}

/**
 * The page a piece of furniture belongs to: the masthead to the edition's first page, anything else to
 * the page of the last article that starts above it (or the first page).
 */
function furniturePage(edition: Edition, line: number, kind: string): number {
  const firstPage = edition.pages[0]?.number ?? edition.articles[0]?.page ?? 1;
  if (kind === 'masthead') return firstPage;
  let page = firstPage;
  for (const a of edition.articles) if (a.position.line <= line) page = a.page;
  return page;
}

/**
 * 下转第N版 → the article on page N that says 上接 this page (the one with the same title first: a
 * continuation often repeats its headline), else one on page N with the same title whose marker was lost.
 */
function linkContinuations(articles: ArchiveArticle[]): void {
  const taken = new Set<string>();
  for (const from of articles) {
    if (from.continuedTo == null) continue;
    const onPage = articles.filter((to) => to.page === from.continuedTo && to !== from && !taken.has(to.id));
    const marked = onPage.filter((to) => to.continuedFrom === from.page);
    const sameTitle = (to: ArchiveArticle) => from.title != null && fold(to.title) === fold(from.title);
    const to = marked.find(sameTitle) ?? marked[0] ?? onPage.find((a) => a.continuedFrom == null && sameTitle(a));
    if (!to) continue;
    taken.add(to.id);
    from.continuedToId = to.id;
    to.continuedFromId = from.id;
  }
}

const fold = (s: string | null): string => (s ?? '').normalize('NFKC').replace(/[\s#*]/gu, '');

/** The edition whose source for a fact is strongest (ties: file order). */
function strongestEdition(group: Edition[], source: (e: Edition) => MetaSource | null): Edition {
  return [...group].sort((a, b) => sourceRank[source(a) ?? 'inferred'] - sourceRank[source(b) ?? 'inferred'])[0]!;
}

/** The value the editions give (the first in file order); a different value elsewhere is a warning. */
function agreedValue<T>(group: Edition[], what: string, get: (e: Edition) => T | null, diagnostics: Diagnostic[]): T | null {
  let kept: { value: T; seed: string } | null = null;
  for (const e of group) {
    const value = get(e);
    if (value == null) continue;
    if (!kept) kept = { value, seed: e.seed };
    else if (value !== kept.value) {
      diagnostics.push(diagnostic(fileStart(e.seed), 'warning', `${what} "${String(value)}" differs from "${String(kept.value)}" in ${kept.seed}; using the latter`, 'build/issue-conflict'));
    }
  }
  return kept?.value ?? null;
}

/** One paper per slug: its name from the strongest source among its pages, its issue dates newest first. */
function buildPapers(issues: ArchiveIssue[], editions: Edition[], diagnostics: Diagnostic[]): ArchivePaper[] {
  const papers: ArchivePaper[] = [];
  for (const slug of [...new Set(issues.map((i) => i.paper))].sort(byString)) {
    const own = editions.filter((e) => e.publication.slug === slug && e.issue.date).sort((a, b) => byString(a.seed, b.seed));
    const best = strongestEdition(own, (e) => e.publication.name_source);
    const name = best.publication.name ?? slug;
    const others = [...new Set(own.map((e) => e.publication.name).filter((n): n is string => n != null && n !== name))].sort(byString);
    if (others.length) {
      diagnostics.push(diagnostic(fileStart(best.seed), 'warning', `paper ${slug} is named ${name} here and ${others.join(', ')} on other pages; using ${name}`, 'build/paper-name-conflict'));
    }
    papers.push({
      id: slug,
      name,
      nameSource: best.publication.name_source ?? 'inferred',
      issueDates: issues.filter((i) => i.paper === slug).map((i) => i.date).sort().reverse(),
    });
  }
  return papers;
}
