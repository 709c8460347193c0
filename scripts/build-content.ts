// `npm run ingest -- [--seeds DIR] [--out DIR] [--json DIR]`: seed pages → Astro content collections.
// The whole flow, top to bottom: lock the output folder → find seeds → read manifest → decode → sanitise
// → extract each page → build issues → write content (validated as the site reads it before it replaces
// the previous archive) and the scoring JSON → print diagnostics (repeats folded).
import { constants } from 'node:fs';
import { lstat, mkdir, open, readdir, realpath, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { buildIssues } from './pipeline/build-issues.ts';
import { decodeSeed } from './pipeline/decode.ts';
import { compareDiagnostics, diagnostic, fileStart, foldDiagnostics, formatDiagnostic } from './pipeline/diagnostics.ts';
import { toScoringJson } from './pipeline/extract-edition.ts';
import { extractPdfEdition } from './pipeline/extract-pdf-edition.ts';
import { nameJsonFiles } from './pipeline/name-json-files.ts';
import { readPdf } from './pipeline/read-pdf.ts';
import { emptyManifest, pdfExtension, readManifest, seedExtension } from './pipeline/read-manifest.ts';
import type { Diagnostic, Edition, Extracted, Manifest } from './pipeline/types.ts';
import { writeContent, type IngestReport } from './pipeline/write-content.ts';
import { lockOutput } from './lock-output.ts';
import { IngestCache } from './ingest-cache.ts';
import { ExtractPool, MIN_FILES, workerCount } from './extract-pool.ts';
import { extractTextSeed } from './extract-seed.ts';
import { ValidatedFiles } from './validated-files.ts';

export interface IngestOptions {
  seeds: string;
  out: string;
  json?: string | undefined;
  /** Where progress and diagnostics go (stderr by default). */
  log?: (line: string) => void;
  /** The caller already holds the output folder's lock (scripts/build-site.ts holds it for the whole build). */
  locked?: boolean;
}

export interface IngestOutcome extends IngestReport {
  /** Whether the new archive replaced the previous one (false: locked out, refused or not writable). */
  written: boolean;
}

const MANIFEST = 'manifest.yaml';
/**
 * The largest seed file read (4 MiB; a printed page is 5–50 KB of text). Larger files are reported and
 * skipped, never loaded, so memory stays bounded by this times one, whatever lands in the seeds folder.
 */
export const MAX_SEED_BYTES = 4 * 1024 * 1024;
/**
 * The largest manifest read: 1 MiB, about 10,800 full page entries (measured: 97 bytes per
 * `<paper>/<date>/<NN>.txt: { publication, date, page }` line). Pages the path places need no entry.
 */
export const MAX_MANIFEST_BYTES = 1024 * 1024;
/** Seed files read ahead of the one being taken (bounds memory to this many files' bytes). */
const READ_AHEAD = 8;
/** The largest PDF seed read (64 MiB; a printed page's PDF is 0.2–20 MB, most of it images). */
export const MAX_PDF_BYTES = 64 * 1024 * 1024;

export async function ingest(options: IngestOptions): Promise<IngestOutcome> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  if (options.locked) return ingestLocked(options, log);
  const lock = await lockOutput(options.out);
  if (!lock.held) {
    const message = lock.error
      ? `cannot write to the output folder (${lock.error}); nothing written`
      : `another ingest is writing to this folder (pid ${lock.owner?.pid ?? '?'} on ${lock.owner?.host ?? '?'}, started ${lock.owner?.started ?? '?'}); wait for it to finish, or remove ${lock.path} if no such run is going on. Nothing written`;
    return refused(options.out, message, lock.error ? 'write/failed' : 'write/locked', log);
  }
  try {
    if (lock.clearedStale) log(`ingest: cleared a stale lock left by pid ${lock.clearedStale.pid} (started ${lock.clearedStale.started || 'unknown'}), no longer running`);
    return await ingestLocked(options, log);
  } finally {
    await lock.release();
  }
}

