// The partitioned, incremental site build (issue 17). After ingest, the archive is planned into
// partitions (src/lib/partitions.ts); each partition's inputs are fingerprinted (its issues and
// articles, the neighbouring issues it links to, the code and the settings that change output); the
// partitions whose fingerprint changed are built — in `astro build` jobs of up to JOB_ARTICLES
// articles, each job's output split by owner — and kept under the build cache (`<cache>/parts/<id>/`).
// The search index is a partition of its own (`search`, every article): the indexer appends a new
// day's articles to it in place and lists the files it changed, so the merge relinks only those. dist/
// is then assembled from the parts (hard links). A build of one partition on another machine
// (`--partition`) writes the same part folder; `--merge` assembles such folders the same way.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, readFile, readdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { buildArchiveNav } from '../src/lib/archive-nav.ts';
import { issueSchema, paperSchema, type ArchiveIssue } from '../src/lib/archive-schema.ts';
import { latestArticles } from '../src/lib/feeds.ts';
import { onThisDay } from '../src/lib/on-this-day.ts';
import { ownerOf, planPartitions, SEARCH_PARTITION, SITE_PARTITION, type BuildJob, type Partition } from '../src/lib/partitions.ts';
import { collectionStorage } from './collection-storage.ts';
import { indexSearchInWorker } from './search-worker.ts';
import { DIGESTS } from './pipeline/write-content.ts';

/** Articles an `astro build` job takes at most (well inside the single-string content store). */
export const JOB_ARTICLES = 20_000;
/** A build of at most this many articles is shared among the slots (an added day's: 909 articles at 20k). */
const SMALL_BUILD_ARTICLES = 2_000;

export interface PartitionedBuildOptions {
  content: string;
  /** Build cache: parts, job folders, fingerprints. */
  cache: string;
  /** Rebuild every partition whatever the fingerprints say. */
  full?: boolean;
  /** Build only these partitions (default: all that are stale). */
  only?: string[];
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}

export interface PlannedPartition extends Partition {
  fingerprint: string;
  /**
   * Each issue's own fingerprint (a period partition's; empty for the others): what of the partition's
   * fingerprint that issue's pages read. A partition built before is patched: only its issues whose
   * fingerprint changed are built again (an added day: the new issues and the ones before them, whose
   * 下一期 now links on), the rest of its folder kept.
   */
  issueFingerprints: Record<string, string>;
  /** Each issue's articles (a period partition's). */
  issueArticles: Record<string, number>;
  /** Article files it loads besides its issues' (the archive-wide partition's, relative to `archive/articles/`). */
  articleFiles: string[];
}

export interface ArchivePlan {
  partitions: PlannedPartition[];
  /** Issue id → its partition. */
  partitionOfIssue: Map<string, string>;
  /** Articles ingest wrote. */
  articles: number;
  /** The digest of the code and settings (codeDigest). */
  code: string;
  /** Every issue without its pages: what a job without the archive-wide partition knows of other issues (BuildJob.issueIndex). */
  issueIndex: ArchiveIssue[];
}

interface PartManifest {
  id: string;
  fingerprint: string;
  /** Articles its search index holds. */
  indexed: number;
  /** A period partition's issue fingerprints when it was built (PlannedPartition.issueFingerprints). */
  issues?: Record<string, string>;
  /**
   * Files (relative to the part folder) written or removed in place since the part was last merged
   * into the build's dist, for the merge to relink only those; null: the folder was written anew (a
   * period partition built whole, the search index written afresh). Absent for the archive-wide
   * partition, only ever replaced whole (its folder's stamp tells the merge).
   */
  pending?: string[] | null;
}

