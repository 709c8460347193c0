// The search index grows by appending (issue 17, scripts/index-search.ts): an archive built day by
// day, its index appended to after each ingest, ends with the same files, byte for byte, as an index
// written once of the whole archive; each append reports every file it changed (and nothing else
// changed); a change in the past (a day's page removed) writes the index anew, again equal to a clean
// one. Two layouts: segments of 7 articles, so that every added day closes the open segment (its
// postings move from the dictionary into blocks, which fill and start, and lists grow out of their
// dictionary entries into post files); and segments larger than the archive, so that every day stays
// in the open segment and an append writes no post file at all.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../bench/corpus.ts';
import { generatePages, writeSeeds, type SeedPage } from '../bench/generate.ts';
import { ingest } from '../scripts/build-content.ts';
import { indexSearch, type IndexResult } from '../scripts/index-search.ts';

const LAYOUT = { segmentDocs: 7, blockBytes: 600, dictBytes: 2000, inlineBytes: 300 };
const OPEN_LAYOUT = { ...LAYOUT, segmentDocs: 4096 };

async function hashTree(dir: string): Promise<Record<string, string>> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  const hashes: Record<string, string> = {};
  for (const file of files.sort()) hashes[file.slice(dir.length + 1)] = createHash('sha256').update(await readFile(file)).digest('hex');
  return hashes;
}

/** Paths whose bytes differ between two trees, or that are in only one. */
const differing = (a: Record<string, string>, b: Record<string, string>): string[] =>
  [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((f) => a[f] !== b[f]).sort();

describe('the search index appended day by day', () => {
  let root: string;
  let pages: SeedPage[];
  const runs: IndexResult[] = [];
  const trees: Array<Record<string, string>> = [];
  const cleans: Array<Record<string, string>> = [];
  const openRuns: IndexResult[] = [];
  const openTrees: Array<Record<string, string>> = [];
  const openCleans: Array<Record<string, string>> = [];

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'search-incremental-'));
    pages = [...generatePages(await readCorpus('seeds'), { articles: 700, papers: 2, seed: 5, start: '2021-03-30' })];
    const days = [...new Set(pages.map((p) => p.date))].sort();
    expect(days.length).toBeGreaterThanOrEqual(4);
    const seeds = join(root, 'seeds');
    const content = join(root, 'content');
    const index = async (out: string, state?: string, layout = LAYOUT): Promise<IndexResult> => indexSearch({ out, content, state, code: 'test', layout, log: () => {} });
    // The first day, then one day at a time.
    const steps = [days[0]!, days[1]!, days[2]!, days[3]!];
    let written = '';
    for (const last of steps) {
      await writeSeeds(seeds, pages.filter((p) => p.date > written && p.date <= last));
      written = last;
      await ingest({ seeds, out: content, log: () => {} });
      runs.push(await index(join(root, 'index'), join(root, 'state')));
      trees.push(await hashTree(join(root, 'index')));
      const clean = join(root, `clean-${runs.length}`);
      await index(clean);
      cleans.push(await hashTree(clean));
      openRuns.push(await index(join(root, 'open'), join(root, 'open-state'), OPEN_LAYOUT));
      openTrees.push(await hashTree(join(root, 'open')));
      await index(`${clean}-open`, undefined, OPEN_LAYOUT);
      openCleans.push(await hashTree(`${clean}-open`));
    }
    // A change in the past: the first day's last page removed.
    const first = pages.filter((p) => p.date === days[0]).at(-1)!;
    await rm(join(seeds, first.path));
    await ingest({ seeds, out: content, log: () => {} });
    runs.push(await index(join(root, 'index'), join(root, 'state')));
    trees.push(await hashTree(join(root, 'index')));
    await index(join(root, 'clean-last'));
    cleans.push(await hashTree(join(root, 'clean-last')));
  }, 300_000);

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('the first index is written anew, each added day appended', () => {
    expect(runs.map((r) => r.appended === null)).toEqual([true, false, false, false, true]);
    for (const [n, run] of runs.entries()) if (n > 0 && run.appended !== null) expect(run.appended).toBe(run.indexed - runs[n - 1]!.indexed);
    expect(runs[3]!.indexed).toBeGreaterThan(200);
    // The tiny layout is exercised: several segments, post files, and lists still inline.
    expect(runs[3]!.manifest.docs / LAYOUT.segmentDocs).toBeGreaterThan(20);
    expect(Object.keys(trees[3]!).filter((f) => f.startsWith('pagefind/post/')).length).toBeGreaterThan(500);
  });

  it('after every step the files are those of an index written once of the same archive, byte for byte', () => {
    expect(trees.length).toBe(cleans.length);
    for (const [n, tree] of trees.entries()) expect(differing(tree, cleans[n]!), `step ${n}`).toEqual([]);
  });

  it('an append lists every file it changed, and the files it did not list are unchanged', () => {
    for (let n = 1; n < 4; n++) {
      const changed = runs[n]!.changed!;
      const diff = differing(trees[n - 1]!, trees[n]!);
      expect(diff.filter((f) => !changed.includes(f)), `step ${n}`).toEqual([]);
      // Cards of old articles and their full blocks stay as they were.
      expect(changed.some((f) => f === 'pagefind/card/0/0.bin')).toBe(false);
      expect(changed.length).toBeLessThan(Object.keys(trees[n]!).length);
    }
    expect(runs[4]!.changed).toBeNull();
  });

  it('days within the open segment: appended, equal to a clean index, and only the dictionary, cards, tables and manifest written', () => {
    expect(openRuns.map((r) => r.appended === null)).toEqual([true, false, false, false]);
    for (const [n, tree] of openTrees.entries()) expect(differing(tree, openCleans[n]!), `step ${n}`).toEqual([]);
    expect(Object.keys(openTrees[3]!).filter((f) => f.startsWith('pagefind/post/'))).toEqual([]);
    for (let n = 1; n < 4; n++) {
      const kinds = new Set(openRuns[n]!.changed!.map((f) => f.split('/')[1]!.replace(/\.bin$|\.json$/u, '')));
      expect([...kinds].sort()).toEqual(['card', 'dict', 'index', 'issues', 'kinds']);
      expect(differing(openTrees[n - 1]!, openTrees[n]!).filter((f) => !openRuns[n]!.changed!.includes(f))).toEqual([]);
    }
  });
});