/** A run that cannot start: one error, printed and returned. */
function refused(out: string, message: string, ruleId: string, log: (line: string) => void): IngestOutcome {
  const d = diagnostic(fileStart(out), 'error', message, ruleId);
  log(formatDiagnostic(d));
  return { summary: { seeds: 0, read: 0, pages: 0, issues: 0, articles: 0, errors: 1, warnings: 0 }, diagnostics: [d], written: false };
}

async function ingestLocked(options: IngestOptions, log: (line: string) => void): Promise<IngestOutcome> {
  const diagnostics: Diagnostic[] = [];
  const root = await realpath(options.seeds).catch(() => null);

  const files = root ? await findSeedFiles(root, diagnostics) : [];
  if (!root) diagnostics.push(diagnostic(fileStart(options.seeds), 'error', 'seeds folder not found', 'seeds/none'));
  else if (!files.length) diagnostics.push(diagnostic(fileStart(options.seeds), 'error', 'no seed files (.txt, .md or .pdf) in the seeds folder', 'seeds/none'));
  const manifest = root ? await loadManifest(root, new Set(files), diagnostics) : emptyManifest();

  const editions: Edition[] = [];
  const started = performance.now();
  const cache = root ? await IngestCache.open(manifest) : null;
  // Workers start once there is enough to extract: at once without a cache (every file is extracted),
  // else after MIN_FILES files missed the cache (a re-ingest that adds a day extracts a few pages, in
  // this thread, and pays no worker start-up).
  const workers = workerCount(files.length);
  let misses = 0;
  let pool: ExtractPool | null = workers && !cache ? new ExtractPool(workers, manifest) : null;
  const poolFor = (): ExtractPool | null => {
    if (!pool && workers && ++misses > MIN_FILES) pool = new ExtractPool(workers, manifest);
    return pool;
  };
  const readOne = async (file: string): Promise<Extracted> => {
    const found: Diagnostic[] = [];
    const isPdf = pdfExtension.test(file);
    const bytes = await readBounded(root!, file, isPdf ? MAX_PDF_BYTES : MAX_SEED_BYTES, found);
    if (!bytes) return { edition: null, diagnostics: found };
    const extract = async (): Promise<Extracted | string> => {
      if (isPdf) {
        const read = await readPdf(bytes, file);
        if (!read.pages.length) return { edition: null, diagnostics: read.diagnostics };
        const { edition, diagnostics: found } = extractPdfEdition(file, read.pages, manifest);
        return { edition, diagnostics: [...read.diagnostics, ...found] };
      }
      // In a worker when there are workers (its answer is the JSON text the cache stores).
      const workerPool = poolFor();
      return workerPool ? workerPool.extract(file, bytes) : extractTextSeed(bytes, file, manifest);
    };
    // Unchanged seed files are not extracted again (scripts/ingest-cache.ts).
    const extracted = cache ? await cache.get(file, bytes, extract) : await extract().then((e) => (typeof e === 'string' ? (JSON.parse(e) as Extracted) : e));
    return { edition: extracted.edition, diagnostics: [...found, ...extracted.diagnostics] };
  };
  // READ_AHEAD files per worker are read (and looked up in the cache, and extracted by the workers)
  // while earlier ones are taken in order: a re-ingest is mostly file reads, each a round trip to the
  // file system. Memory: that many files and their extractions.
  const ahead = READ_AHEAD * Math.max(1, workers);
  try {
    const pending = files.slice(0, ahead).map(readOne);
    for (const [i] of files.entries()) {
      if (files.length >= 200 && i % 100 === 0) log(`ingest: ${i}/${files.length} pages`);
      if (i + ahead < files.length) pending.push(readOne(files[i + ahead]!));
      const { edition, diagnostics: found } = await pending[i]!;
      delete pending[i];
      diagnostics.push(...found);
      if (edition) editions.push(edition);
    }
  } finally {
    await pool?.close();
  }

  const extracted = performance.now();
  if (options.json) await writeScoringJson(options.json, editions, diagnostics);
  const built = buildIssues(editions);
  const builtAt = performance.now();
  diagnostics.push(...built.diagnostics);

  const { archive } = built;
  const report: IngestReport = { summary: summarise(), diagnostics: foldDiagnostics(diagnostics.sort(compareDiagnostics)) };
  function summarise(): IngestReport['summary'] {
    return {
      seeds: files.length,
      read: editions.length,
      pages: archive.issues.reduce((n, issue) => n + issue.pages.length, 0),
      issues: archive.issues.length,
      articles: archive.articles.length,
      errors: diagnostics.filter((d) => d.severity === 'error').length,
      warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    };
  }
  // Written to a temporary folder, read back as the site will read it, swapped in only when it can be.
  const late: Diagnostic[] = [];
  let written = false;
  try {
    const validated = await ValidatedFiles.open(options.out);
    written = await writeContent(options.out, archive, report, async (dir) => {
      late.push(...(await validated.check(dir)));
      return late.length === 0;
    }, { reuse: process.env.INGEST_CACHE !== '0' }); // Unchanged issues are moved from the live archive, not written again.
    if (written) await validated.remember();
    if (!written) late.push(diagnostic(fileStart(options.out), 'error', 'the new archive cannot be read by the site (see above): the previous archive is kept', 'validate/refused'));
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    late.push(diagnostic(fileStart(options.out), 'error', `the archive cannot be written (${e.code ?? e.message}${e.path ? ` at ${e.path}` : ''}): the previous archive is kept`, 'write/failed'));
  }
  const seconds = (from: number, to: number): string => ((to - from) / 1000).toFixed(1);
  log(`ingest: seconds: read and extract ${seconds(started, extracted)}, build issues ${seconds(extracted, builtAt)}, write and validate ${seconds(builtAt, performance.now())}`);
  if (late.length) {
    diagnostics.push(...late);
    report.diagnostics = foldDiagnostics(diagnostics.sort(compareDiagnostics));
    report.summary = summarise();
  }
  for (const d of report.diagnostics) log(formatDiagnostic(d));
  const s = report.summary;
  log(`ingest: ${s.seeds} seed files (${s.read} read) → ${s.pages} pages, ${s.issues} issues, ${s.articles} articles; ${s.errors} errors, ${s.warnings} warnings${written ? '' : '; archive NOT replaced'}`);
  return { ...report, written };
}