/** The settings that change what the site looks like; anything else in the environment does not. */
const OUTPUT_ENV = ['BASE_PATH', 'SITE_URL'] as const;
/** What the built site is made from besides the archive (paths from the project root). */
const CODE = ['src', 'scripts', 'content/pages', 'public', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json'];

/** The partitions and their fingerprints, from what ingest wrote. */
export async function planArchive(options: PartitionedBuildOptions): Promise<ArchivePlan> {
  const env = options.env ?? process.env;
  const archive = join(options.content, 'archive');
  const digests = JSON.parse(await readFile(join(archive, DIGESTS), 'utf8')) as Record<string, string>;
  const papers = paperSchema.array().parse(JSON.parse(await readFile(join(archive, 'papers.json'), 'utf8')));
  const issueFiles = Object.keys(digests).filter((p) => p.startsWith('issues/')).sort();
  const issues = await Promise.all(issueFiles.map(async (f) => issueSchema.parse(JSON.parse(await readFile(join(archive, f), 'utf8')))));
  const articlesOf = articleFilesByIssue(digests);
  const code = await codeDigest(env);

  const periods = planPartitions(issues.map((i) => ({ id: i.id, date: i.date, articles: articlesOf.get(i.id)?.length ?? 0 })));
  const partOfIssue = new Map(periods.flatMap((p) => p.issues.map((i) => [i, p.id] as const)));
  const articleIds = [...articlesOf.values()].flat().map(articleIdOf).sort();

  const nav = buildArchiveNav(papers, issues);
  const byId = new Map(nav.issueById);
  const firstDates = new Map(nav.papers.map((p) => [p.id, p.issues.at(-1)?.date]));
  const planned: PlannedPartition[] = periods.map((part) => {
    const hash = createHash('sha256').update(`${code}\n${part.id}\n`);
    const issueFingerprints: Record<string, string> = {};
    const issueArticles: Record<string, number> = {};
    for (const id of part.issues) {
      issueArticles[id] = articlesOf.get(id)?.length ?? 0;
      // Its issue, its articles, the issues its 上一期/下一期 and 往年今日 link to, and its paper's first
      // day (the date jump's lower bound).
      const { prev, next } = nav.issueNeighbours.get(id)!;
      const issue = byId.get(id)!;
      const earlier = onThisDay(nav.papers, issue.paper, issue.date).map((i) => `${i.paper}/${i.date}`);
      const lines = [`${id} ${digests[`issues/${id}.json`]} ${prev?.id ?? '-'} ${next?.id ?? '-'} ${firstDates.get(issue.paper)} ${earlier.join(',')}`];
      for (const file of articlesOf.get(id) ?? []) lines.push(`${file} ${digests[file]}`);
      const text = `${lines.join('\n')}\n`;
      hash.update(text);
      issueFingerprints[id] = createHash('sha256').update(`${code}\n`).update(text).digest('hex').slice(0, 16);
    }
    return { ...part, fingerprint: hash.digest('hex').slice(0, 16), issueFingerprints, issueArticles, articleFiles: [] };
  });

  // The archive-wide partition reads every issue (calendars, sitemap, lists), the papers, and the
  // articles the home page and feeds show; the search partition every issue and article.
  const site = siteArticles(nav, byId);
  const fingerprint = (id: string, articleFiles: readonly string[]): string => {
    const hash = createHash('sha256').update(`${code}\n${id}\n${digests['papers.json']}\n`);
    for (const f of [...issueFiles, ...articleFiles]) hash.update(`${f} ${digests[f]}\n`);
    return hash.digest('hex').slice(0, 16);
  };
  planned.push({ id: SITE_PARTITION, issues: [], articles: site.length, fingerprint: fingerprint(SITE_PARTITION, site.map((id) => `articles/${id}.json`)), issueFingerprints: {}, issueArticles: {}, articleFiles: site.map((id) => `${id}.json`) });
  const allArticles = Object.keys(digests).filter((p) => p.startsWith('articles/')).sort();
  planned.push({ id: SEARCH_PARTITION, issues: [], articles: articleIds.length, fingerprint: fingerprint(SEARCH_PARTITION, allArticles), issueFingerprints: {}, issueArticles: {}, articleFiles: [] });

  const issueIndex = issues.map((issue) => ({ ...issue, pages: [] }));
  return { partitions: planned, partitionOfIssue: partOfIssue, articles: articleIds.length, code, issueIndex };
}

/** Wall-clock seconds spent in ingest, planning, `astro build` jobs, the search index (written while the jobs run) and the merge, over a build. */
export const timings = { ingest: 0, plan: 0, astro: 0, search: 0, merge: 0 };
const since = (start: number): number => (performance.now() - start) / 1000;

/**
 * Builds the stale partitions (all with `full`, or `only`) into `<cache>/parts/`. Returns the ids built.
 */
export async function buildPartitions(options: PartitionedBuildOptions, plan: ArchivePlan): Promise<string[]> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const parts = join(options.cache, 'parts');
  await mkdir(parts, { recursive: true });
  const stale: PlannedPartition[] = [];
  /** Stale partitions built before, to be patched: only these issues built again. */
  const patches = new Map<string, Patch>();
  for (const part of plan.partitions) {
    if (options.only && !options.only.includes(part.id)) continue;
    const manifest = await readManifest(parts, part.id);
    if (!options.full && !options.only && manifest?.fingerprint === part.fingerprint) continue;
    const patch = options.full || options.only ? null : patchOf(part, manifest);
    if (patch) patches.set(part.id, patch);
    stale.push(patch ? { ...part, issues: patch.build, articles: patch.articles } : part);
  }
  // Parts of an earlier plan that no longer exist (a month split into thirds, a date removed).
  const known = new Set(plan.partitions.map((p) => p.id));
  if (!options.only) {
    for (const name of await readdir(parts)) {
      const id = name.replace(/\.json$/u, '');
      if (!known.has(id)) await rm(join(parts, name), { recursive: true, force: true });
    }
  }

  // Job folders a stopped build left behind.
  for (const name of await readdir(options.cache)) if (/^job(-\d+)?$/u.test(name)) await rm(join(options.cache, name), { recursive: true, force: true });

  // A patch that only removes issues needs no build.
  for (const part of stale) {
    const patch = patches.get(part.id);
    if (!patch || patch.build.length) continue;
    const target = join(parts, part.id);
    await rm(`${target}.json`, { force: true });
    await writeManifest(target, builtManifest(part, await patchFolder(target, target, patch)));
  }
  const pages = stale.filter((p) => p.id !== SEARCH_PARTITION && patches.get(p.id)?.build.length !== 0);
  const env = options.env ?? process.env;
  const slots = buildSlots(env);
  const jobs = batchJobs(pages, slots, env);
  if (patches.size) log(`build: ${[...patches].map(([id, p]) => `${id}: ${p.build.length} of ${p.of} issues`).join(', ')} to build again`);
  const total = pages.reduce((n, p) => n + p.articles, 0);
  const started = performance.now();
  let done = 0;
  log(`build: ${stale.length} of ${plan.partitions.length} partitions to build (${total} articles) in ${jobs.length} job(s), ${slots} at a time`);
  // Written once for the jobs without the archive-wide partition (BuildJob.issueIndex).
  const issueIndex = join(options.cache, 'issue-index.json');
  if (jobs.some((job) => !job.some((p) => p.id === SITE_PARTITION))) await writeFile(issueIndex, JSON.stringify(plan.issueIndex));
  // The search index is written in a thread of its own while the `astro build` jobs run (it reads only
  // the archive); a failure is reported after the jobs.
  const search = stale.find((p) => p.id === SEARCH_PARTITION);
  const indexing = search ? buildSearch(options, plan, search, log) : Promise.resolve();
  indexing.catch(() => {}); // Awaited below; this only keeps a failure from counting as unhandled meanwhile.
  // With several slots, the first job runs alone until Astro has synced its content: every job
  // writes the same generated modules into the project's .astro/ folder, each skipping the write when
  // the file already holds them, and two first writers at once would race on one temporary file.
  const firstSync = Promise.withResolvers<null>();
  let synced = false;
  void firstSync.promise.then(() => (synced = true));
  const running = new Map<number, Promise<number>>();
  let failure: unknown = null;
  let next = 0;
  while (running.size || (next < jobs.length && failure === null)) {
    while (next < jobs.length && failure === null && running.size < slots && (next === 0 || synced)) {
      const n = next++;
      running.set(n, runJob(options, plan, jobs[n]!, patches, n, issueIndex, log, n === 0 ? () => firstSync.resolve(null) : () => {}).then(() => n, (error: unknown) => {
        failure ??= error;
        return n;
      }));
    }
    const waits: Promise<number | null>[] = [...running.values()];
    if (!synced && next > 0) waits.push(firstSync.promise);
    const finished = await Promise.race(waits);
    if (finished === null) continue;
    running.delete(finished);
    if (failure !== null) continue;
    done += jobs[finished]!.reduce((k, p) => k + p.articles, 0);
    const seconds = (performance.now() - started) / 1000;
    const eta = done ? Math.round((seconds * (total - done)) / done) : 0;
    log(`build: job ${finished + 1}/${jobs.length} done, ${done}/${total} articles, ${Math.round(seconds)} s, ETA ${eta} s`);
  }
  await indexing;
  if (failure !== null) throw failure;
  return stale.map((p) => p.id);
}

