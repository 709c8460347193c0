// PDF seeds (issue 18): read PDF → lay out lines → segment PDF page, on fixtures under
// test/fixtures/read-pdf/<case>/ (input.pdf, printed by a real engine from page.html; expected.json
// checked by hand against page.html), conservation of every drawn character, and the diagnostics of a
// PDF that cannot be read.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../scripts/build-content.ts';
import { extractPdfEdition } from '../scripts/pipeline/extract-pdf-edition.ts';
import { layoutLines } from '../scripts/pipeline/layout-lines.ts';
import { bridges, readPdf } from '../scripts/pipeline/read-pdf.ts';
import type { Edition, GlyphRun, PdfPage } from '../scripts/pipeline/types.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'read-pdf');
const CORPUS_PDFS = join(import.meta.dirname, 'corpus', 'dev', 'pdf');
const noManifest = { publications: {}, pages: {} };

/** What the stages decide, as expected.json records it. */
async function readFixture(file: string) {
  const r = await readPdf(readFileSync(file), 'input.pdf');
  const lines = r.pages.flatMap((p) => layoutLines(p, { file: 'input.pdf', firstLine: 1, firstColumn: 1 }).map((l) => `${l.position.line} c${l.column} ${l.size.toFixed(0)}pt${l.bold ? ' bold' : ''} ${l.text}`));
  const { edition } = extractPdfEdition('input.pdf', r.pages, noManifest);
  const articles = edition.articles.map((a) => ({ kicker: a.kicker, title: a.title, subtitles: a.subtitles, byline: a.byline, paragraphs: a.paragraphs.map((p) => `${p.slice(0, 12)}…`), boxes: a.boxes!.length }));
  return { diagnostics: r.diagnostics.map((d) => d.ruleId), lines, articles, furniture: edition.furniture.map((f) => `${f.kind} ${f.text}`) };
}

/** Every non-blank character, counted. */
function tally(texts: Iterable<string>): Map<string, number> {
  const n = new Map<string, number>();
  for (const t of texts) for (const c of t.replace(/\s/gu, '')) n.set(c, (n.get(c) ?? 0) + 1);
  return n;
}
const drawn = (pages: PdfPage[]) => tally(pages.flatMap((p) => p.runs.map((r) => r.text)));
const kept = (e: Edition) =>
  tally([...e.articles.flatMap((a) => [a.kicker ?? '', a.title ?? '', ...a.subtitles, a.byline ?? '', ...a.paragraphs]), ...e.furniture.map((f) => f.text)]);

describe('read-pdf fixtures', () => {
  for (const name of readdirSync(FIXTURES).filter((n) => existsSync(join(FIXTURES, n, 'expected.json')))) {
    it(name, async () => {
      const expected = JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8'));
      const actual = await readFixture(join(FIXTURES, name, 'input.pdf'));
      if (process.env.UPDATE_FIXTURES) writeFileSync(join(FIXTURES, name, 'expected.json'), `${JSON.stringify(actual, null, 2)}\n`);
      expect(actual).toEqual(expected);
    });
  }
});

