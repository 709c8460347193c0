// Extraction quality on the sample pages, measured by the shared scorer against the gold editions.
// Without ../shared (gold editions, scorer, sample seeds) the test is reported as skipped, not passed.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../scripts/build-content.ts';

const shared = join('..', 'shared');
const scorer = join(shared, 'tools', 'score-edition.mjs');
const present = existsSync(scorer) && existsSync(join(shared, 'gold')) && existsSync(join(shared, 'seeds'));
if (!present) console.warn('score-samples: ../shared/tools/score-edition.mjs, ../shared/gold or ../shared/seeds missing; scoring skipped');

/**
 * Measured on 2026-12-02 after the integration of issues 13-18 (split-columns, fold-radicals, the scored
 * labeller): article F1 100%, titles 100%, kept 100% on all five pages. One article of the 29 costs about
 * 3.4 points, so the bars fail at the first lost article (issue 13's target is 97%).
 */
const MIN_ARTICLE_F1 = 99;
const MIN_TITLES = 99;

describe.skipIf(!present)('scored extraction of the sample pages (../shared)', () => {
  it(`reaches article F1 and titles ≥ ${MIN_ARTICLE_F1}% and keeps every character on every page`, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'score-'));
    await ingest({ seeds: join(shared, 'seeds'), out: join(dir, 'content'), json: join(dir, 'json'), log: () => {} });
    const out = execFileSync(process.execPath, [scorer, join(shared, 'gold'), join(dir, 'json'), '--seeds', join(shared, 'seeds')], { encoding: 'utf8' });
    const f1 = Number(/article F1 ([\d.]+)%/u.exec(out)?.[1]);
    expect(f1, out).toBeGreaterThanOrEqual(MIN_ARTICLE_F1);
    // The ALL row: meta art-P art-R art-F1 titles paras order kept.
    const all = out.split('\n').find((l) => l.startsWith('ALL'))?.trim().split(/\s+/u) ?? [];
    expect(Number.parseFloat(all[5] ?? ''), out).toBeGreaterThanOrEqual(MIN_TITLES);
    const rows = out.split('\n').filter((l) => /^\d{3}_/u.test(l));
    expect(rows.length).toBeGreaterThanOrEqual(5);
    for (const row of rows) expect(row.trim().split(/\s+/u).at(-1), row).toBe('100.0%');
  });
});