/**
 * Seed files under the (real) seeds folder, relative and `/`-separated, sorted. Regular files only: a
 * FIFO, device or socket is reported and skipped (reading it could block or never end); a symbolic link
 * is followed only when it leads to a regular file inside the seeds folder; a folder that cannot be
 * listed is reported and the walk goes on.
 */
async function findSeedFiles(root: string, diagnostics: Diagnostic[]): Promise<string[]> {
  const files: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const at = fileStart(seedPath(root, dir) || '.');
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      diagnostics.push(diagnostic(at, 'error', `folder cannot be listed (${errorCode(error)}); skipped`, 'seeds/unreadable'));
      return;
    }
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) await walk(path);
      if (!seedExtension.test(e.name) || e.isDirectory()) continue;
      const file = seedPath(root, path);
      const problem = e.isFile() ? null : e.isSymbolicLink() ? await checkLink(root, path) : notAFile('not a regular file (a FIFO, device or socket)');
      if (problem) diagnostics.push(diagnostic(fileStart(file), 'warning', `${problem.message}; skipped`, problem.ruleId));
      else files.push(file);
    }
  };
  await walk(root);
  return files.sort();
}

/** A path under the seeds folder as diagnostics and the manifest name it: relative, `/`-separated. */
function seedPath(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

/** What an fs error says in a diagnostic: its code (ENOENT, EACCES…), else the error itself. */
function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

interface Refusal {
  message: string;
  ruleId: 'seeds/outside-link' | 'seeds/not-a-file';
}
const notAFile = (message: string): Refusal => ({ message, ruleId: 'seeds/not-a-file' });

/** Why a symbolic link in the seeds folder is not read, or null when it leads to a seed file inside it. */
async function checkLink(root: string, path: string): Promise<Refusal | null> {
  const target = await realpath(path).catch(() => null);
  if (!target) return notAFile('a broken symbolic link');
  if (!target.startsWith(root + sep)) return { message: 'a symbolic link leading outside the seeds folder', ruleId: 'seeds/outside-link' };
  return (await stat(target)).isFile() ? null : notAFile('a symbolic link to something that is not a regular file');
}

/**
 * A file's bytes, or null with a diagnostic when it is no regular file, larger than `limit` or
 * unreadable. Opened non-blocking and checked on the open handle, so a FIFO swapped in cannot hang us.
 */
async function readBounded(root: string, file: string, limit: number, diagnostics: Diagnostic[]): Promise<Uint8Array | null> {
  const fail = (severity: 'error' | 'warning', message: string, ruleId: string): null => {
    diagnostics.push(diagnostic(fileStart(file), severity, message, ruleId));
    return null;
  };
  const unreadable = (error: unknown) => fail('error', `cannot be read (${errorCode(error)}); skipped`, 'seeds/unreadable');
  let handle;
  try {
    handle = await open(join(root, file), constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return unreadable(error);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return fail('warning', 'not a regular file; skipped', 'seeds/not-a-file');
    if (info.size > limit) return fail('error', `${info.size} bytes, more than the ${limit}-byte limit for one file; skipped unread`, 'seeds/too-large');
    return await handle.readFile();
  } catch (error) {
    return unreadable(error);
  } finally {
    await handle.close();
  }
}

async function loadManifest(root: string, seedFiles: ReadonlySet<string>, diagnostics: Diagnostic[]): Promise<Manifest> {
  const path = join(root, MANIFEST);
  const info = await lstat(path).catch(() => null);
  if (!info) return emptyManifest();
  const problem = info.isSymbolicLink() ? await checkLink(root, path) : null;
  if (problem) {
    diagnostics.push(diagnostic(fileStart(MANIFEST), 'error', `${problem.message}; manifest ignored`, problem.ruleId));
    return emptyManifest();
  }
  const bytes = await readBounded(root, MANIFEST, MAX_MANIFEST_BYTES, diagnostics);
  if (!bytes) return emptyManifest();
  const decoded = decodeSeed(bytes, MANIFEST);
  diagnostics.push(...decoded.diagnostics.filter((d) => d.severity !== 'info'));
  if (!decoded.seed) return emptyManifest();
  const result = readManifest(decoded.seed.text, MANIFEST, seedFiles);
  diagnostics.push(...result.diagnostics);
  return result.manifest;
}

/** One JSON file per page (names: pipeline/name-json-files.ts); a file that cannot be written is a diagnostic. */
async function writeScoringJson(dir: string, editions: Edition[], diagnostics: Diagnostic[]): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    diagnostics.push(diagnostic(fileStart(dir), 'error', `--json folder cannot be made (${errorCode(error)}); no JSON written`, 'write/json-failed'));
    return;
  }
  const names = nameJsonFiles(editions.map((e) => e.seed));
  for (const edition of editions) {
    const name = names.get(edition.seed)!;
    try {
      await writeFile(join(dir, name), `${JSON.stringify(toScoringJson(edition), null, 2)}\n`);
    } catch (error) {
      diagnostics.push(diagnostic(fileStart(edition.seed), 'error', `its --json file ${name} cannot be written (${errorCode(error)})`, 'write/json-failed'));
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      seeds: { type: 'string', default: process.env.SEEDS_DIR || 'seeds' },
      out: { type: 'string', default: process.env.CONTENT_DIR || 'content' },
      json: { type: 'string' },
    },
  });
  const report = await ingest({ seeds: values.seeds, out: values.out, json: values.json });
  // Non-zero when nothing could be read at all (shared/DESIGN.md §2), or the archive was not replaced.
  if (report.summary.read === 0 || !report.written) process.exitCode = 1;
}
