// `npm run bench -- --articles N [--add-day] [--skip-identical] [--json FILE] [--keep] [--papers P]
//   [--seed S] [--start YYYY-MM-DD] [--out DIR] [--profile] [--profile-add-day] [--max-rss-mb MB] [--min-free-mb MB]`
// Generates a synthetic archive of N articles (bench/generate.ts), then runs the project's own build
// stages on it — ingest (scripts/build-content.ts), then the partitioned site build (scripts/build-site.ts
// --skip-ingest: `astro build` jobs, Pagefind, merge; its astro/search/merge seconds are reported apart) —
// each as a child process, timed, with the peak RSS of its process tree. With --add-day it then adds
// one day's issue of every paper, runs `npm run build` (incremental) and, unless --skip-identical,
// a clean full build of the same seeds to compare with, byte for byte. Everything is written under
// --out (default bench/out/, git-ignored): the project's content/ and dist/ are not touched. A stage is
// stopped when its RSS passes --max-rss-mb or the machine falls below --min-free-mb available (1500).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { readCorpus } from './corpus.ts';
import { defaultGenerateOptions, generatePages, lastDateOf, nextDayPages, writeSeeds } from './generate.ts';
import { mb, runStage, type StageOptions, type StageResult } from './stage.ts';
import { hashTree } from './tree.ts';

const STAGES = ['ingest', 'site'] as const;
type StageName = (typeof STAGES)[number];
const MB = 1024 * 1024;

/** The JSON written by --json. A stage the memory guard stopped ends the run: later stages are null. */
export interface BenchResult {
  articles: number;
  pages: number;
  /** Wall-clock seconds. */
  seconds: Record<StageName | 'total', number | null>;
  /** CPU seconds (user + system, all processes of the stage): steadier than wall time on a shared machine. */
  cpuSeconds: Record<StageName | 'total', number | null>;
  /** The highest peak RSS of the stages, MB. */
  peakRssMb: number;
  peakRssMbByStage: Record<StageName, number | null>;
  /** Wall seconds of the site stage's parts, as scripts/build-site.ts reports them. */
  siteSeconds: SiteSeconds | null;
  /** With --add-day: the incremental build after one more day (identical: null with --skip-identical). */
  addDay: AddDay | null;
  stopped: { stage: string; reason: string } | null;
  generateSeconds: number;
  /** HTML files and total size of the built site. */
  htmlFiles: number;
  distMb: number;
  /** 1-minute load average before and after (other work on the machine skews the times). */
  load: { before: number; after: number };
  date: string;
  commit: string | null;
  node: string;
  options: { papers: number; seed: number; start: string };
}

/** Wall seconds of a build's parts (`build: seconds` line); ingest and plan since issue 17's write-content reuse (0 with --skip-ingest). */
export interface SiteSeconds {
  ingest?: number;
  plan?: number;
  astro: number;
  search: number;
  merge: number;
}

export interface AddDay {
  articles: number;
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  partitionsRebuilt: number;
  partitions: number;
  siteSeconds: SiteSeconds | null;
  identical: boolean | null;
  /** The clean full build of the same seeds that `identical` compares with. */
  cleanSeconds: number | null;
}

const { values } = parseArgs({
  options: {
    articles: { type: 'string' },
    json: { type: 'string' },
    keep: { type: 'boolean', default: false },
    papers: { type: 'string', default: String(defaultGenerateOptions.papers) },
    seed: { type: 'string', default: String(defaultGenerateOptions.seed) },
    start: { type: 'string', default: defaultGenerateOptions.start },
    out: { type: 'string', default: 'bench/out' },
    profile: { type: 'boolean', default: false },
    'profile-add-day': { type: 'boolean', default: false },
    'max-rss-mb': { type: 'string' },
    'add-day': { type: 'boolean', default: false },
    'skip-identical': { type: 'boolean', default: false },
    'min-free-mb': { type: 'string', default: '1500' },
  },
});
const articles = Number(values.articles);
if (!Number.isInteger(articles) || articles < 1) {
  process.stderr.write('usage: npm run bench -- --articles N [--json FILE] [--keep] [--papers P] [--seed S] [--start YYYY-MM-DD] [--out DIR] [--profile] [--max-rss-mb MB] [--min-free-mb MB]\n');
  process.exit(2);
}
const options = { articles, papers: Number(values.papers), seed: Number(values.seed), start: values.start };

