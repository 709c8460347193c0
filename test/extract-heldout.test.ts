// Generalisation of article extraction: held-out pages rendered from the gold editions with layouts the
// samples do not show together (test/heldout/render.ts), ingested and scored by the shared scorer.
// Also: the minimal reproductions under test/heldout/cases/<case>/{input.txt,expected.json}, one failure
// each, scored the same way: each must reach article F1 100%; the ones still failing are listed in
// KNOWN_FAILURES (run with `.fails`, so the test turns red when a fix lands: then drop the name).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../scripts/build-content.ts';
import { readGolds, writeVariants } from './heldout/render.ts';

const shared = join('..', 'shared');
const scorer = join(shared, 'tools', 'score-edition.mjs');
const present = existsSync(scorer) && existsSync(join(shared, 'gold'));
// Without ../shared the tests below are reported as skipped (describe.skipIf), never as passed.
if (!present) console.warn('extract-heldout: ../shared/tools/score-edition.mjs or ../shared/gold missing; held-out scoring skipped');

/** Variants rendered (seeds 1…N: the same pages on every run). */
const VARIANTS = 48;
/**
 * Measured on 2026-12-01 (branch extract2, 48 variants): overall article F1 100%, mean per-variant F1
 * 100%, min 100% (main at 2ca9774: 76.1%, mean 76.0%, min 0%). Since the renderer also prints pages
 * double-spaced or without blank lines (branch extract3): 100%, mean 100%, min 100% (at 2b661e7, before
 * the spacing rules: 7 double-spaced and 6 blank-less pages at 74–75% mean). The 48 variants were looked at while
 * fixing; variants 49–200, scored only afterwards, reach 99.5% (see test/heldout/README.md). Measured
 * again on 2026-12-02 (branch extract, with split-columns and fold-radicals): overall 100%, mean 100%,
 * min 100%. The bars sit just under that: one article missed among the ~290 costs about 0.35 points
 * overall, so a regression of a few articles fails.
 */
const MIN_OVERALL_F1 = 99;
const MIN_MEAN_F1 = 99;

/** Runs the shared scorer; per-edition article F1 (by name) and the overall figure. */
function score(gold: string, json: string, seeds: string): { rows: Map<string, number>; overall: number; out: string } {
  const out = execFileSync(process.execPath, [scorer, gold, json, '--seeds', seeds, '--verbose'], { encoding: 'utf8' });
  const rows = new Map<string, number>();
  for (const line of out.split('\n')) {
    const cells = line.trim().split(/\s+/u);
    if (cells.length >= 9 && cells[0] !== 'edition' && cells[0] !== 'ALL') rows.set(cells[0]!, Number.parseFloat(cells[4]!));
  }
  return { rows, overall: Number(/article F1 ([\d.]+)%/u.exec(out)?.[1]), out };
}

describe.skipIf(!present)('held-out pages rendered from gold (../shared)', () => {
  it(`scores ${VARIANTS} rendered variants at or above the measured bar`, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'heldout-'));
    writeVariants(readGolds(join(shared, 'gold')), dir, VARIANTS);
    await ingest({ seeds: join(dir, 'seeds'), out: join(dir, 'content'), json: join(dir, 'json'), log: () => {} });
    const { rows, overall, out } = score(join(dir, 'gold'), join(dir, 'json'), join(dir, 'seeds'));
    console.log(out);
    expect(rows.size, out).toBe(VARIANTS);
    const f1s = [...rows.values()];
    const mean = f1s.reduce((a, b) => a + b, 0) / f1s.length;
    console.log(`held-out: overall article F1 ${overall}%, mean ${mean.toFixed(1)}%, min ${Math.min(...f1s)}%`);
    expect(overall, out).toBeGreaterThanOrEqual(MIN_OVERALL_F1);
    expect(mean, out).toBeGreaterThanOrEqual(MIN_MEAN_F1);
  });
});


const casesDir = join('test', 'heldout', 'cases');
/** Cases extraction still gets wrong (causes: test/heldout/README.md). Remove a name once it passes. */
const KNOWN_FAILURES = new Set<string>([]);

describe.skipIf(!present)('held-out failure cases (test/heldout/cases)', () => {
  const names = readdirSync(casesDir).sort();
  let scored: Promise<ReturnType<typeof score>> | undefined;
  /** All cases ingested and scored once, as one seeds folder. */
  const scoreCases = async (): Promise<ReturnType<typeof score>> => {
    const dir = await mkdtemp(join(tmpdir(), 'heldout-cases-'));
    for (const sub of ['seeds', 'gold']) mkdirSync(join(dir, sub));
    for (const name of names) {
      copyFileSync(join(casesDir, name, 'input.txt'), join(dir, 'seeds', `${name}.txt`));
      copyFileSync(join(casesDir, name, 'expected.json'), join(dir, 'gold', `${name}.json`));
    }
    await ingest({ seeds: join(dir, 'seeds'), out: join(dir, 'content'), json: join(dir, 'json'), log: () => {} });
    return score(join(dir, 'gold'), join(dir, 'json'), join(dir, 'seeds'));
  };
  // The known failures pass when scoring itself breaks; this one does not.
  it('scores every case', async () => {
    scored ??= scoreCases();
    const { rows, out } = await scored;
    expect([...rows.keys()].sort(), out).toEqual(names);
  });
  for (const name of names) {
    const test = KNOWN_FAILURES.has(name) ? it.fails : it;
    test(`${name}: article F1 100%`, async () => {
      scored ??= scoreCases();
      const { rows, out } = await scored;
      expect(rows.get(name), out).toBe(100);
    });
  }
});
