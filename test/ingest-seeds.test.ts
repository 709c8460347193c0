// Every sample seed is read, placed in an issue, and keeps every character (the conservation invariant).
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../scripts/build-content.ts';
import type { IngestReport } from '../scripts/pipeline/write-content.ts';

const seeds = 'seeds';
let out: string;
let report: IngestReport;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ingest-'));
  out = join(dir, 'content');
  report = await ingest({ seeds, out, json: join(dir, 'json'), log: () => {} });
});

const markdownSyntax = /[\s#*<>_]/gu;
function charCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of text.replace(markdownSyntax, '')) counts.set(c, (counts.get(c) ?? 0) + 1);
  return counts;
}

describe('ingest of the sample seeds', () => {
  it('reads every seed file', async () => {
    const files = (await readdir(seeds)).filter((f) => f.endsWith('.txt'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    expect(report.summary.seeds).toBe(files.length);
  });

  it('keeps every non-whitespace character of every seed', async () => {
    for (const file of (await readdir(seeds)).filter((f) => f.endsWith('.txt'))) {
      const seed = charCounts(await readFile(join(seeds, file), 'utf8'));
      const edition = JSON.parse(await readFile(join(out, '..', 'json', file.replace(/\.txt$/, '.json')), 'utf8'));
      const texts: string[] = [];
      for (const a of edition.articles) texts.push(a.kicker ?? '', a.title ?? '', a.byline ?? '', ...a.subtitles, ...a.paragraphs);
      for (const f of edition.furniture) texts.push(f.text);
      const got = charCounts(texts.join(''));
      const missing = [...seed].filter(([c, n]) => (got.get(c) ?? 0) < n).map(([c]) => c);
      expect(missing, `${file} loses characters`).toEqual([]);
    }
  });
});
