// Extraction quality on the sample pages, measured by the shared scorer against the gold editions:
// fails below article F1 90% or when any page keeps less than 100% of its characters.
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

describe.skipIf(!present)('scored extraction of the sample pages (../shared)', () => {
  it('reaches article F1 ≥ 90% and keeps every character on every page', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'score-'));
    await ingest({ seeds: join(shared, 'seeds'), out: join(dir, 'content'), json: join(dir, 'json'), log: () => {} });
    const out = execFileSync(process.execPath, [scorer, join(shared, 'gold'), join(dir, 'json'), '--seeds', join(shared, 'seeds')], { encoding: 'utf8' });
    const f1 = Number(/article F1 ([\d.]+)%/u.exec(out)?.[1]);
    expect(f1, out).toBeGreaterThanOrEqual(90);
    const rows = out.split('\n').filter((l) => /^\d{3}_/u.test(l));
    expect(rows.length).toBeGreaterThanOrEqual(5);
    for (const row of rows) expect(row.trim().split(/\s+/u).at(-1), row).toBe('100.0%');
  });
});

if (!present) {
  it('skips the scored run: ../shared (gold editions and scorer) is not present', () => {
    console.warn('score-samples: ../shared/tools/score-edition.mjs or ../shared/gold missing; scoring skipped');
  });
}
