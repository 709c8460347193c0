// Article extraction, as a chain of pure stages:
// classify lines → segment articles → thread columns → match headlines → attach headlines → unwrap paragraphs (and
// their section heads) → find continuations. Each stage is its own module with fixtures under test/fixtures/<stage>/.
import { attachHeadlines } from './attach-headlines.ts';
import { classifyLines, headlineRoles, type ClassifiedLine } from './classify-lines.ts';
import { findContinuations } from './find-continuations.ts';
import { matchHeadlines } from './match-headlines.ts';
import { diagnostic } from './diagnostics.ts';
import { segmentArticles, type ArticleDraft, type SegmentResult } from './segment-articles.ts';
import { threadColumns } from './thread-columns.ts';
import { unwrapBody } from './unwrap-paragraphs.ts';
import type { ArticleKind, Diagnostic, ExtractedArticle, Furniture, SourceLine } from './types.ts';

export interface ExtractResult {
  articles: ExtractedArticle[];
  furniture: Furniture[];
  diagnostics: Diagnostic[];
}

export function extractArticles(lines: SourceLine[], skip: Set<number>, page: number): ExtractResult {
  const { lines: classified, layout } = classifyLines(lines, skip);
  const segments = segmentArticles(classified);
  const threaded = threadColumns(segments.drafts, layout);
  const matched = matchHeadlines(threaded);
  // A headline (or byline) left with no body is furniture; articles in the order their first line is printed.
  const drafts = matched.filter((d) => d.body.length).sort((a, b) => firstLine(a).index - firstLine(b).index);
  const furnished = [...segments.furniture, ...matched.filter((d) => !d.body.length).flatMap((d) => d.headline.map((line) => ({ kind: 'other' as const, line })))]
    .sort((a, b) => a.line.index - b.line.index);
  const headlines = attachHeadlines(drafts);
  const pages = placePages(drafts, page);
  const articles: ExtractedArticle[] = [];
  drafts.forEach((draft, i) => {
    const headline = headlines[i]!;
    const { paragraphs, subheads } = unwrapBody(draft.body, layout, draft.paragraphStarts);
    articles.push({
      page: pages[i]!,
      kind: kindOf(headline, paragraphs),
      ...headline,
      paragraphs,
      subheads,
      ...findContinuations(paragraphs),
      position: firstLine(draft).source.position,
    });
  });
  const furniture = furnished.map(({ kind, line }) => ({ kind, text: line.text, position: line.source.position }));
  // threadColumns hands back its input when it re-threads nothing; else the first article it touched.
  const rethreaded = threaded === segments.drafts ? -1 : drafts.findIndex((d) => d.paragraphStarts);
  return { articles, furniture, diagnostics: explain(articles, page, furnished, articles[rethreaded]) };
}

/**
 * The page each article is printed on. Where a page marks its headlines with `#` (a Markdown export),
 * a full headline without the mark after marked ones is text run on from the next page.
 */
function placePages(drafts: ArticleDraft[], page: number): number[] {
  let seenMarked = false;
  let current = page;
  return drafts.map((d) => {
    const heads = d.headline.filter((l) => l.role === 'title' || l.role === 'kicker');
    if (heads.some((l) => l.marked)) seenMarked = true;
    else if (seenMarked && heads.length && d.headline.length > heads.length && current === page) current = page + 1;
    return current;
  });
}

/** Info diagnostics on what a reader of the report may want to check by eye. */
function explain(articles: ExtractedArticle[], page: number, furniture: SegmentResult['furniture'], rethreaded: ExtractedArticle | undefined): Diagnostic[] {
  const found: Diagnostic[] = [];
  const runOn = articles.find((a) => a.page !== page);
  if (runOn) found.push(diagnostic(runOn.position, 'info', `headline without the page's heading mark: taken as page ${runOn.page} from here on`, 'extract/next-page'));
  for (const a of articles) {
    if (a.title === null && a.kind !== 'photo') found.push(diagnostic(a.position, 'info', 'article printed without a headline: title left empty', 'extract/untitled'));
  }
  for (const { line } of furniture) {
    if (headlineRoles.has(line.role)) {
      found.push(diagnostic(line.source.position, 'info', `headline with no body on this page kept as furniture: ${line.text}`, 'extract/headline-without-body'));
    }
  }
  if (rethreaded) found.push(diagnostic(rethreaded.position, 'info', 'columns printed line by line into each other were re-threaded by sentence continuity', 'extract/columns-threaded'));
  return found;
}

/** The draft's line printed first (headline or body): one pass, no argument spread (pages can be huge). */
function firstLine(draft: ArticleDraft): ClassifiedLine {
  let first = draft.body[0]!;
  for (const line of draft.headline) if (line.index < first.index) first = line;
  for (const line of draft.body) if (line.index < first.index) first = line;
  return first;
}

/** Photo captions carry no title; features carry a dash subtitle or a standalone byline. */
export function kindOf(h: { title: string | null; subtitles: string[]; byline: string | null }, paragraphs: string[]): ArticleKind {
  if (!h.title && paragraphs.length <= 1 && !/^[^，,]{0,12}讯/u.test(paragraphs[0] ?? '')) return 'photo';
  if (h.subtitles.some((s) => /^[—\-－]/u.test(s))) return 'feature';
  if (h.byline && !/记者|通讯员|融媒体/u.test(h.byline)) return 'commentary';
  if (h.byline) return 'feature';
  return 'news';
}
