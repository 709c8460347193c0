// Ingest (no site build) over the hostile corpus: every page it reads keeps every character, nothing is
// written outside the output folder, a re-run with fewer seeds leaves no stale pages, and the exit
// status is non-zero only when nothing could be read.
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../scripts/build-content.ts';
import { decodeSeed } from '../scripts/pipeline/decode.ts';
import { sanitiseText } from '../scripts/pipeline/sanitise-text.ts';
import type { IngestReport } from '../scripts/pipeline/write-content.ts';
import { makeHostileCorpus, type HostileCorpus } from './support/hostile-corpus.ts';

let corpus: HostileCorpus;
let work: string;
let report: IngestReport;
let seedsBefore: string[];

beforeAll(async () => {
  corpus = await makeHostileCorpus();
  work = join(corpus.seeds, '..', 'work');
  await mkdir(work);
  seedsBefore = (await readdir(corpus.seeds, { recursive: true })).sort();
  report = await ingest({ seeds: corpus.seeds, out: join(work, 'content'), json: join(work, 'json'), log: () => {} });
});

afterAll(() => rm(corpus.dir, { recursive: true, force: true }));

const counts = (text: string) => {
  const m = new Map<string, number>();
  for (const c of text.replace(/[\s#*]/gu, '')) m.set(c, (m.get(c) ?? 0) + 1);
  return m;
};

describe('ingest of the hostile corpus', () => {
  it('keeps every character of every page it reads (`#`/`*` marks aside)', async () => {
    const jsons = await readdir(join(work, 'json'));
    expect(jsons.length).toBe(report.summary.read);
    for (const name of jsons) {
      const edition = JSON.parse(await readFile(join(work, 'json', name), 'utf8'));
      // As read: decoded, and what the archive cannot carry replaced by U+FFFD (each reported).
      const text = sanitiseText(decodeSeed(await readFile(join(corpus.seeds, edition.seed)), edition.seed).seed!).seed.text;
      const kept: string[] = edition.furniture.map((f: { text: string }) => f.text);
      for (const a of edition.articles) kept.push(a.kicker ?? '', a.title ?? '', a.byline ?? '', ...a.subtitles, ...a.paragraphs);
      const got = counts(kept.join(''));
      expect([...counts(text)].filter(([c, n]) => (got.get(c) ?? 0) < n), edition.seed).toEqual([]);
    }
  });

  it('writes only inside the output folders, and never into the seeds or the folder beside them', async () => {
    expect((await readdir(work)).sort()).toEqual(['content', 'json']);
    expect(await readdir(join(work, 'content'))).toEqual(['archive']);
    expect(await readdir(corpus.outside)).toEqual(['secret.txt']);
    expect((await readdir(corpus.seeds, { recursive: true })).sort()).toEqual(seedsBefore);
  });

  it('a re-run without some seeds removes their pages and articles', async () => {
    const out = join(work, 'rerun');
    await ingest({ seeds: corpus.seeds, out, log: () => {} });
    expect(await readdir(join(out, 'archive/articles/hostile-daily'))).toContain('2999-01-01');
    await rm(join(corpus.seeds, 'hostile-daily/2999-01-01'), { recursive: true });
    await ingest({ seeds: corpus.seeds, out, log: () => {} });
    expect(await readdir(join(out, 'archive/articles/hostile-daily'))).not.toContain('2999-01-01');
    const issues = await readdir(join(out, 'archive/issues/hostile-daily'));
    expect(issues).toContain('2024-03-01.json');
    expect(issues).not.toContain('2999-01-01.json');
  });
});

describe('npm run ingest exit status', () => {
  const cli = (seeds: string, out: string) => spawnSync(process.execPath, ['scripts/build-content.ts', '--seeds', seeds, '--out', out], { encoding: 'utf8' });

  it('is 0 when some pages are read, whatever else is reported', async () => {
    const run = cli(corpus.seeds, join(work, 'cli'));
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^ingest: \d+ seed files \(\d+ read\)/mu);
  });

  it('is 1, with a diagnostic, when nothing can be read', async () => {
    const dir = join(corpus.dir, 'nothing');
    await mkdir(join(dir, 'seeds'), { recursive: true });
    for (const seeds of [join(dir, 'seeds'), join(dir, 'no-such-folder'), join(corpus.seeds, 'broken')]) {
      const run = cli(seeds, join(dir, 'out'));
      expect(run.status, seeds).toBe(1);
      expect(run.stderr).toMatch(/ {2}error {2}.* {2}(seeds\/none|decode\/\S+)$/mu);
    }
  });
});
