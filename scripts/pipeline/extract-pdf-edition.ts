// One PDF seed, start to finish: its pages (read-pdf.ts) → lay out lines → identify page → segment each
// PDF page → Edition. The text seed's twin (extract-edition.ts): the same identification (manifest >
// path > masthead > inference) on the first page's lines, the same Edition out, plus which PDF page
// each printed page is (for the page image). Page k of the file is printed page NN + k − 1.
import { diagnostic } from './diagnostics.ts';
import { identifyPage } from './identify-page.ts';
import { layoutLines } from './layout-lines.ts';
import { segmentPdfPage } from './segment-pdf-page.ts';
import type { Diagnostic, Edition, Furniture, LaidLine, Manifest, PdfPage } from './types.ts';

export interface PdfEditionResult {
  edition: Edition;
  diagnostics: Diagnostic[];
}

export function extractPdfEdition(file: string, pdfPages: PdfPage[], manifest: Manifest): PdfEditionResult {
  const laid: LaidLine[][] = [];
  let next = { line: 1, column: 1 };
  for (const page of pdfPages) {
    const lines = layoutLines(page, { file, firstLine: next.line, firstColumn: next.column });
    laid.push(lines);
    next = { line: next.line + lines.length, column: Math.max(next.column, ...lines.map((l) => l.column + 1)) };
  }
  const first = identifyPage(laid[0] ?? [], file, manifest);
  const diagnostics = [...first.diagnostics];
  const firstNumber = first.identity.pages[0]?.number ?? 1;
  const pages: Edition['pages'] = [];
  const articles: Edition['articles'] = [];
  const furniture: Furniture[] = [];
  pdfPages.forEach((pdfPage, k) => {
    const lines = laid[k]!;
    const number = firstNumber + pdfPage.page - 1;
    // Every page of the file has its own masthead or page header (第2版 要闻…): read for its lines and name.
    const identified = k === 0 ? first : identifyPage(lines, file, manifest);
    const printed = identified.identity.pages.find((p) => p.number === number) ?? identified.identity.pages[0];
    pages.push({ number, name: k === 0 ? (first.identity.pages[0]?.name ?? null) : (printed?.name ?? null) });
    const masthead = new Set(identified.mastheadLines.map((i) => lines[i]!));
    furniture.push(...[...masthead].map((l) => ({ kind: 'masthead' as const, text: l.text, position: l.position })));
    try {
      const segmented = segmentPdfPage(lines, masthead, number, pdfPage.graphics);
      articles.push(...segmented.articles);
      furniture.push(...segmented.furniture);
      diagnostics.push(...segmented.diagnostics);
    } catch (error) {
      // Should a stage fail on some unforeseen page, its lines are kept as furniture with an error.
      const kept = lines.filter((l) => !masthead.has(l) && l.text);
      furniture.push(...kept.map((l) => ({ kind: 'other' as const, text: l.text, position: l.position })));
      const at = kept[0]?.position ?? { file, line: 1, column: 1 };
      diagnostics.push(diagnostic(at, 'error', `articles of PDF page ${pdfPage.page} could not be read (${String(error)}); its text is kept as furniture`, 'extract/failed'));
    }
  });
  return {
    edition: {
      seed: file,
      ...first.identity,
      pages,
      articles,
      furniture,
      pdf: { file, pages: pdfPages.map((p) => ({ number: firstNumber + p.page - 1, pdfPage: p.page, width: p.width, height: p.height })) },
    },
    diagnostics,
  };
}
