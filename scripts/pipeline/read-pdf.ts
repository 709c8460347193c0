// Stage: read PDF. The bytes of a PDF seed → its pages' glyph runs, each with its box, type size and
// font, in page coordinates (points from the top-left corner). Read with Mozilla's PDF.js (pdfjs-dist,
// legacy build: plain JavaScript, no native parts); a PDF it cannot open is a diagnostic naming the
// file, never a crash. Radical code points are read as the ideographs they stand for (fold-radicals.ts).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, OPS, Util, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { diagnostic, fileStart } from './diagnostics.ts';
import { foldRadicalText } from './fold-radicals.ts';
import { notText } from './sanitise-text.ts';
import type { Diagnostic, GlyphRun, PageBox, PdfPage } from './types.ts';

export interface ReadPdfResult {
  pages: PdfPage[];
  diagnostics: Diagnostic[];
}

/** The most pages read from one PDF seed (a seed holds one printed page, or a few in order). */
export const MAX_PDF_PAGES = 64;
/**
 * Where the em box of a CJK font stands around the baseline: 0.88 em above, 0.12 em below (the
 * ideographic em box of Noto/Source Han and of the common Chinese system fonts).
 */
const ASCENT = 0.88;
const DESCENT = 0.12;

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
/** Options that keep a hostile PDF from doing more than being read: no eval, no fonts installed, no network. */
const documentOptions = {
  isEvalSupported: false,
  disableFontFace: true,
  useSystemFonts: false,
  stopAtErrors: false,
  verbosity: 0,
  // Character maps for PDFs whose CJK fonts are not embedded (Adobe-GB1 with UniGB-UCS2-H and the like).
  cMapUrl: `${join(pdfjsRoot, 'cmaps')}/`,
  cMapPacked: true,
  standardFontDataUrl: `${join(pdfjsRoot, 'standard_fonts')}/`,
};

/** Opens a PDF with the options above; the caller destroys it. */
export function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  // PDF.js takes ownership of (and detaches) the buffer it is given: hand it a copy.
  return getDocument({ ...documentOptions, data: new Uint8Array(bytes) }).promise;
}

export async function readPdf(bytes: Uint8Array, file: string): Promise<ReadPdfResult> {
  const at = fileStart(file);
  const diagnostics: Diagnostic[] = [];
  let doc: PDFDocumentProxy;
  try {
    doc = await openPdf(bytes);
  } catch (error) {
    const why = (error as Error).name === 'PasswordException' ? 'it is encrypted with a password' : String((error as Error).message ?? error);
    return { pages: [], diagnostics: [diagnostic(at, 'error', `not a readable PDF (${why}), skipped`, 'decode/bad-pdf')] };
  }
  const pages: PdfPage[] = [];
  try {
    const count = Math.min(doc.numPages, MAX_PDF_PAGES);
    if (doc.numPages > MAX_PDF_PAGES) {
      diagnostics.push(diagnostic(at, 'error', `${doc.numPages} pages, more than the ${MAX_PDF_PAGES} read from one seed; pages after ${MAX_PDF_PAGES} skipped`, 'decode/pdf-too-many-pages'));
    }
    for (let n = 1; n <= count; n++) {
      try {
        const page = await readPage(await doc.getPage(n));
        if (!page.runs.length) diagnostics.push(diagnostic(at, 'warning', `PDF page ${n} draws no text (a scanned image?); nothing read from it`, 'decode/pdf-no-text'));
        pages.push(page);
      } catch (error) {
        diagnostics.push(diagnostic(at, 'error', `PDF page ${n} cannot be read (${String((error as Error).message ?? error)}); skipped`, 'decode/bad-pdf'));
      }
    }
  } finally {
    await doc.destroy();
  }
  return { pages, diagnostics };
}

