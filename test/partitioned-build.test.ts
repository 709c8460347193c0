// Partitioned builds (issue 17): partitions built on separate "machines" (caches of their own) and
// merged give the same site, byte for byte, as one machine's build; after a day is added, an
// incremental build rebuilds only that day's partition and the archive-wide one, appends the day to
// the search index, and gives the same site as a clean full build of the same seeds.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../bench/corpus.ts';
import { generatePages, nextDayPages, writeSeeds, type GenerateOptions } from '../bench/generate.ts';
import { ownerOf, planPartitions } from '../src/lib/partitions.ts';
import { buildSite, type BuildRun } from './support/build-lock.ts';

async function hashTree(dir: string): Promise<Record<string, string>> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  const hashes: Record<string, string> = {};
  for (const file of files.sort()) hashes[file.slice(dir.length + 1)] = createHash('sha256').update(await readFile(file)).digest('hex');
  return hashes;
}

describe('planPartitions', () => {
  const issue = (paper: string, date: string, articles: number) => ({ id: `${paper}/${date}`, date, articles });
  it('one partition a month, oldest first, its issues sorted', () => {
    const parts = planPartitions([issue('b', '2020-02-01', 5), issue('a', '2020-01-31', 5), issue('a', '2020-02-01', 5)], 100);
    expect(parts).toEqual([
      { id: '2020-01', issues: ['a/2020-01-31'], articles: 5 },
      { id: '2020-02', issues: ['a/2020-02-01', 'b/2020-02-01'], articles: 10 },
    ]);
  });
  it('a month above the limit in thirds: days 1-10, 11-20, 21 to the end', () => {
    const days = ['2020-03-01', '2020-03-10', '2020-03-11', '2020-03-20', '2020-03-21', '2020-03-31'];
    const parts = planPartitions(days.map((d) => issue('a', d, 10)), 50);
    expect(parts.map((p) => [p.id, p.issues])).toEqual([
      ['2020-03-1', ['a/2020-03-01', 'a/2020-03-10']],
      ['2020-03-2', ['a/2020-03-11', 'a/2020-03-20']],
      ['2020-03-3', ['a/2020-03-21', 'a/2020-03-31']],
    ]);
  });
});

describe('ownerOf', () => {
  const parts = new Map([['a/2020-01-31', '2020-01']]);
  it('files in an issue folder belong to its period, all else to the archive-wide partition', () => {
    expect(ownerOf('a/2020-01-31/index.html', parts)).toBe('2020-01');
    expect(ownerOf('a/2020-01-31/01/2/index.html', parts)).toBe('2020-01');
    expect(ownerOf('a/2020-01-31/issue.json', parts)).toBe('2020-01');
    expect(ownerOf('a/2020/index.html', parts)).toBe('site');
    expect(ownerOf('a/feed.xml', parts)).toBe('site');
    expect(ownerOf('index.html', parts)).toBe('site');
    expect(ownerOf('_astro/site.css', parts)).toBe('site');
  });
});

const PARTS = ['2020-01', '2020-02', 'site', 'search'];

describe('a partitioned build of a small archive (two days, then a third)', () => {
  const options: GenerateOptions = { articles: 150, papers: 1, seed: 7, start: '2020-01-31' };
  let root: string;
  const runs: Record<string, BuildRun> = {};
  const trees: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    await mkdir('.tmp', { recursive: true });
    // CONTENT_DIR is resolved from the project root by Astro: folders of this test's own under .tmp/.
    root = await mkdtemp('.tmp/partitioned-');
    const corpus = await readCorpus('seeds');
    const pages = [...generatePages(corpus, options)];
    await writeSeeds(join(root, 'seeds'), pages);
    const dirs = (name: string) => ({
      SEEDS_DIR: join(root, 'seeds'),
      CONTENT_DIR: join(root, `content-${name}`),
      DIST_DIR: join(root, `dist-${name}`),
      BUILD_CACHE_DIR: join(root, `cache-${name}`),
      BASE_PATH: '/',
      // Two astro jobs at a time whatever the test machine's cores (the default is one per two cores).
      BUILD_JOBS: '2',
    });
    // One job holding every partition: it loads every issue whole, where the partitions built apart
    // below know other issues from the issue index only (BuildJob.issueIndex).
    runs.one = await buildSite({ ...dirs('one'), BUILD_JOBS: '1' });
    trees.one = await hashTree(dirs('one').DIST_DIR);
    // Three machines, one partition each, then the merge.
    for (const id of PARTS) runs[id] = await buildSite(dirs(`m-${id}`), ['--partition', id, '--out', join(root, 'parts')]);
    runs.merge = await buildSite(dirs('merged'), ['--merge', ...PARTS.map((id) => join(root, 'parts', id))]);
    trees.merged = await hashTree(dirs('merged').DIST_DIR);
    // Add a day; rebuild incrementally; compare with a clean build of the same seeds.
    await writeSeeds(join(root, 'seeds'), nextDayPages(corpus, options, pages.at(-1)!.date));
    runs.added = await buildSite(dirs('one'));
    trees.added = await hashTree(dirs('one').DIST_DIR);
    // The clean build in jobs of one partition each, two at a time.
    runs.clean = await buildSite({ ...dirs('clean'), BUILD_JOB_ARTICLES: '1' });
    trees.clean = await hashTree(dirs('clean').DIST_DIR);
  }, 900_000);

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('every build succeeds', () => {
    for (const [name, run] of Object.entries(runs)) expect(run.status, `${name}: ${run.stderr.slice(-2000)}`).toBe(0);
  });

  it('the archive spans two months: four partitions (two months, the archive-wide pages, the search index)', () => {
    expect(runs.one!.stderr).toMatch(/build: 4 of 4 partitions rebuilt/u);
  });

  it('partitions built apart and merged give the one-machine site, byte for byte', () => {
    expect(Object.keys(trees.one!).some((f) => f.startsWith('2020-') || f.includes('/2020-01-31/'))).toBe(true);
    expect(Object.keys(trees.one!).some((f) => f.startsWith('pagefind/'))).toBe(true);
    expect(trees.merged).toEqual(trees.one);
  });

  it('adding a day rebuilds only its month (the issues that changed) and the archive-wide partition, and appends the day to the search index', () => {
    expect(runs.added!.stderr).toMatch(/build: 3 of 4 partitions to build/u);
    // Two slots: a job each, side by side.
    expect(runs.added!.stderr).toMatch(/astro build of 2020-02 \(/u);
    expect(runs.added!.stderr).toMatch(/astro build of site \(/u);
    expect(runs.added!.stderr).not.toMatch(/astro build of [^(]*2020-01/u);
    // Of its month, only the new day and the day before it (whose 下一期 now links on) are built again.
    expect(runs.added!.stderr).toMatch(/build: 2020-02: 2 of 3 issues to build again/u);
    expect(runs.added!.stderr).toMatch(/search: indexed \d+ articles added to \d+ /u);
    // The merge relinks the archive-wide partition whole, and of the month and the search index only
    // the files that changed (no card of an old article among them, no page of the first day).
    expect(runs.added!.stderr).toMatch(/1 changed, 2 changed in place/u);
  });

  it('a build can run its partitions as jobs side by side', () => {
    expect(runs.clean!.stderr).toMatch(/in 3 job\(s\), 2 at a time/u);
  });

  it('the incremental build equals a clean full build of the same seeds (built in parallel jobs)', () => {
    expect(Object.keys(trees.added!).length).toBeGreaterThan(Object.keys(trees.one!).length);
    expect(trees.added).toEqual(trees.clean);
  });
});