/**
 * `astro build` jobs run at once: BUILD_JOBS, else one per two cores. One job keeps about 1.3 cores
 * busy (Rolldown's threads, the garbage collector), so on this 2-core machine two at a time were
 * slower than one after the other: an added day's two jobs at 20k took 18 s side by side against 10 s
 * as one, and a full build's 132 s against 112 s (six jobs against two).
 */
export function buildSlots(env: NodeJS.ProcessEnv): number {
  const asked = Number.parseInt(env.BUILD_JOBS ?? '', 10);
  return asked >= 1 ? asked : Math.max(1, Math.floor(availableParallelism() / 2));
}

/**
 * The search partition: the index appended to in place when its state allows (index-search.ts), else
 * written anew; the files it changed are added to the part's pending list for the merge. Its manifest
 * is removed first, so an index stopped half-way is stale on the next build.
 */
async function buildSearch(options: PartitionedBuildOptions, plan: ArchivePlan, part: PlannedPartition, log: (line: string) => void): Promise<void> {
  const parts = join(options.cache, 'parts');
  const before = await readManifest(parts, part.id);
  await rm(join(parts, `${part.id}.json`), { force: true });
  const searchStart = performance.now();
  const result = await indexSearchInWorker(
    { out: join(parts, part.id), content: options.content, state: join(options.cache, 'search-state'), fresh: options.full, code: plan.code },
    log,
  );
  timings.search += since(searchStart);
  const pending = result.changed && before?.pending !== null ? [...new Set([...(before?.pending ?? []), ...result.changed])].sort() : null;
  const manifest: PartManifest = { id: part.id, fingerprint: part.fingerprint, indexed: result.indexed, pending };
  await writeManifest(join(parts, part.id), manifest);
}