// Paths relative to the project root (where npm runs us): Astro resolves CONTENT_DIR from there.
const out = relative(process.cwd(), values.out) || '.';
const dirs = {
  seeds: join(out, 'seeds'),
  content: join(out, 'content'),
  dist: join(out, 'dist'),
  cache: join(out, 'cache'),
  cleanContent: join(out, 'clean-content'),
  cleanDist: join(out, 'clean-dist'),
  cleanCache: join(out, 'clean-cache'),
  // Ingest's extraction caches (scripts/ingest-cache.ts), the run's own: the full build and the clean
  // comparison build extract every seed (cold), the added day re-extracts only its own pages.
  ingestCache: join(out, 'ingest-cache'),
  cleanIngestCache: join(out, 'clean-ingest-cache'),
  logs: join(out, 'logs'),
  profiles: join(out, 'profiles'),
};
const say = (line: string) => process.stderr.write(`${line}\n`);

await cleanBuildFolders();
await mkdir(dirs.logs, { recursive: true });
const loadBefore = loadavg()[0]!;

say(`bench: generating ${articles} articles (${options.papers} papers, seed ${options.seed}) into ${dirs.seeds}`);
const started = performance.now();
const corpus = await readCorpus('seeds');
const written = await writeSeeds(dirs.seeds, generatePages(corpus, options), (n) => {
  if (n % 1000 === 0) say(`  generate: ${n} pages`);
});
const generateSeconds = (performance.now() - started) / 1000;
say(`  generate: ${written.pages} pages, ${written.articles} articles in ${generateSeconds.toFixed(1)} s`);

const profile = (stage: string): string[] => (values.profile ? ['--cpu-prof', `--cpu-prof-dir=${join(dirs.profiles, stage)}`] : []);
const env = { ...process.env, SEEDS_DIR: dirs.seeds, CONTENT_DIR: dirs.content, DIST_DIR: dirs.dist, BUILD_CACHE_DIR: dirs.cache, INGEST_CACHE_DIR: dirs.ingestCache };

