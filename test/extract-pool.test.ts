// Ingest's extraction workers (scripts/extract-pool.ts): the archive ingest writes with two workers is
// byte for byte the one it writes extracting in its own thread (also when a cache has the workers start
// part-way), and the worker count follows
// INGEST_WORKERS, the number of files and the cores.
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../bench/corpus.ts';
import { generatePages, writeSeeds } from '../bench/generate.ts';
import { ingest } from '../scripts/build-content.ts';
import { MIN_FILES, workerCount } from '../scripts/extract-pool.ts';

async function hashTree(dir: string): Promise<Record<string, string>> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  const out: Record<string, string> = {};
  for (const f of files.sort()) out[f.slice(dir.length + 1)] = createHash('sha256').update(await readFile(f)).digest('hex');
  return out;
}

describe('workerCount', () => {
  it('INGEST_WORKERS decides when set; else one per core, none for a few files', () => {
    expect(workerCount(1000, { INGEST_WORKERS: '0' })).toBe(0);
    expect(workerCount(3, { INGEST_WORKERS: '2' })).toBe(2);
    expect(workerCount(1000, { INGEST_WORKERS: 'lots' })).toBe(0);
    expect(workerCount(MIN_FILES - 1, {})).toBe(0);
    expect(workerCount(MIN_FILES, {})).toBe(Math.min(availableParallelism(), 8));
  });
});

describe('ingest with extraction workers', () => {
  let root: string;
  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('writes the same archive as ingest in one thread', async () => {
    root = await mkdtemp(join(tmpdir(), 'extract-pool-'));
    const corpus = await readCorpus('seeds');
    const written = await writeSeeds(join(root, 'seeds'), generatePages(corpus, { articles: 700, papers: 2, seed: 3, start: '2021-05-01' }));
    // More pages than MIN_FILES: with a cache, the first MIN_FILES misses are extracted in ingest's
    // thread and the rest by the workers started then.
    expect(written.pages).toBeGreaterThan(MIN_FILES);
    const saved = { workers: process.env.INGEST_WORKERS, cache: process.env.INGEST_CACHE, dir: process.env.INGEST_CACHE_DIR };
    const trees: Record<string, Record<string, string>> = {};
    try {
      for (const [run, workers, cache] of [['0', '0', '0'], ['2', '2', '0'], ['2-cached', '2', '1']] as const) {
        process.env.INGEST_WORKERS = workers;
        process.env.INGEST_CACHE = cache;
        process.env.INGEST_CACHE_DIR = join(root, 'cache');
        const report = await ingest({ seeds: join(root, 'seeds'), out: join(root, `content-${run}`), log: () => {} });
        expect(report.written).toBe(true);
        expect(report.summary.read).toBe(written.pages);
        trees[run] = await hashTree(join(root, `content-${run}`));
      }
    } finally {
      for (const [name, value] of [['INGEST_WORKERS', saved.workers], ['INGEST_CACHE', saved.cache], ['INGEST_CACHE_DIR', saved.dir]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
    expect(Object.keys(trees['0']!).length).toBeGreaterThan(written.pages);
    expect(trees['2']).toEqual(trees['0']);
    expect(trees['2-cached']).toEqual(trees['0']);
  }, 120_000);
});