/**
 * Consecutive partitions grouped into jobs of up to JOB_ARTICLES articles: as few as that allows, as
 * each job pays Astro's start-up and loads the archive-wide index (20k, 2 cores: six jobs of 2.5–5k
 * articles two at a time took 132 s where two of 17.6k and 3.5k took 112 s). With several slots, a
 * small build (an added day: ~900 articles at 20k) is shared among them instead, so that its
 * partitions build side by side. BUILD_JOB_ARTICLES sets the limit instead.
 */
export function batchJobs(stale: readonly PlannedPartition[], slots: number, env: NodeJS.ProcessEnv = {}): PlannedPartition[][] {
  const total = stale.reduce((n, p) => n + p.articles, 0);
  const asked = Number.parseInt(env.BUILD_JOB_ARTICLES ?? '', 10);
  const limit = asked >= 1 ? asked : total <= SMALL_BUILD_ARTICLES ? Math.ceil(total / slots) : JOB_ARTICLES;
  const jobs: PlannedPartition[][] = [];
  let current: PlannedPartition[] = [];
  let size = 0;
  for (const part of stale) {
    if (current.length && size + part.articles > limit) {
      jobs.push(current);
      current = [];
      size = 0;
    }
    current.push(part);
    size += part.articles;
  }
  if (current.length) jobs.push(current);
  return jobs;
}

/**
 * One `astro build` of these partitions, its output moved into their part folders; `issueIndex` is
 * the file of BuildJob.issueIndex; `onSynced` is called once Astro has synced its content (or exited).
 */
