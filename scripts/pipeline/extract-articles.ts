// Stages: classify lines → segment articles → attach headlines → unwrap paragraphs.
// BASELINE: blank-line blocks; a short unpunctuated block is a headline for the body after it.
// The extraction helper replaces this with the full chain of stage modules.
import type { Diagnostic, ExtractedArticle, Furniture, SourceLine } from './types.ts';

export interface ExtractResult {
  articles: ExtractedArticle[];
  furniture: Furniture[];
  diagnostics: Diagnostic[];
}

const closing = /[。！？”」』）)…：:]$/u;

export function extractArticles(lines: SourceLine[], skip: Set<number>, page: number): ExtractResult {
  const blocks: SourceLine[][] = [];
  let current: SourceLine[] = [];
  lines.forEach((line, i) => {
    if (skip.has(i) || line.text.trim() === '') {
      if (current.length) blocks.push(current);
      current = [];
    } else current.push(line);
  });
  if (current.length) blocks.push(current);

  const articles: ExtractedArticle[] = [];
  let article: ExtractedArticle | null = null;
  for (const block of blocks) {
    const text = block.map((l) => l.text.trim()).join('');
    const isHead = block.length === 1 && text.length <= 40 && !closing.test(text);
    if (isHead || !article) {
      article = {
        page, kind: 'news', kicker: null, title: isHead ? text.replace(/^#+\s*/, '') : null, subtitles: [], byline: null,
        paragraphs: isHead ? [] : [text], continued_to: null, continued_from: null, position: block[0]!.position,
      };
      articles.push(article);
    } else article.paragraphs.push(text);
  }
  return { articles, furniture: [], diagnostics: [] };
}
