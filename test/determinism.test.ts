// Same seeds → byte-identical content/ and dist/: two full builds of seeds/ (ingest, astro build,
// Pagefind) one after the other, into two temporary DIST_DIRs, compared file by file.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildRun } from './support/build-lock.ts';

interface Snapshot {
  content: Map<string, string>;
  dist: Map<string, string>;
}
const builds: { run: BuildRun; snapshot: Snapshot }[] = [];
const temporary: string[] = [];

/** Every file under `dir` → the SHA-256 of its bytes. */
async function hashTree(dir: string): Promise<Map<string, string>> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  const hashes = new Map<string, string>();
  for (const file of files.sort()) hashes.set(file.slice(dir.length + 1), createHash('sha256').update(await readFile(file)).digest('hex'));
  return hashes;
}

beforeAll(async () => {
  const root = await mkdtemp(join(tmpdir(), 'determinism-'));
  temporary.push(root);
  await mkdir('.tmp', { recursive: true });
  for (const n of [1, 2]) {
    const dist = join(root, `dist-${n}`);
    // CONTENT_DIR is resolved from the project root by Astro: a folder of this test's own under .tmp/.
    const content = await mkdtemp('.tmp/determinism-content-');
    temporary.push(content);
    const run = await buildSite({ SEEDS_DIR: 'seeds', DIST_DIR: dist, BASE_PATH: '/', CONTENT_DIR: content });
    builds.push({ run, snapshot: { content: await hashTree(join(content, 'archive')), dist: await hashTree(dist) } });
  }
}, 300_000);

afterAll(async () => {
  for (const dir of temporary) await rm(dir, { recursive: true, force: true });
});

describe('two builds of the same seeds', () => {
  it('both succeed', () => {
    for (const { run } of builds) expect(run.status, run.stderr).toBe(0);
  });

  it('write byte-identical content/archive', () => {
    const [a, b] = builds.map((x) => x.snapshot.content);
    expect(a!.size).toBeGreaterThan(5);
    expect(Object.fromEntries(b!)).toEqual(Object.fromEntries(a!));
  });

  it('write byte-identical dist/, search index included', () => {
    const [a, b] = builds.map((x) => x.snapshot.dist);
    expect([...a!.keys()].some((f) => f.startsWith('pagefind/'))).toBe(true);
    expect([...a!.keys()].some((f) => f.endsWith('index.html'))).toBe(true);
    expect(Object.fromEntries(b!)).toEqual(Object.fromEntries(a!));
  });
});
