// One seed page, start to finish: fold radicals → split lines → cut layout page → normalise spacing →
// split columns → order fragments → split run-in titles →
// identify page → extract articles → Edition.
import { cutLayoutPage } from './cut-layout-page.ts';
import { diagnostic } from './diagnostics.ts';
import { extractArticles, type ExtractResult } from './extract-articles.ts';
import { foldRadicals } from './fold-radicals.ts';
import { identifyPage } from './identify-page.ts';
import { normaliseSpacing } from './normalise-spacing.ts';
import { orderFragments } from './order-fragments.ts';
import { splitColumns } from './split-columns.ts';
import { splitRunInTitles } from './split-run-in-titles.ts';
import { splitLines } from './split-lines.ts';
import type { DecodedSeed, Diagnostic, Edition, Manifest, SourceLine } from './types.ts';

export interface EditionResult {
  edition: Edition;
  diagnostics: Diagnostic[];
}

/**
 * A page's lines in reading order, as the labeller reads them: every stage before page identification.
 * The labeller's training and tools (scripts/train-labeller.ts, scripts/labeller/) read pages through
 * this too, so the lines a model is fitted on are the lines it labels.
 */
export function readingLines(seed: DecodedSeed): SourceLine[] {
  return splitRunInTitles(orderFragments(splitColumns(normaliseSpacing(cutLayoutPage(splitLines(seed))))));
}

export function extractEdition(decoded: DecodedSeed, manifest: Manifest): EditionResult {
  const { seed, diagnostics: folding } = foldRadicals(decoded);
  const lines = readingLines(seed);
  const identified = identifyPage(lines, seed.file, manifest);
  const masthead = new Set(identified.mastheadLines);
  const firstPage = identified.identity.pages[0]?.number ?? 1;
  const extracted = extractSafely(lines, masthead, firstPage);
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
    diagnostics: [...folding, ...identified.diagnostics, ...extracted.diagnostics],
  };
}

/**
 * Extraction that cannot take the page down: should a stage fail on some unforeseen text, the page's
 * lines are kept as furniture (nothing lost) with an error naming the page, and the others still build.
 */
function extractSafely(lines: SourceLine[], skip: Set<number>, page: number): ExtractResult {
  try {
    return extractArticles(lines, skip, page);
  } catch (error) {
    const kept = lines.filter((l, i) => !skip.has(i) && l.text.trim());
    return {
      articles: [],
      furniture: kept.map((l) => ({ kind: 'other' as const, text: l.text.trim(), position: l.position })),
      diagnostics: [
        diagnostic(lines[0]!.position, 'error', `articles could not be read (${String(error)}); the page's text is kept as furniture`, 'extract/failed'),
      ],
    };
  }
}

/** The scoring JSON of shared/gold/README.md: the edition without source positions (nor subheads, not in the gold schema). */
export function toScoringJson(edition: Edition): unknown {
  return {
    seed: edition.seed,
    publication: edition.publication,
    issue: edition.issue,
    pages: edition.pages,
    articles: edition.articles.map(({ position: _position, subheads: _subheads, ...article }) => article),
    furniture: edition.furniture.map(({ kind, text }) => ({ kind, text })),
  };
}