async function runJob(
  options: PartitionedBuildOptions,
  plan: ArchivePlan,
  parts: readonly PlannedPartition[],
  patches: ReadonlyMap<string, Patch>,
  n: number,
  issueIndex: string,
  log: (line: string) => void,
  onSynced: () => void,
): Promise<void> {
  const work = join(options.cache, `job-${n + 1}`);
  const out = join(work, 'out');
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  const issues = parts.flatMap((p) => p.issues);
  const job: BuildJob = {
    partitions: parts.map((p) => p.id),
    issues,
    articles: [...issues.map((id) => `${id}/**/*.json`), ...parts.flatMap((p) => p.articleFiles)],
  };
  // Without the archive-wide partition, other issues come from the index, not whole: every job synced
  // and bundled the whole archive's issues (500k: a job of 2,624 articles took 72 s, 20 s of it content
  // sync and 15 s bundling the data store, against ~10 s at 20k).
  if (!job.partitions.includes(SITE_PARTITION)) job.issueIndex = issueIndex;
  await writeFile(join(work, 'job.json'), JSON.stringify(job));
  const articles = parts.reduce((k, p) => k + p.articles, 0);
  log(`build: job ${n + 1}: astro build of ${job.partitions.join(', ')} (${articles} articles)`);

  // BASE_URL and SITE variables in the environment (Vitest sets both, SITE to the string 'undefined')
  // would override Astro's configured base and site in import.meta.env and break every link under
  // BASE_PATH or claim a site address: keep them out of the build.
  const { BASE_URL: _ignored, SITE: _ignoredSite, ...env } = options.env ?? process.env;
  const astroStart = performance.now();
  // Not spawnSync: the search index and other jobs run meanwhile. Its output is passed on, and read
  // for Astro's `Synced content` line.
  const status = await new Promise<number | null>((resolve, reject) => {
    const astro = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: {
        ...env,
        BUILD_JOB: join(work, 'job.json'),
        DIST_DIR: out,
        ASTRO_CACHE_DIR: join(work, 'astro-cache'),
        COLLECTION_STORAGE: collectionStorage(articles, env.COLLECTION_STORAGE),
      },
    });
    let seen: string | null = '';
    astro.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      if (seen === null) return;
      seen = (seen + chunk.toString('utf8')).slice(-200);
      if (seen.includes('Synced content')) {
        seen = null;
        onSynced();
      }
    });
    astro.on('error', reject);
    astro.on('close', (code) => {
      onSynced();
      resolve(code);
    });
  });
  timings.astro += since(astroStart);
  if (status !== 0) throw new Error(`astro build failed for ${job.partitions.join(', ')} (exit ${status})`);

  // Each built file to the part that owns it; what this job built for other parts is dropped.
  const built = new Set(job.partitions);
  const staged = join(work, 'parts');
  for (const file of await listFiles(out)) {
    const owner = ownerOf(file, plan.partitionOfIssue);
    if (!built.has(owner)) continue;
    await mkdir(dirname(join(staged, owner, file)), { recursive: true });
    await rename(join(out, file), join(staged, owner, file));
  }
  for (const part of parts) {
    const dir = join(staged, part.id);
    await mkdir(dir, { recursive: true });
    const target = join(options.cache, 'parts', part.id);
    const patch = patches.get(part.id);
    // Its manifest goes first: a part stopped half-way through is stale on the next build.
    await rm(`${target}.json`, { force: true });
    let pending: string[] | null = null;
    if (patch) pending = await patchFolder(target, dir, patch);
    else {
      await rm(target, { recursive: true, force: true });
      await rename(dir, target);
    }
    await writeManifest(target, builtManifest(part, pending));
  }
  await rm(work, { recursive: true, force: true });
}

/**
 * The manifest of a part an `astro build` wrote: a period partition's with its issue fingerprints and
 * `pending` (null: built whole; else the files a patch changed), the archive-wide partition's with
 * neither (it is only ever replaced whole).
 */
function builtManifest(part: PlannedPartition, pending: string[] | null): PartManifest {
  const manifest: PartManifest = { id: part.id, fingerprint: part.fingerprint, indexed: 0 };
  return part.id === SITE_PARTITION ? manifest : { ...manifest, issues: part.issueFingerprints, pending };
}

/** A stale period partition built before: the issues to build again, the issues gone, its pending list. */
interface Patch {
  /** Issues whose fingerprint changed or that are new, sorted. */
  build: string[];
  /** Issues the partition no longer holds. */
  removed: string[];
  /** Articles of the issues to build. */
  articles: number;
  /** Issues the partition holds. */
  of: number;
  /** The part's pending list before (PartManifest.pending). */
  pending: string[] | null | undefined;
}

/**
 * How a stale period partition is brought up to date: by building again only the issues whose
 * fingerprint changed (a patch), or null to build it whole (never built, built by older code, or every
 * issue changed).
 */
function patchOf(part: PlannedPartition, manifest: PartManifest | null): Patch | null {
  const before = manifest?.issues;
  if (!before || part.id === SITE_PARTITION || part.id === SEARCH_PARTITION) return null;
  const build = part.issues.filter((id) => before[id] !== part.issueFingerprints[id]);
  if (build.length === part.issues.length) return null;
  const held = new Set(part.issues);
  const removed = Object.keys(before).filter((id) => !held.has(id)).sort();
  const articles = build.reduce((n, id) => n + (part.issueArticles[id] ?? 0), 0);
  return { build, removed, articles, of: part.issues.length, pending: manifest!.pending };
}

/**
 * Patches a part folder in place: the folders of the issues built again and of the issues gone are
 * removed, the new build's issue folders (under `built`; none for a patch that only removes) moved in. Returns the part's pending list for the merge:
 * every file removed or written, added to what was pending (null stays null: the folder is to be
 * linked whole anyway).
 */
