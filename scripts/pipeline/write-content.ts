// Stage: write content. The archive → JSON files under `<out>/archive/` (Astro data collections),
// written to a temporary folder first and swapped in, so a failed run never leaves a half-written archive.
// Each article is one JSON file holding its fields once: no Markdown body and so no rendered HTML in
// Astro's content store (the site renders the `paragraphs` as text; issue 17 measured the store).
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { ArchiveArticle, ArchiveIssue } from '../../src/lib/archive-schema.ts';
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
 * @param options.reuse (default true) an issue whose files are all as the live archive's `digests.json`
 *   lists them is moved (renamed) from the live archive into the new one instead of written again.
 *
 * Reuse (issue 17): a day added to a 100k archive changes 3 of ~1,500 issues, but writing every file
 * again was most of a re-ingest (~105k files). An issue's articles are one folder
 * (`articles/<paper>/<date>/`) and its issue file one file, so an unchanged issue costs two renames. The
 * live archive is this stage's own output and its `digests.json` describes it (the partitioned build
 * fingerprints from it too); a file edited by hand after ingest would be carried over as it is.
 * While the new archive is made, the moved folders are missing from the live one: a journal beside the
 * archive (`.archive-moves-<run>.json`, written before the first move) lets a failed run, and the next
 * run after one killed half-way, put them back. The new archive is the same, byte for byte, as one
 * written from scratch (test/write-content-reuse.test.ts).
 */
export async function writeContent(
  out: string,
  archive: Archive,
  report: IngestReport,
  check?: (dir: string) => Promise<boolean>,
  options: { reuse?: boolean } = {},
): Promise<boolean> {
  const final = join(out, 'archive');
  // Unique per run (pid and a random part): one run's folder is never taken for another's.
  const run = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const temp = join(out, `${TEMP}${run}`);
  const old = join(out, `${OLD}${run}`);
  const journal = join(out, `${MOVES}${run}.json`);
  await recoverInterruptedRun(out);
  const moved: string[] = [];
  const restore = async (): Promise<void> => {
    if (!existsSync(final) && existsSync(old)) await rename(old, final);
    await moveBack(temp, final, moved);
    await rm(temp, { recursive: true, force: true });
    await rm(journal, { force: true });
  };
  try {
    const live = options.reuse === false ? null : await readDigests(final);
    const units = issueUnits(archive);
    // Every file's digest, in a clean write's order (papers, issues, articles, report); no text is kept.
    const digests: Record<string, string> = { 'papers.json': digest(json(archive.papers)) };
    for (const issue of archive.issues) digests[`issues/${issue.id}.json`] = digest(json(issue));
    for (const article of archive.articles) digests[`articles/${article.id}.json`] = digest(json(article));
    digests['report.json'] = digest(json(report));

    const liveCount = live ? articlesPerUnit(live) : new Map<string, number>();
    const reused = (key: string, unit: Unit): boolean =>
      live !== null && movable(key, unit) && paths(unit).every((path) => live[path] === digests[path]) && (liveCount.get(key) ?? 0) === unit.articles.length
      && (unit.issue !== undefined) === (live[`issues/${key}.json`] !== undefined);

    const folders = new Set<string>();
    /** The folder of a file in the new archive, made once; its target path. */
    const folderFor = async (path: string): Promise<string> => {
      const target = inside(temp, path);
      const folder = dirname(target);
      if (!folders.has(folder)) {
        await mkdir(folder, { recursive: true });
        folders.add(folder);
      }
      return target;
    };
    const put = async (path: string, text: string): Promise<void> => writeFile(await folderFor(path), text);
    // An issue's files are written at once, its folders made first: a write is mostly a wait on the
    // file system, and one at a time they were most of a full ingest's write stage.
    const writeUnit = async (unit: Unit): Promise<void> => {
      const files: [string, string][] = [
        ...(unit.issue ? [[`issues/${unit.issue.id}.json`, json(unit.issue)] as [string, string]] : []),
        ...unit.articles.map((article): [string, string] => [`articles/${article.id}.json`, json(article)]),
      ];
      const targets: string[] = [];
      for (const [path] of files) targets.push(await folderFor(path));
      // Settled, not Promise.all: no write is still going when a failure restores the previous archive.
      const failed = (await Promise.allSettled(files.map(([, text], i) => writeFile(targets[i]!, text)))).find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
    };

    await put('papers.json', json(archive.papers));
    const keep: [string, Unit][] = [];
    for (const [key, unit] of units) {
      if (reused(key, unit)) keep.push([key, unit]);
      else await writeUnit(unit);
    }
    if (keep.length) {
      const planned = keep.flatMap(([key, unit]) => [...(unit.articles.length ? [`articles/${key}`] : []), ...(unit.issue ? [`issues/${key}.json`] : [])]);
      await writeFile(journal, JSON.stringify(planned));
      for (const [key, unit] of keep) {
        // A folder or file the live archive no longer has (removed by hand): that issue is written.
        const ok = await moveUnit(final, temp, key, unit, folders, moved);
        if (!ok) await writeUnit(unit);
      }
    }
    await put('report.json', json(report));
    await writeFile(join(temp, DIGESTS), json(digests));
    if (check && !(await check(temp))) {
      await restore();
      return false;
    }
    await rename(final, old).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    await rename(temp, final);
    await rm(journal, { force: true });
    await rm(old, { recursive: true, force: true });
    return true;
  } catch (error) {
    await restore();
    throw error;
  }
}