const guard = {
  maxTreeBytes: values['max-rss-mb'] ? Number(values['max-rss-mb']) * MB : undefined,
  minAvailableBytes: Number(values['min-free-mb']) * MB,
};
const specs: Record<StageName, Omit<StageOptions, 'name' | 'logFile'>> = {
  ingest: {
    args: [...profile('ingest'), 'scripts/build-content.ts', '--seeds', dirs.seeds, '--out', dirs.content],
    show: (line) => line.startsWith('ingest:') && (/→/u.test(line) || /^ingest: \d+000\//u.test(line) || line.startsWith('ingest: seconds')),
  },
  site: {
    args: [...profile('site'), 'scripts/build-site.ts', '--skip-ingest'],
    // Astro prints a line per page written; show the driver's progress and errors.
    show: showBuildLine,
  },
};
const stages: Partial<Record<StageName, StageResult>> = {};
for (const name of STAGES) {
  say(`bench: ${name}`);
  const stage = await runStage({ name, ...specs[name], env, memoryGuard: guard, logFile: join(dirs.logs, `${name}.log`) });
  stages[name] = stage;
  if (stage.stopped) break;
}
const stopped = STAGES.map((name) => stages[name]).find((s) => s?.stopped);
const tenths = (seconds: number) => Math.round(seconds * 10) / 10;
const addDay = values['add-day'] && !stopped ? await runAddDay() : null;

const site = stopped ? { htmlFiles: 0, bytes: 0 } : await measureSite(dirs.dist);
const ran = Object.values(stages);
/** One figure per stage, null for a stage that did not run. */
const perStage = (figure: (s: StageResult) => number) =>
  Object.fromEntries(STAGES.map((name) => [name, stages[name] ? figure(stages[name]) : null])) as Record<StageName, number | null>;
const sum = (figure: (s: StageResult) => number) => ran.reduce((total, s) => total + figure(s), 0);
const result: BenchResult = {
  articles: written.articles,
  pages: written.pages,
  seconds: { ...perStage((s) => tenths(s.seconds)), total: stopped ? null : tenths(sum((s) => s.seconds)) },
  cpuSeconds: { ...perStage((s) => tenths(s.cpuSeconds)), total: stopped ? null : tenths(sum((s) => s.cpuSeconds)) },
  peakRssMb: Math.max(...ran.map((s) => mb(s.peakRssBytes))),
  peakRssMbByStage: perStage((s) => mb(s.peakRssBytes)),
  siteSeconds: stages.site ? siteSecondsOf(join(dirs.logs, 'site.log')) : null,
  addDay,
  stopped: stopped ? { stage: stopped.name, reason: stopped.stopped! } : null,
  generateSeconds: tenths(generateSeconds),
  htmlFiles: site.htmlFiles,
  distMb: mb(site.bytes),
  load: { before: loadBefore, after: loadavg()[0]! },
  date: new Date().toISOString(),
  commit: gitCommit(),
  node: process.version,
  options: { papers: options.papers, seed: options.seed, start: options.start },
};

say('');
say(`bench: ${result.articles} articles, ${result.pages} seed pages → ${result.htmlFiles} HTML files (${result.distMb} MB); load ${result.load.before.toFixed(2)} → ${result.load.after.toFixed(2)}`);
say('stage       seconds   CPU seconds   peak RSS MB   per second');
for (const stage of ran) {
  const rate = stage.stopped ? `stopped: ${stage.stopped}`
    : stage.name === 'ingest' ? `${(result.pages / stage.seconds).toFixed(0)} seed pages`
    : `${(result.htmlFiles / stage.seconds).toFixed(0)} HTML pages; ${JSON.stringify(result.siteSeconds)}`;
  say(`${stage.name.padEnd(10)} ${stage.seconds.toFixed(1).padStart(8)} ${stage.cpuSeconds.toFixed(1).padStart(13)} ${String(mb(stage.peakRssBytes)).padStart(13)}   ${rate}`);
}
if (result.seconds.total !== null) {
  say(`${'total'.padEnd(10)} ${result.seconds.total.toFixed(1).padStart(8)} ${result.cpuSeconds.total!.toFixed(1).padStart(13)} ${String(result.peakRssMb).padStart(13)}   ${(result.articles / result.seconds.total).toFixed(0)} articles`);
}
if (addDay) {
  say(`add day: ${addDay.articles} articles in ${addDay.seconds} s (${addDay.cpuSeconds} CPU s, ${addDay.peakRssMb} MB), ${addDay.partitionsRebuilt} of ${addDay.partitions} partitions rebuilt ${JSON.stringify(addDay.siteSeconds)}; identical to a clean build: ${addDay.identical}${addDay.cleanSeconds === null ? '' : ` (clean build ${addDay.cleanSeconds} s)`}`);
}
if (values.json) await writeFile(values.json, `${JSON.stringify(result, null, 2)}\n`);
if (values.profile) say(`profiles in ${dirs.profiles}/ (summarise with: npx node bench/profile.ts ${dirs.profiles}/astro/*.cpuprofile)`);
if (!values.keep) await cleanBuildFolders();

/** The generated seeds, content, site and cache (logs and profiles stay). */
async function cleanBuildFolders(): Promise<void> {
  for (const dir of [dirs.seeds, dirs.content, dirs.dist, dirs.cache, dirs.cleanContent, dirs.cleanDist, dirs.cleanCache, dirs.ingestCache, dirs.cleanIngestCache, ...(values.profile || values['profile-add-day'] ? [dirs.profiles] : [])]) {
    await rm(dir, { recursive: true, force: true });
  }
}

async function measureSite(dir: string): Promise<{ htmlFiles: number; bytes: number }> {
  let htmlFiles = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
    if (entry.name.endsWith('.html')) htmlFiles += 1;
  }
  return { htmlFiles, bytes };
}

