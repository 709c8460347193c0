// Build step: render page images. Every page read from a PDF → its image (WebP) and the original PDF,
// written beside the page's HTML: dist/<paper>/<date>/<NN>/page.webp and page.pdf (src/lib/urls.ts).
// Rendered with PDF.js onto @napi-rs/canvas (Skia; the prebuilt binary ships in the npm package, so
// nothing beyond `npm install`), cached by the PDF's hash, page and width under CONTENT_DIR/page-images/,
// so a daily build renders only the new pages of a twenty-year archive.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCanvas } from '@napi-rs/canvas';
import type { ArchiveIssue } from '../src/lib/archive-schema.ts';
import { imageSize, PAGE_IMAGE_WIDTH } from '../src/lib/page-image.ts';
import { pageFilePath } from '../src/lib/urls.ts';
import { openPdf } from './pipeline/read-pdf.ts';

/** WebP quality: 80 keeps type edges clean; under 70 the ringing round CJK strokes shows. */
const WEBP_QUALITY = 80;

export interface RenderOptions {
  content: string;
  seeds: string;
  dist: string;
  width?: number;
  log?: (line: string) => void;
}

export interface RenderReport {
  pages: number;
  rendered: number;
  failed: number;
  /** Files written into dist, relative to it. */
  written: string[];
}

export async function renderPageImages(options: RenderOptions): Promise<RenderReport> {
  const width = options.width ?? PAGE_IMAGE_WIDTH;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const cache = join(options.content, 'page-images');
  const report: RenderReport = { pages: 0, rendered: 0, failed: 0, written: [] };
  for (const issue of await readIssues(join(options.content, 'archive', 'issues'))) {
    for (const page of issue.pages) {
      if (!page.image) continue;
      report.pages++;
      const { seed, pdfPage } = page.image;
      try {
        const bytes = await readFile(join(options.seeds, seed));
        const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
        const cached = join(cache, `${hash}-p${pdfPage}-w${width}.webp`);
        if (!existsSync(cached)) {
          const image = await renderPage(bytes, pdfPage, width);
          await mkdir(cache, { recursive: true });
          await writeFile(`${cached}.tmp`, image);
          await rename(`${cached}.tmp`, cached);
          report.rendered++;
        }
        const webp = pageFilePath(issue.paper, issue.date, page.number, 'webp');
        const pdf = pageFilePath(issue.paper, issue.date, page.number, 'pdf');
        await mkdir(dirname(join(options.dist, webp)), { recursive: true });
        await copyFile(cached, join(options.dist, webp));
        await copyFile(join(options.seeds, seed), join(options.dist, pdf));
        report.written.push(webp, pdf);
      } catch (error) {
        report.failed++;
        log(`${seed}:1:1  error  page image of PDF page ${pdfPage} could not be rendered (${String((error as Error).message ?? error)}); the page shows its article list  render/failed`);
      }
    }
  }
  log(`render: ${report.pages} PDF pages, ${report.rendered} images rendered, ${report.pages - report.rendered - report.failed} from the cache, ${report.failed} failed`);
  return report;
}

/** One PDF page as a WebP image `width` pixels wide, on white. */
export async function renderPage(bytes: Uint8Array, pdfPage: number, width: number): Promise<Buffer> {
  const doc = await openPdf(bytes);
  try {
    const page = await doc.getPage(pdfPage);
    const unit = page.getViewport({ scale: 1 });
    const size = imageSize(unit, width);
    const viewport = page.getViewport({ scale: width / unit.width });
    const canvas = createCanvas(size.width, size.height);
    const context = canvas.getContext('2d');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    // PDF.js draws on any 2D context with the canvas API; @napi-rs/canvas's is one.
    await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise;
    return await canvas.encode('webp', WEBP_QUALITY);
  } finally {
    await doc.destroy();
  }
}

async function readIssues(dir: string): Promise<ArchiveIssue[]> {
  const files = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  const issues: ArchiveIssue[] = [];
  for (const file of files.filter((f) => f.endsWith('.json')).sort()) issues.push(JSON.parse(await readFile(join(dir, file), 'utf8')) as ArchiveIssue);
  return issues;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await renderPageImages({
    content: process.env.CONTENT_DIR || 'content',
    seeds: process.env.SEEDS_DIR || 'seeds',
    dist: process.env.DIST_DIR || 'dist',
  });
}