async function readPage(page: PDFPageProxy): Promise<PdfPage> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  // Fonts are loaded (and their names known) once the page's drawing operators are read.
  const operators = await page.getOperatorList();
  const fonts = new Map<string, { font: string; bold: boolean }>();
  const fontOf = (id: string) => {
    let found = fonts.get(id);
    if (!found) {
      found = describeFont(page.commonObjs.has(id) ? page.commonObjs.get(id) : null);
      fonts.set(id, found);
    }
    return found;
  };
  const runs: GlyphRun[] = [];
  const items = content.items.filter((item): item is TextItem => 'str' in item);
  items.forEach((item, i) => {
    if (item.str.trim()) runs.push(toRun(item, viewport.transform, page.pageNumber, fontOf(item.fontName)));
    else if (/^ +$/u.test(item.str) && runs.length) {
      // A word space drawn between two runs of one line (the stretched space of a justified line: 合理安排出行时间。     本报记者)
      // is white inside the line, no gutter: the run before it reaches over it.
      const next = items[i + 1];
      const before = runs.at(-1)!;
      const space = toRun(item, viewport.transform, page.pageNumber, fontOf(item.fontName));
      const after = next?.str.trim() ? toRun(next, viewport.transform, page.pageNumber, fontOf(next.fontName)) : null;
      if (after && bridges(before, space, after)) runs[runs.length - 1] = { ...before, text: `${before.text} `, box: { ...before.box, width: space.box.x + space.box.width - before.box.x } };
    }
  });
  const graphics = readGraphics(operators, viewport.transform, page.pageNumber, viewport.width, viewport.height);
  return { page: page.pageNumber, width: viewport.width, height: viewport.height, runs, graphics };
}

/** A space run between two runs on its baseline, touching both (within SPACE_TOUCH_EM of their type), from MIN_BRIDGE_EM to MAX_SPACE_EM wide. */
export function bridges(before: GlyphRun, space: GlyphRun, after: GlyphRun): boolean {
  const em = Math.min(before.size, after.size);
  const baseline = (r: GlyphRun) => r.box.y + r.box.height;
  const level = Math.abs(baseline(before) - baseline(space)) <= 0.2 * em && Math.abs(baseline(after) - baseline(space)) <= 0.2 * em;
  const spaceEnd = space.box.x + space.box.width;
  // Chromium also draws one "space" from a line's end to text in the next column: no word space is that wide.
  return level && space.box.width >= MIN_BRIDGE_EM * em && space.box.width <= MAX_SPACE_EM * em && Math.abs(space.box.x - (before.box.x + before.box.width)) <= SPACE_TOUCH_EM * em && after.box.x - spaceEnd <= SPACE_TOUCH_EM * em && after.box.x >= space.box.x;
}
const SPACE_TOUCH_EM = 0.3;
/** A word space stretched to justify a line (one space in the line takes all the slack) stays under this (ems). */
const MAX_SPACE_EM = 3;
/**
 * Narrower spaces are left as they were (dropped): the spaces Chromium writes between the characters of
 * justified CJK text, and word spaces, whose white layout-lines.ts joins across anyway (JOIN_GAP_EM 0.5).
 */
const MIN_BRIDGE_EM = 0.5;

/** Paint operators that fill a path. */
const fills = new Set<number>([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
/** Paint operators that only stroke a path: a box's frame (Chromium strokes CSS borders; WeasyPrint fills them). */
const strokes = new Set<number>([OPS.stroke, OPS.closeStroke]);
const images = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject]);
/** A graphic smaller than this (points) either way is a rule, a bullet or a hairline, not a picture. */
const MIN_GRAPHIC = 12;

/**
 * Where the page draws pictures and boxes: images, filled shapes (a photo, a drawing, a tinted box) and
 * stroked frames, in page coordinates. White paint and a shape covering most of the page (its background)
 * are left out; so are rules and hairlines (under MIN_GRAPHIC either way).
 */