async function patchFolder(target: string, built: string, patch: Patch): Promise<string[] | null> {
  const touched = new Set<string>();
  for (const id of [...patch.build, ...patch.removed]) {
    for (const file of await listFiles(join(target, id))) touched.add(`${id}/${file}`);
    await rm(join(target, id), { recursive: true, force: true });
    await rmdir(dirname(join(target, id))).catch(() => {}); // A paper's folder left empty.
  }
  for (const id of patch.build) {
    const files = await listFiles(join(built, id));
    if (!files.length) continue;
    for (const file of files) touched.add(`${id}/${file}`);
    await mkdir(dirname(join(target, id)), { recursive: true });
    await rename(join(built, id), join(target, id));
  }
  return patch.pending === null ? null : [...new Set([...(patch.pending ?? []), ...touched])].sort();
}

/**
 * What the last merge into a dist folder was made of (`<cache>/merged.json`): the dist folder (its
 * path and inode, so a dist removed or replaced since is merged anew), each part folder's stamp (its
 * inode and change time: a rebuilt part is renamed into place, so a new folder) and files, and the files
 * the merge wrote itself (year exports).
 */
interface MergeRecord {
  dist: string;
  distStamp: string;
  parts: Record<string, { stamp: string; files: string[] }>;
  written: string[];
}

const stampOf = async (dir: string): Promise<string | null> => {
  const info = await stat(dir).catch(() => null);
  return info ? `${info.ino}-${info.ctimeMs}` : null;
};

/**
 * Assembles part folders into `dist` and writes the year exports. With a
 * `record` file (the build cache's) whose last merge went into this same dist folder, only the parts
 * whose folder changed since are unlinked and linked again (a day added to a 100k archive changes two
 * or three of ~50 parts), and of a part changed in place (its manifest's `pending` list: the search
 * index) only the files it lists; otherwise dist is emptied and every part linked. Either way dist
 * ends up holding the same files (test/partitioned-build.test.ts compares it with a clean build's).
 */
