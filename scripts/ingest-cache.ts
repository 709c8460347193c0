// Incremental ingest (issue 17): what decode and extract made of one seed file, kept on disk by a key
// of the file's path and bytes, the manifest and the pipeline's code, so that a re-run re-extracts only
// the seed files that changed. Build-issues and write-content still run over the whole archive (they
// join pages into issues and cost little). INGEST_CACHE_DIR moves the cache (default
// node_modules/.cache/shubao-ingest); INGEST_CACHE=0 turns it off.
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import type { Extracted, Manifest } from './pipeline/types.ts';

/** What extraction depends on besides the seed: the pipeline's code and tables (paths from the project root). */
const CODE = ['scripts/pipeline', 'scripts/data', 'scripts/build-content.ts', 'scripts/extract-seed.ts', 'package-lock.json'];
/** The project root: the code is found from here, not from the working folder (ingest may run from anywhere). */
const ROOT = join(import.meta.dirname, '..');

export class IngestCache {
  readonly #dir: string;
  readonly #base: string;
  private constructor(dir: string, base: string) {
    this.#dir = dir;
    this.#base = base;
  }

  /** The cache for this manifest and code, or null when turned off. */
  static async open(manifest: Manifest, env: NodeJS.ProcessEnv = process.env, root: string = ROOT): Promise<IngestCache | null> {
    if (env.INGEST_CACHE === '0') return null;
    const hash = createHash('sha256').update(JSON.stringify(manifest));
    for (const path of CODE) {
      const full = join(root, path);
      const info = await stat(full).catch(() => null);
      if (!info) continue;
      const files = info.isDirectory() ? (await readdir(full, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort() : [full];
      // Paths from the root, so two checkouts of the same code share a key.
      for (const file of files) hash.update(relative(root, file)).update(await readFile(file));
    }
    return new IngestCache(env.INGEST_CACHE_DIR || join(root, 'node_modules/.cache/shubao-ingest'), hash.digest('hex'));
  }

  /**
   * The cached extraction of this file, else `extract()`'s (an `Extracted`, or its JSON text as an
   * extraction worker sends it), stored for next time.
   */
  async get(file: string, bytes: Uint8Array, extract: () => Extracted | string | Promise<Extracted | string>): Promise<Extracted> {
    const key = createHash('sha256').update(this.#base).update(`\n${file}\n`).update(bytes).digest('hex');
    const path = join(this.#dir, key.slice(0, 2), `${key}.json`);
    const cached = await readFile(path, 'utf8').then((text) => JSON.parse(text) as Extracted, () => null);
    if (cached) return cached;
    const result = await extract();
    const json = typeof result === 'string' ? result : JSON.stringify(result);
    // Written aside and renamed: a killed run never leaves half an entry.
    await mkdir(dirname(path), { recursive: true });
    await writeFile(`${path}.${process.pid}`, json);
    await rename(`${path}.${process.pid}`, path);
    // The caller gets what a later run reads back (JSON drops undefined fields), so both runs agree.
    return JSON.parse(json) as Extracted;
  }
}
