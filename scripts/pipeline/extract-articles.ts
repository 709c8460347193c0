// Article extraction, as a chain of pure stages:
// classify lines → segment articles → attach headlines → thread columns → unwrap paragraphs →
// find continuations. Each stage is its own module with fixtures under test/fixtures/<stage>/.
import { attachHeadlines } from './attach-headlines.ts';
import { classifyLines } from './classify-lines.ts';
import { findContinuations } from './find-continuations.ts';
import { segmentArticles, type ArticleDraft } from './segment-articles.ts';
import { threadColumns } from './thread-columns.ts';
import { unwrapParagraphs } from './unwrap-paragraphs.ts';
import type { ArticleKind, Diagnostic, ExtractedArticle, Furniture, SourceLine } from './types.ts';

export interface ExtractResult {
  articles: ExtractedArticle[];
  furniture: Furniture[];
  diagnostics: Diagnostic[];
}

export function extractArticles(lines: SourceLine[], skip: Set<number>, page: number): ExtractResult {
  const { lines: classified, layout } = classifyLines(lines, skip);
  const segments = segmentArticles(classified, layout);
  // Reading order: articles in the order their first line (headline or body) is printed.
  const drafts = threadColumns(segments.drafts, layout)
    .filter((d) => d.headline.length || d.body.length)
    .sort((a, b) => firstIndex(a) - firstIndex(b));
  const headlines = attachHeadlines(drafts);
  const articles: ExtractedArticle[] = [];
  drafts.forEach((draft, i) => {
    const headline = headlines[i]!;
    const paragraphs = unwrapParagraphs(draft.body, layout, draft.paragraphStarts);
    const first = [...draft.headline, ...draft.body].find((l) => l.index === firstIndex(draft))!;
    articles.push({
      page,
      kind: kindOf(headline, paragraphs),
      ...headline,
      paragraphs,
      ...findContinuations(paragraphs),
      position: first.source.position,
    });
  });
  const furniture = segments.furniture.map(({ kind, line }) => ({ kind, text: line.text, position: line.source.position }));
  return { articles, furniture, diagnostics: [] };
}

function firstIndex(draft: ArticleDraft): number {
  return Math.min(...draft.headline.map((l) => l.index), ...draft.body.map((l) => l.index));
}

/** Photo captions carry no title; features carry a dash subtitle or a standalone byline. */
function kindOf(h: { title: string | null; subtitles: string[]; byline: string | null }, paragraphs: string[]): ArticleKind {
  if (!h.title && paragraphs.length <= 1 && !/^[^，,]{0,12}讯/u.test(paragraphs[0] ?? '')) return 'photo';
  if (h.subtitles.some((s) => /^[—\-－]/u.test(s))) return 'feature';
  if (h.byline && !/记者|通讯员|融媒体/u.test(h.byline)) return 'commentary';
  if (h.byline) return 'feature';
  return 'news';
}
