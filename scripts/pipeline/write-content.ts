// Stage: write content. The archive → JSON files under `<out>/archive/` (Astro data collections),
// written to a temporary folder first and swapped in, so a failed run never leaves a half-written archive.
// Each article is one JSON file holding its fields once: no Markdown body and so no rendered HTML in
// Astro's content store (the site renders the `paragraphs` as text; issue 17 measured the store).
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Archive } from './build-issues.ts';
import type { Diagnostic } from './types.ts';

export interface IngestReport {
  summary: {
    /** Seed files found; `read` of them decoded and extracted. */
    seeds: number;
    read: number;
    pages: number;
    issues: number;
    articles: number;
    errors: number;
    warnings: number;
  };
  diagnostics: Diagnostic[];
}

/**
 * @param check called on the written temporary folder before it replaces the archive: when it says
 *   false, the temporary folder is removed, the previous archive stays, and writeContent returns false.
 */
export async function writeContent(out: string, archive: Archive, report: IngestReport, check?: (dir: string) => Promise<boolean>): Promise<boolean> {
  const final = join(out, 'archive');
  // Unique per run (pid and a random part): one run's folder is never taken for another's.
  const run = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const temp = join(out, `${TEMP}${run}`);
  const old = join(out, `${OLD}${run}`);
  await recoverInterruptedRun(out);
  try {
    const digests: Record<string, string> = {};
    for (const [path, text] of archiveFiles(archive, report)) {
      digests[path] = digest(text);
      const target = resolve(temp, path);
      // Ids are built from checked slugs and dates; this guards the rule that nothing is written elsewhere.
      if (!target.startsWith(resolve(temp) + sep)) throw new Error(`refusing to write ${path}: outside the archive folder`);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, text);
    }
    await writeFile(join(temp, DIGESTS), json(digests));
    if (check && !(await check(temp))) {
      await rm(temp, { recursive: true, force: true });
      return false;
    }
    await rename(final, old).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    await rename(temp, final);
    await rm(old, { recursive: true, force: true });
    return true;
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    if (!existsSync(final) && existsSync(old)) await rename(old, final);
    throw error;
  }
}

const TEMP = '.archive-tmp-';
/**
 * `archive/digests.json`: every other file's path → a hash of its bytes, so a partitioned build
 * (scripts/build-site.ts) fingerprints its inputs without reading the archive again.
 */
export const DIGESTS = 'digests.json';
export const digest = (text: string | Buffer): string => createHash('sha256').update(text).digest('base64url').slice(0, 22);
const OLD = '.archive-old-';

/** The archive's files, produced one at a time (the whole archive's text is never held at once). */
function* archiveFiles(archive: Archive, report: IngestReport): Generator<[string, string]> {
  yield ['papers.json', json(archive.papers)];
  for (const issue of archive.issues) yield [`issues/${issue.id}.json`, json(issue)];
  for (const article of archive.articles) yield [`articles/${article.id}.json`, json(article)];
  yield ['report.json', json(report)];
}

/**
 * A run killed half-way leaves its temporary folder, and when killed between the two renames, the
 * previous archive under its old name: put that back and clear the leftovers.
 */
async function recoverInterruptedRun(out: string): Promise<void> {
  const leftovers = (await readdir(out).catch(() => [] as string[])).filter((name) => name.startsWith(TEMP) || name.startsWith(OLD)).sort();
  const previous = leftovers.find((name) => name.startsWith(OLD));
  if (previous && !existsSync(join(out, 'archive'))) await rename(join(out, previous), join(out, 'archive'));
  for (const name of leftovers) await rm(join(out, name), { recursive: true, force: true });
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
