// One seed page, start to finish: split lines → identify page → extract articles → Edition.
import { extractArticles } from './extract-articles.ts';
import { identifyPage } from './identify-page.ts';
import { splitLines } from './split-lines.ts';
import type { DecodedSeed, Diagnostic, Edition, Manifest } from './types.ts';

export interface EditionResult {
  edition: Edition;
  diagnostics: Diagnostic[];
}

export function extractEdition(seed: DecodedSeed, manifest: Manifest): EditionResult {
  const lines = splitLines(seed);
  const identified = identifyPage(lines, seed.file, manifest);
  const masthead = new Set(identified.mastheadLines);
  const firstPage = identified.identity.pages[0]?.number ?? 1;
  const extracted = extractArticles(lines, masthead, firstPage);
  const mastheadFurniture = identified.mastheadLines.map((i) => ({
    kind: 'masthead' as const,
    text: lines[i]!.text.trim(),
    position: lines[i]!.position,
  }));
  // Every page an article is printed on is one of the pages this seed holds.
  const pages = [...identified.identity.pages];
  for (const article of extracted.articles) {
    if (!pages.some((p) => p.number === article.page)) pages.push({ number: article.page, name: null });
  }
  pages.sort((a, b) => a.number - b.number);
  return {
    edition: {
      seed: seed.file,
      ...identified.identity,
      pages,
      articles: extracted.articles,
      furniture: [...mastheadFurniture, ...extracted.furniture],
    },
    diagnostics: [...identified.diagnostics, ...extracted.diagnostics],
  };
}

/** The scoring JSON of shared/gold/README.md: the edition without source positions. */
export function toScoringJson(edition: Edition): unknown {
  return {
    seed: edition.seed,
    publication: edition.publication,
    issue: edition.issue,
    pages: edition.pages,
    articles: edition.articles.map(({ position: _position, ...article }) => article),
    furniture: edition.furniture.map(({ kind, text }) => ({ kind, text })),
  };
}
