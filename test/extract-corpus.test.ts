// Extraction quality on the real-tool corpus (test/corpus: fresh articles printed by Chromium and
// WeasyPrint, flattened by pdftotext, mutool and pdfminer), scored by the shared scorer per split.
// The bars sit just under what the extractor measures now, so a change that loses quality fails; raise
// them as extraction improves. Nobody reads the sealed split's failures to write a rule.
import { existsSync, readdirSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../scripts/build-content.ts';
import { GATED_SPLITS, readIndex, SCORER, scoreFiles, scorePdfFiles, splitDir } from './corpus/score.ts';

/**
 * Bars (percent), from `npm run corpus:score` on the corpus as committed (dev 96 seed files, sealed 100),
 * measured 2026-12-02 with the extractor of the integration of issues 13-18 (split-columns, the scored
 * labeller, radicals folded as the gold contract does): dev article F1 64.4%, titles 76.3%; sealed article
 * F1 47.0%, titles 64.9%; kept 100.0% on every file of both (main at 6893ec6: dev 20.5% / 25.3%, sealed
 * 21.0% / 29.4%). With the labeller trained on the train split too (test/corpus/train, branch train): dev
 * 67.7% / 77.2%, sealed 48.4% / 64.0%; with run-in titles split off (split-run-in-titles.ts): dev 71.0% /
 * 80.7%, sealed 57.3% / 74.8%; thread-columns only where a body switches between a narrow column and
 * wide lines: dev 71.1% / 80.9%, sealed 59.1% / 75.1%; main after the layout merge (e84db35): dev 74.7% /
 * 84.6%, sealed 61.8% / 75.2%; the labeller with widths against each line's own column, three fits
 * averaged: dev 75.6% / 85.1%, sealed 62.4% / 78.2%; main with the branches combined (9cbe531: those, the
 * -layout grid's blank rows, order-fragments): dev 78.9% / 86.3%, sealed 63.2% / 76.8%; the labeller fitted on the lines extraction
 * labels (readingLines: the -layout grid cut and the fragments ordered, which training skipped): dev
 * 79.1% / 86.3%, sealed 62.9% / 76.3% (within the ±0.5 a retrain with other order seeds moves sealed);
 * a lone production credit as furniture and headlines matched to the bodies they name
 * (match-headlines.ts): dev 80.6% / 88.4%, sealed 64.2% / 78.7%; fragments of pdftotext's default mode
 * ordered a second time with each neighbourhood's stride (order-fragments.ts localStrides): dev 80.3% /
 * 88.7%, sealed 64.7% / 78.5% (train 80.1 → 80.3%).
 */
const BARS = {
  dev: { f1: 80, titles: 88 },
  sealed: { f1: 63.5, titles: 78 },
} as const;

/**
 * PDF mode (issue 18): each split's printed pages (`<split>/pdf/*.pdf`) read directly with pdfjs-dist and
 * scored against their gold, measured 2026-12-02 after the geometry of the PDF issue (modules under
 * headline type, one-line legs, run-in titles on their own line, datelines opening briefs, caption
 * titles): dev article F1 100.0%, titles 100.0%, order 99.9%; sealed totals F1 90.4%, titles 91.5%,
 * order 88.5% (before: dev 91.2 / 93.5 / 96.4, sealed 66.2 / 84.1 / 75.7). With each photo's caption
 * parted from the next one's (its own column, or the photo's white between them), sealed totals F1 99.1%,
 * titles 98.8%, order 99.1% (dev unchanged).
 */
const PDF_BARS = {
  dev: { f1: 99.5, titles: 99.5, order: 99.5 },
  sealed: { f1: 98.5, titles: 98.5, order: 98.5 },
} as const;

const present = existsSync(SCORER);

describe.skipIf(!present)('scored extraction of the real-tool corpus (test/corpus, scored with ../shared/tools)', () => {
  for (const split of GATED_SPLITS) {
    const indexed = existsSync(join(splitDir(split), 'index.json'));
    it.skipIf(!indexed)(`${split} split: article F1 ≥ ${BARS[split].f1}%, titles ≥ ${BARS[split].titles}%, every character kept on every page`, async () => {
      const dir = await mkdtemp(join(tmpdir(), `corpus-${split}-`));
      try {
        await ingest({ seeds: join(splitDir(split), 'seeds'), out: join(dir, 'content'), json: join(dir, 'json'), log: () => {} });
        const seeds = Object.keys(readIndex(split));
        const score = scoreFiles(split, seeds, join(dir, 'json'));
        const summary = JSON.stringify(score);
        expect(score.files, summary).toBe(seeds.length);
        expect(score.f1, summary).toBeGreaterThanOrEqual(BARS[split].f1);
        expect(score.titles, summary).toBeGreaterThanOrEqual(BARS[split].titles);
        expect(score.keptMin, summary).toBe(100);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }, 120_000); // about 6 s of CPU a split; the machine's two cores are shared
  }
});

describe.skipIf(!present)('PDF mode: the corpus pages read as PDF seeds (test/corpus/<split>/pdf, scored with ../shared/tools)', () => {
  for (const split of GATED_SPLITS) {
    const pdfDir = join(splitDir(split), 'pdf');
    const bars = PDF_BARS[split];
    it.skipIf(!existsSync(pdfDir))(`${split} split: article F1 ≥ ${bars.f1}%, titles ≥ ${bars.titles}%, reading order ≥ ${bars.order}%`, async () => {
      const dir = await mkdtemp(join(tmpdir(), `corpus-pdf-${split}-`));
      try {
        const pdfs = readdirSync(pdfDir).filter((f) => f.endsWith('.pdf'));
        await mkdir(join(dir, 'seeds'));
        for (const f of pdfs) await copyFile(join(pdfDir, f), join(dir, 'seeds', f));
        await ingest({ seeds: join(dir, 'seeds'), out: join(dir, 'content'), json: join(dir, 'json'), log: () => {} });
        const score = scorePdfFiles(split, join(dir, 'json'));
        const summary = JSON.stringify(score);
        expect(score.files, summary).toBe(pdfs.length);
        expect(score.f1, summary).toBeGreaterThanOrEqual(bars.f1);
        expect(score.titles, summary).toBeGreaterThanOrEqual(bars.titles);
        expect(score.order, summary).toBeGreaterThanOrEqual(bars.order);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }, 120_000);
  }
});

if (!present) {
  it.skip('scores the real-tool corpus: ../shared/tools/score-edition.mjs is not present', () => {});
}