export async function mergeParts(dist: string, partDirs: readonly string[], log: (line: string) => void = () => {}, record?: string): Promise<void> {
  const start = performance.now();
  const previous = record ? await readMergeRecord(record, dist) : null;
  if (!previous) await rm(dist, { recursive: true, force: true });
  if (record) await rm(record, { force: true }); // A merge stopped half-way leaves no record: the next one starts afresh.
  const next: MergeRecord = { dist: resolve(dist), distStamp: '', parts: {}, written: [] };
  const owner = new Map<string, string>();
  /** Parts linked whole: new, rewritten, or every part without a record. */
  const changed = new Set<string>();
  /** Parts changed in place: the files they list. */
  const inPlace = new Map<string, string[]>();
  /** Parts whose manifest lists pending files, cleared once merged. */
  const withPending: string[] = [];
  for (const dir of partDirs) {
    const stamp = (await stampOf(dir)) ?? '';
    const kept = previous?.parts[dir];
    const pending = record ? (await readPartManifest(`${dir}.json`))?.pending : undefined;
    if (pending !== undefined) withPending.push(dir);
    let files: string[];
    if (kept && Array.isArray(pending)) {
      const exists = await Promise.all(pending.map((f) => stat(join(dir, f)).then(() => true, () => false)));
      const listed = new Set(pending);
      files = pending.length ? [...kept.files.filter((f) => !listed.has(f)), ...pending.filter((_, i) => exists[i])].sort() : kept.files;
      if (pending.length) inPlace.set(dir, pending);
    } else if (kept && kept.stamp === stamp && pending !== null) {
      files = kept.files;
    } else {
      files = await listFiles(dir);
      changed.add(dir);
    }
    for (const file of files) {
      const before = owner.get(file);
      if (before) throw new Error(`merge: ${file} is in both ${before} and ${dir}`);
      owner.set(file, dir);
    }
    next.parts[dir] = { stamp, files };
  }
  // The year exports to write again: with a record, those of a year one of whose issue exports was in
  // a changed or vanished part (at 100k a year export is ~750 issue exports read and written; an added
  // day touches one year), else all.
  let years: Set<string> | null = null;
  const toLink = previous
    ? [...changed].flatMap((dir) => next.parts[dir]!.files.map((file) => ({ dir, file })))
    : partDirs.flatMap((dir) => next.parts[dir]!.files.map((file) => ({ dir, file })));
  for (const [dir, pending] of inPlace) {
    const present = new Set(next.parts[dir]!.files);
    toLink.push(...pending.filter((f) => present.has(f)).map((file) => ({ dir, file })));
  }
  if (previous) {
    // Unlink what the changed and the vanished parts put there, what changed in place, and what the last merge wrote itself.
    const gone: string[] = [];
    for (const [dir, part] of Object.entries(previous.parts)) {
      if (inPlace.has(dir)) gone.push(...inPlace.get(dir)!);
      else if (!next.parts[dir] || changed.has(dir)) gone.push(...part.files);
    }
    years = new Set([...gone, ...toLink.map(({ file }) => file)].flatMap((f) => yearExportOf(f) ?? []));
    const kept = new Set(previous.written.filter((f) => YEAR_EXPORT.test(f) && !years!.has(f)));
    next.written.push(...kept);
    const stale = [...previous.written.filter((f) => !kept.has(f)), ...gone];
    for (const file of stale) await rm(join(dist, file), { force: true });
    await removeEmptyFolders(dist, stale);
  }
  // Each folder made once (a mkdir per file was most of a merge: 20.8 s of a 20k archive's added day,
  // bench/results/partitioned-20000-add-day-before.json), a few at a time (a recursive mkdir makes a
  // missing parent, and takes one made meanwhile), then the files linked a few at a time.
  await eachLimited([...new Set(toLink.map(({ file }) => dirname(join(dist, file))))].sort(), MERGE_PARALLEL, (folder) => mkdir(folder, { recursive: true }));
  await eachLimited(toLink, MERGE_PARALLEL, async ({ dir, file }) => {
    const source = join(dir, file);
    const target = join(dist, file);
    await link(source, target).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EXDEV' || error.code === 'EPERM') return copyFile(source, target);
      throw error;
    });
  });
  const linked = toLink.length;
  const files = [...owner.keys()];
  next.written.push(...(await writeYearExports(dist, files, years)));
  if (record) {
    // Pending lists cleared before the record is written: a merge stopped between the two leaves no record, so the next links everything.
    for (const dir of withPending) {
      const manifest = await readPartManifest(`${dir}.json`);
      if (manifest) await writeFile(`${dir}.json`, `${JSON.stringify({ ...manifest, pending: [] })}\n`);
    }
    next.distStamp = (await stampOf(dist)) ?? '';
    await writeFile(record, JSON.stringify(next));
  }
  timings.merge += since(start);
  const how = previous ? `${changed.size} changed, ${inPlace.size} changed in place, ${linked} files linked` : `${linked} files linked`;
  log(`build: merged ${partDirs.length} partitions (${owner.size} files; ${how}) into ${dist}`);
}

/** Adds files written into dist after the merge (page images) to its record, so the next merge can remove them. */
export async function recordWritten(record: string, files: readonly string[]): Promise<void> {
  const merged = JSON.parse(await readFile(record, 'utf8').catch(() => 'null')) as MergeRecord | null;
  if (!merged || !files.length) return;
  merged.written.push(...files);
  await writeFile(record, JSON.stringify(merged));
}

/** The merge record of a build cache. */
export const mergeRecord = (cache: string): string => join(cache, 'merged.json');

async function readMergeRecord(record: string, dist: string): Promise<MergeRecord | null> {
  try {
    const previous = JSON.parse(await readFile(record, 'utf8')) as MergeRecord;
    return previous.dist === resolve(dist) && previous.distStamp === (await stampOf(dist)) ? previous : null;
  } catch {
    return null;
  }
}

/** Removes the folders (deepest first) that the removal of these files left empty, as a fresh merge would not make them. */
async function removeEmptyFolders(dist: string, removed: readonly string[]): Promise<void> {
  const folders = new Set<string>();
  for (const file of removed) for (let d = dirname(file); d !== '.'; d = dirname(d)) folders.add(d);
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
    await rmdir(join(dist, folder)).catch(() => {}); // Fails, as it should, on a folder still holding files.
  }
}

/** Files linked at once by a merge: enough to keep the file system busy, few enough for any fd limit. */
const MERGE_PARALLEL = 32;

/** Runs `task` on every item, at most `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

const ISSUE_EXPORT = /^([^/]+)\/(\d{4})-\d{2}-\d{2}\/articles\.(txt|jsonl)$/u;
const YEAR_EXPORT = /^[^/]+\/\d{4}\/articles\.(txt|jsonl)$/u;
/** The year export an issue export goes into (`<paper>/<YYYY>/articles.<format>`), else null. */
function yearExportOf(file: string): string | null {
  const m = ISSUE_EXPORT.exec(file);
  return m ? `${m[1]}/${m[2]}/articles.${m[3]}` : null;
}