/** One issue's files: its issue file (when the archive has the issue) and its articles. */
interface Unit {
  issue?: ArchiveIssue;
  articles: ArchiveArticle[];
}

/** An article id's issue, `<paper>/<date>` (ids are `<paper>/<date>/<NN>/<k>`, scripts/pipeline/build-issues.ts). */
const issueKey = (articleId: string): string => articleId.split('/').slice(0, 2).join('/');

function issueUnits(archive: Archive): Map<string, Unit> {
  const units = new Map<string, Unit>();
  const unit = (key: string): Unit => {
    let found = units.get(key);
    if (!found) units.set(key, (found = { articles: [] }));
    return found;
  };
  for (const issue of archive.issues) unit(issue.id).issue = issue;
  for (const article of archive.articles) unit(issueKey(article.id)).articles.push(article);
  return units;
}

/** A unit that can be moved as one folder: a `<paper>/<date>` key of plain names, every article under it. */
function movable(key: string, unit: Unit): boolean {
  const parts = key.split('/');
  return parts.length === 2 && parts.every((p) => p !== '' && p !== '.' && p !== '..' && !p.includes('\\'))
    && unit.articles.every((a) => a.id.startsWith(`${key}/`) && a.id.split('/').length === 4);
}

const paths = (unit: Unit): string[] => [...(unit.issue ? [`issues/${unit.issue.id}.json`] : []), ...unit.articles.map((a) => `articles/${a.id}.json`)];

/** Article files per `<paper>/<date>` in a digests list. */
function articlesPerUnit(digests: Record<string, string>): Map<string, number> {
  const count = new Map<string, number>();
  for (const path of Object.keys(digests)) {
    if (!path.startsWith('articles/')) continue;
    const key = issueKey(path.slice('articles/'.length));
    count.set(key, (count.get(key) ?? 0) + 1);
  }
  return count;
}

/** Moves an issue's folder and file from the live archive into the new one; false when one is not there. */
async function moveUnit(final: string, temp: string, key: string, unit: Unit, folders: Set<string>, moved: string[]): Promise<boolean> {
  const moves = [...(unit.articles.length ? [`articles/${key}`] : []), ...(unit.issue ? [`issues/${key}.json`] : [])];
  for (const path of moves) {
    const target = inside(temp, path);
    const folder = dirname(target);
    if (!folders.has(folder)) {
      await mkdir(folder, { recursive: true });
      folders.add(folder);
    }
    try {
      await rename(inside(final, path), target);
      moved.push(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      // Put back what was moved of this issue, so that writing it starts from nothing.
      await moveBack(temp, final, moved.splice(moved.length - moves.indexOf(path)));
      return false;
    }
  }
  return true;
}

/** Puts moved folders and files back from the new archive folder into the live one (newest move first). */
async function moveBack(temp: string, final: string, moved: readonly string[]): Promise<void> {
  for (const path of [...moved].reverse()) {
    if (!existsSync(join(temp, path)) || existsSync(join(final, path))) continue;
    await mkdir(dirname(join(final, path)), { recursive: true });
    await rename(join(temp, path), join(final, path));
  }
}

/** A path under `root`; ids are built from checked slugs and dates, this guards the rule that nothing is written elsewhere. */
function inside(root: string, path: string): string {
  const target = resolve(root, path);
  if (!target.startsWith(resolve(root) + sep)) throw new Error(`refusing to write ${path}: outside the archive folder`);
  return target;
}

async function readDigests(archive: string): Promise<Record<string, string> | null> {
  try {
    const value = JSON.parse(await readFile(join(archive, DIGESTS), 'utf8')) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, string>) : null;
  } catch {
    return null;
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
const MOVES = '.archive-moves-';

/**
 * A run killed half-way leaves its temporary folder, and when killed between the two renames, the
 * previous archive under its old name: put that back, put back the issues its journal says it was
 * moving out of the archive (those still in its temporary folder), and clear the leftovers.
 */
async function recoverInterruptedRun(out: string): Promise<void> {
  const leftovers = (await readdir(out).catch(() => [] as string[])).filter((name) => name.startsWith(TEMP) || name.startsWith(OLD) || name.startsWith(MOVES)).sort();
  const final = join(out, 'archive');
  const previous = leftovers.find((name) => name.startsWith(OLD));
  if (previous && !existsSync(final)) await rename(join(out, previous), final);
  for (const name of leftovers.filter((n) => n.startsWith(MOVES) && n.endsWith('.json'))) {
    const temp = join(out, `${TEMP}${name.slice(MOVES.length, -'.json'.length)}`);
    const planned = JSON.parse(await readFile(join(out, name), 'utf8').catch(() => '[]')) as unknown;
    const moved = Array.isArray(planned) ? planned.filter((p): p is string => typeof p === 'string') : [];
    if (existsSync(temp) && existsSync(final)) await moveBack(temp, final, moved.map((p) => relativeInside(final, p)).filter((p) => p !== null));
  }
  for (const name of leftovers) await rm(join(out, name), { recursive: true, force: true });
}

/** A journal's path when it stays inside the archive, else null. */
function relativeInside(root: string, path: string): string | null {
  const target = resolve(root, path);
  return target.startsWith(resolve(root) + sep) ? path : null;
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