describe('read-pdf', () => {
  it('takes a word space drawn between two runs of a line as white inside the line, not a justifying space nor a jump into the next column', () => {
    // Boxes as Chromium writes a justified caption line: 合理安排出行时间。[space 13.9 pt]本报记者 (8.5 pt type).
    const at = (x: number, width: number): GlyphRun => ({ text: 'x', box: { page: 1, x, y: 100, width, height: 8.5 }, size: 8.5, font: 'NotoSerifCJKsc-Regular', bold: false });
    expect(bridges(at(267.6, 391), at(658.6, 13.9), at(669, 34))).toBe(true);
    // A space between two characters of justified CJK text (0.15 em): nothing to bridge.
    expect(bridges(at(267.6, 8.5), at(276.1, 1.3), at(277.4, 8.5))).toBe(false);
    // Chromium's "space" from the end of a credit line to a caption title in the next column (433 pt).
    expect(bridges(at(34.2, 72.3), at(106.5, 433.6), at(431.7, 8.5))).toBe(false);
  });

  it('reads radical code points as the ideographs they stand for', async () => {
    // Chromium maps shared glyphs to Kangxi radicals and the Radicals Supplement (⽉ ⻓ ⼾ …).
    const { pages } = await readPdf(readFileSync(join(FIXTURES, 'three-columns', 'input.pdf')), 'input.pdf');
    const text = pages.flatMap((p) => p.runs.map((r) => r.text)).join('');
    expect(text).not.toMatch(/[\u2e80-\u2fdf]/u);
    expect(text).toContain('2025年3月18日');
    expect(text).toContain('种粮大户张长门');
  });

  it('gives each run its type size and face', async () => {
    const { pages } = await readPdf(readFileSync(join(FIXTURES, 'three-columns', 'input.pdf')), 'input.pdf');
    const title = pages[0]!.runs.find((r) => r.text === '全市')!;
    const body = pages[0]!.runs.find((r) => r.text.startsWith('本报讯 连'))!;
    expect(title.size).toBeCloseTo(22, 1);
    expect(title.bold).toBe(true);
    expect(body.size).toBeCloseTo(10, 1);
    expect(body.font).toMatch(/Serif/u);
    expect(body.bold).toBe(false);
  });

  it('reports a file that is not a readable PDF, naming it, and reads nothing', async () => {
    const r = await readPdf(readFileSync(join(FIXTURES, 'not-a-pdf', 'input.pdf')), 'paper/2025-01-01/01.pdf');
    expect(r.pages).toEqual([]);
    expect(r.diagnostics).toMatchObject([{ file: 'paper/2025-01-01/01.pdf', line: 1, severity: 'error', ruleId: 'decode/bad-pdf' }]);
  });

  it('ingests PDF seeds by path like text seeds; a bad PDF is an error and the others still build', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'read-pdf-'));
    try {
      mkdirSync(join(dir, 'seeds', 'yunhe-evening', '2025-03-18'), { recursive: true });
      copyFileSync(join(FIXTURES, 'three-columns', 'input.pdf'), join(dir, 'seeds', 'yunhe-evening', '2025-03-18', '01.pdf'));
      copyFileSync(join(FIXTURES, 'not-a-pdf', 'input.pdf'), join(dir, 'seeds', 'yunhe-evening', '2025-03-18', '02.pdf'));
      const lines: string[] = [];
      const report = await ingest({ seeds: join(dir, 'seeds'), out: join(dir, 'content'), json: join(dir, 'json'), log: (l) => lines.push(l) });
      expect(report.summary).toMatchObject({ seeds: 2, read: 1, pages: 1, articles: 3, errors: 1 });
      expect(lines.some((l) => l.startsWith('yunhe-evening/2025-03-18/02.pdf:1:1  error') && l.endsWith('decode/bad-pdf'))).toBe(true);
      const json = JSON.parse(readFileSync(join(dir, 'json', 'yunhe-evening__2025-03-18__01.json'), 'utf8'));
      expect(json).toMatchObject({ publication: { name: '运河晚报', slug: 'yunhe-evening', name_source: 'masthead' }, issue: { date: '2025-03-18', date_source: 'path', number: '第1234期', total_pages: 8 } });
      const issue = JSON.parse(readFileSync(join(dir, 'content', 'archive', 'issues', 'yunhe-evening', '2025-03-18.json'), 'utf8'));
      expect(issue.pages[0].image).toMatchObject({ seed: 'yunhe-evening/2025-03-18/01.pdf', pdfPage: 1 });
      expect(issue.pages[0].image.regions.map((r: { order: number; boxes: unknown[] }) => [r.order, r.boxes.length])).toEqual([[1, 3], [2, 2], [3, 1]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('conservation: every character a PDF draws is in an article or in furniture, once', () => {
  const files = [
    join(FIXTURES, 'three-columns', 'input.pdf'),
    ...(existsSync(CORPUS_PDFS) ? readdirSync(CORPUS_PDFS).filter((f) => f.endsWith('.pdf')).sort().map((f) => join(CORPUS_PDFS, f)) : []),
  ];
  for (const file of files) {
    it(file.slice(import.meta.dirname.length + 1), async () => {
      const { pages } = await readPdf(readFileSync(file), 'input.pdf');
      const { edition } = extractPdfEdition('input.pdf', pages, noManifest);
      expect(kept(edition)).toEqual(drawn(pages));
    });
  }
});