function gitCommit(): string | null {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' });
  if (head.status !== 0) return null;
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).stdout.trim();
  return `${head.stdout.trim()}${dirty ? '-dirty' : ''}`;
}

/** Astro's phases and the build driver's progress, not a line per page. */
function showBuildLine(line: string): boolean {
  return /^build:|^ingest: seconds|^search: indexed|\[content\]|error/iu.test(line) && !/^search: .* \d+\/\d+$/u.test(line);
}

function logLines(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n');
}

function siteSecondsOf(logFile: string): AddDay['siteSeconds'] {
  const line = logLines(logFile).findLast((l) => l.startsWith('build: seconds '));
  return line ? (JSON.parse(line.slice('build: seconds '.length)) as AddDay['siteSeconds']) : null;
}

/** Adds one day's issue of every paper, builds incrementally, and compares with a clean full build. */
async function runAddDay(): Promise<AddDay> {
  const last = lastDateOf(corpus, options);
  const day = await writeSeeds(dirs.seeds, nextDayPages(corpus, options, last));
  say(`bench: add day: ${day.pages} pages, ${day.articles} articles after ${last}; npm run build (incremental)`);
  // With --profile-add-day, every Node process of the added day's build (the driver, each `astro build`)
  // writes a CPU profile under <out>/profiles/add-day/ (the full build is not profiled).
  const profiled = values['profile-add-day'] ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${join(dirs.profiles, 'add-day')}`.trim() } : {};
  const build = await runStage({ name: 'add-day', args: ['scripts/build-site.ts'], env: { ...env, ...profiled }, show: showBuildLine, memoryGuard: guard, logFile: join(dirs.logs, 'add-day.log') });
  const rebuilt = /build: (\d+) of (\d+) partitions rebuilt/u.exec(logLines(join(dirs.logs, 'add-day.log')).findLast((l) => /partitions rebuilt/u.test(l)) ?? '');
  let identical: boolean | null = null;
  let cleanSeconds: number | null = null;
  if (!values['skip-identical'] && !build.stopped) {
    say('bench: clean full build of the same seeds, to compare');
    const clean = await runStage({
      name: 'clean', args: ['scripts/build-site.ts', '--full'], show: showBuildLine, memoryGuard: guard, logFile: join(dirs.logs, 'clean.log'),
      env: { ...env, CONTENT_DIR: dirs.cleanContent, DIST_DIR: dirs.cleanDist, BUILD_CACHE_DIR: dirs.cleanCache, INGEST_CACHE_DIR: dirs.cleanIngestCache },
    });
    cleanSeconds = tenths(clean.seconds);
    if (!clean.stopped) identical = JSON.stringify(await hashTree(dirs.dist)) === JSON.stringify(await hashTree(dirs.cleanDist));
  }
  return {
    articles: day.articles,
    seconds: tenths(build.seconds),
    cpuSeconds: tenths(build.cpuSeconds),
    peakRssMb: mb(build.peakRssBytes),
    partitionsRebuilt: Number(rebuilt?.[1] ?? NaN),
    partitions: Number(rebuilt?.[2] ?? NaN),
    siteSeconds: siteSecondsOf(join(dirs.logs, 'add-day.log')),
    identical,
    cleanSeconds,
  };
}