function readGraphics(list: { fnArray: number[]; argsArray: unknown[][] }, view: number[], page: number, width: number, height: number): PageBox[] {
  const found: PageBox[] = [];
  let ctm = [1, 0, 0, 1, 0, 0];
  const stack: number[][] = [];
  let white = false;
  let whiteStroke = false;
  const add = (minX: number, minY: number, maxX: number, maxY: number) => {
    const m = Util.transform(view, ctm);
    const corners = [[minX, minY], [maxX, minY], [minX, maxY], [maxX, maxY]] as const;
    const xs = corners.map(([x, y]) => m[0]! * x + m[2]! * y + m[4]!);
    const ys = corners.map(([x, y]) => m[1]! * x + m[3]! * y + m[5]!);
    const box = { page, x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
    if (box.width < MIN_GRAPHIC || box.height < MIN_GRAPHIC) return;
    if (box.width > 0.8 * width && box.height > 0.5 * height) return;
    found.push(box);
  };
  list.fnArray.forEach((fn, i) => {
    const args = list.argsArray[i] ?? [];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = Util.transform(ctm, args as number[]);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (Array.isArray(args[0])) ctm = Util.transform(ctm, args[0] as number[]);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.setFillRGBColor || fn === OPS.setFillGray) white = isWhite(args);
    else if (fn === OPS.setStrokeRGBColor || fn === OPS.setStrokeGray) whiteStroke = isWhite(args);
    else if (fn === OPS.constructPath && ((fills.has(args[0] as number) && !white) || (strokes.has(args[0] as number) && !whiteStroke))) {
      const minMax = args[2] as ArrayLike<number> | null | undefined;
      if (minMax && minMax.length >= 4 && Number.isFinite(minMax[0])) add(minMax[0]!, minMax[1]!, minMax[2]!, minMax[3]!);
    } else if (images.has(fn)) add(0, 0, 1, 1);
  });
  return found;
}

/** A fill colour that is white: `#ffffff`, [255, 255, 255], or gray 1. */
function isWhite(args: unknown[]): boolean {
  const [first] = args;
  if (typeof first === 'string') return /^#?f{6}$/iu.test(first);
  if (args.length === 1 && typeof first === 'number') return first >= 0.99;
  return args.length >= 3 && args.slice(0, 3).every((v) => typeof v === 'number' && (v >= 254 || (v >= 0.99 && v <= 1)));
}

/** A text item in page coordinates: the viewport's transform (page rotation, crop box) times the item's. */
function toRun(item: TextItem, view: number[], page: number, font: { font: string; bold: boolean }): GlyphRun {
  const [a, b, c, d, x, baseline] = Util.transform(view, item.transform) as number[];
  const size = Math.hypot(c!, d!) || Math.hypot(a!, b!) || item.height;
  // Width along the run's direction, scaled like its size (item.width is in text space × the font matrix).
  const scale = Math.hypot(a!, b!) / (Math.hypot(item.transform[0], item.transform[1]) || 1);
  const width = item.width * (Number.isFinite(scale) ? scale : 1);
  return {
    // What the archive cannot carry (NUL, noncharacters, lone surrogates…: sanitise-text.ts) becomes U+FFFD.
    text: dropJustifyingSpaces(foldRadicalText(item.str.replace(notText, '\ufffd')), width, size),
    box: { page, x: x!, y: baseline! - ASCENT * size, width, height: (ASCENT + DESCENT) * size },
    size,
    ...font,
  };
}

/**
 * Spaces a PDF engine writes between the characters of justified CJK text (Chromium does) are not in
 * the text: in a run of em-wide characters whose spaces average under JUSTIFY_SPACE_EM, they are dropped.
 */
function dropJustifyingSpaces(text: string, width: number, size: number): string {
  const spaces = text.match(/ /gu)?.length ?? 0;
  if (!spaces || !size) return text;
  const glyphs = [...text.replace(/ /gu, '')];
  if (!glyphs.every((c) => emWide.test(c))) return text;
  const spaceWidth = (width - glyphs.length * size) / spaces;
  return spaceWidth < JUSTIFY_SPACE_EM * size ? text.replace(/(?<=\S) (?=\S)/gu, '') : text;
}
/** Characters set on the em grid: ideographs, kana, CJK and fullwidth punctuation, the ■ of bylines. */
const emWide = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef\u25a0-\u25ff]/u;
/** A word space is 0.25 em and more; spaces narrower on average were put in to justify the line. */
const JUSTIFY_SPACE_EM = 0.2;

/** `ABCDEF+NotoSansCJKsc-Bold` → its name without the subset tag, and whether the face is bold. */
function describeFont(loaded: { name?: string; bold?: boolean; black?: boolean } | null): { font: string; bold: boolean } {
  const font = (loaded?.name ?? '').replace(/^[A-Z]{6}\+/u, '');
  const bold = Boolean(loaded?.bold || loaded?.black) || /bold|black|heavy|semibold|demi|[-_ ]W[6-9]\b/iu.test(font);
  return { font, bold };
}