/**
 * A year's bulk export (`/<paper>/<YYYY>/articles.txt|jsonl`) holds every article of the year: no
 * partition loads them all, so it is put together here from the year's issue exports, oldest first —
 * JSON Lines end to end, plain text with a blank line between issues (src/lib/export-text.ts), as
 * one `astro build` of the whole archive writes it (test/partitioned-build.test.ts compares the two).
 */
async function writeYearExports(dist: string, files: readonly string[], only: ReadonlySet<string> | null = null): Promise<string[]> {
  const years = new Map<string, string[]>();
  for (const file of [...files].sort()) {
    const key = yearExportOf(file);
    if (!key || (only && !only.has(key))) continue;
    years.set(key, [...(years.get(key) ?? []), file]);
  }
  for (const [target, issues] of years) {
    const bodies = (await Promise.all(issues.map((f) => readFile(join(dist, f), 'utf8')))).filter((b) => b.length);
    await mkdir(dirname(join(dist, target)), { recursive: true });
    await rm(join(dist, target), { force: true }); // Never write through a hard link into a part.
    await writeFile(join(dist, target), target.endsWith('.jsonl') ? bodies.join('') : bodies.join('\n'));
  }
  return [...years.keys()];
}

/** The part folders of a plan in the cache. */
export function partDirs(cache: string, plan: ArchivePlan): string[] {
  return plan.partitions.map((p) => join(cache, 'parts', p.id));
}

/** Articles the search index of a plan's built parts holds. */
export async function indexedArticles(cache: string, plan: ArchivePlan): Promise<number> {
  let total = 0;
  for (const part of plan.partitions) total += (await readManifest(join(cache, 'parts'), part.id))?.indexed ?? 0;
  return total;
}

async function readManifest(parts: string, id: string): Promise<PartManifest | null> {
  const manifest = await readPartManifest(join(parts, `${id}.json`));
  return manifest && (await stat(join(parts, id)).then(() => manifest, () => null));
}

const writeManifest = (folder: string, manifest: PartManifest): Promise<void> => writeFile(`${folder}.json`, `${JSON.stringify(manifest)}\n`);

/** A part's manifest (`<part folder>.json`), or null. */
async function readPartManifest(file: string): Promise<PartManifest | null> {
  return readFile(file, 'utf8').then((json) => JSON.parse(json) as PartManifest, () => null);
}

/** The article ids the archive-wide partition shows: each paper's feed articles and latest front page. */
function siteArticles(nav: ReturnType<typeof buildArchiveNav>, byId: ReadonlyMap<string, ArchiveIssue>): string[] {
  const ids = new Set<string>();
  for (const paper of nav.papers) {
    for (const pick of latestArticles(paper)) ids.add(pick.id);
    const latest = byId.get(paper.issues[0]!.id);
    for (const ref of latest?.pages[0]?.articles ?? []) ids.add(ref.id);
  }
  return [...ids].sort();
}

/** Article files (`articles/<id>.json`) by issue id, sorted. */
function articleFilesByIssue(digests: Record<string, string>): Map<string, string[]> {
  const byIssue = new Map<string, string[]>();
  for (const file of Object.keys(digests).sort()) {
    if (!file.startsWith('articles/')) continue;
    const issue = issueIdOf(articleIdOf(file));
    byIssue.set(issue, [...(byIssue.get(issue) ?? []), file]);
  }
  return byIssue;
}

const articleIdOf = (file: string): string => file.slice('articles/'.length, -'.json'.length);
const issueIdOf = (articleId: string): string => articleId.split('/').slice(0, 2).join('/');

/** A hash of the code and settings every partition is built with. */
export async function codeDigest(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const hash = createHash('sha256');
  for (const name of OUTPUT_ENV) hash.update(`${name}=${env[name] ?? ''}\n`);
  for (const path of CODE) {
    const info = await stat(path).catch(() => null);
    if (!info) continue;
    const files = info.isDirectory() ? (await listFiles(path)).map((f) => join(path, f)) : [path];
    for (const file of files) hash.update(`${file}\n`).update(await readFile(file));
  }
  return hash.digest('hex');
}

/** Files under a folder, relative and `/`-separated, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

export const resolvedCache = (dist: string): string => join(dirname(resolve(dist)), `.${resolve(dist).split(sep).pop()}-build`);
