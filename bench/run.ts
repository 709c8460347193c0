// `npm run bench -- --articles N [--json FILE] [--keep] [--papers P] [--seed S] [--start YYYY-MM-DD]
//   [--out DIR] [--profile] [--max-rss-mb MB] [--min-free-mb MB]`
// Generates a synthetic archive of N articles (bench/generate.ts), then runs the project's own build
// stages on it — ingest (scripts/build-content.ts), `astro build`, Pagefind (scripts/index-search.ts) —
// each as a child process, timed, with the peak RSS of its process tree. Everything is written under
// --out (default bench/out/, git-ignored): the project's content/ and dist/ are not touched. A stage is
// stopped when its RSS passes --max-rss-mb or the machine falls below --min-free-mb available (1500).
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { readCorpus } from './corpus.ts';
import { defaultGenerateOptions, generatePages, writeSeeds } from './generate.ts';
import { mb, runStage, type StageOptions, type StageResult } from './stage.ts';
import { collectionStorage, type CollectionStorage } from '../scripts/collection-storage.ts';

const STAGES = ['ingest', 'astro', 'pagefind'] as const;
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
  /** Astro's content storage for this size (scripts/collection-storage.ts). */
  collectionStorage: CollectionStorage;
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
    'max-rss-mb': { type: 'string' },
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
const storage = collectionStorage(written.articles);
const env = { ...process.env, CONTENT_DIR: dirs.content, DIST_DIR: dirs.dist, BENCH_CACHE_DIR: dirs.cache, COLLECTION_STORAGE: storage };

const guard = {
  maxTreeBytes: values['max-rss-mb'] ? Number(values['max-rss-mb']) * MB : undefined,
  minAvailableBytes: Number(values['min-free-mb']) * MB,
};
const specs: Record<StageName, Omit<StageOptions, 'name' | 'logFile'>> = {
  ingest: {
    args: [...profile('ingest'), 'scripts/build-content.ts', '--seeds', dirs.seeds, '--out', dirs.content],
    show: (line) => line.startsWith('ingest:') && (/→/u.test(line) || /^ingest: \d+000\//u.test(line)),
  },
  astro: {
    args: [...profile('astro'), 'node_modules/astro/bin/astro.mjs', 'build', '--config', 'bench/astro.config.mjs'],
    // Astro prints a line per page written; show only its phases and totals.
    show: (line) => /\[(?:build|content)\]|error/iu.test(line),
  },
  pagefind: {
    args: [...profile('pagefind'), 'bench/index-site.ts', dirs.dist],
    show: () => true,
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

const site = stopped ? { htmlFiles: 0, bytes: 0 } : await measureSite(dirs.dist);
const tenths = (seconds: number) => Math.round(seconds * 10) / 10;
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
  stopped: stopped ? { stage: stopped.name, reason: stopped.stopped! } : null,
  generateSeconds: tenths(generateSeconds),
  htmlFiles: site.htmlFiles,
  distMb: mb(site.bytes),
  load: { before: loadBefore, after: loadavg()[0]! },
  date: new Date().toISOString(),
  commit: gitCommit(),
  node: process.version,
  options: { papers: options.papers, seed: options.seed, start: options.start },
  collectionStorage: storage,
};

say('');
say(`bench: ${result.articles} articles, ${result.pages} seed pages → ${result.htmlFiles} HTML files (${result.distMb} MB); load ${result.load.before.toFixed(2)} → ${result.load.after.toFixed(2)}`);
say('stage       seconds   CPU seconds   peak RSS MB   per second');
for (const stage of ran) {
  const rate = stage.stopped ? `stopped: ${stage.stopped}`
    : stage.name === 'ingest' ? `${(result.pages / stage.seconds).toFixed(0)} seed pages`
    : `${(result.htmlFiles / stage.seconds).toFixed(0)} HTML pages`;
  say(`${stage.name.padEnd(10)} ${stage.seconds.toFixed(1).padStart(8)} ${stage.cpuSeconds.toFixed(1).padStart(13)} ${String(mb(stage.peakRssBytes)).padStart(13)}   ${rate}`);
}
if (result.seconds.total !== null) {
  say(`${'total'.padEnd(10)} ${result.seconds.total.toFixed(1).padStart(8)} ${result.cpuSeconds.total!.toFixed(1).padStart(13)} ${String(result.peakRssMb).padStart(13)}   ${(result.articles / result.seconds.total).toFixed(0)} articles`);
}
if (values.json) await writeFile(values.json, `${JSON.stringify(result, null, 2)}\n`);
if (values.profile) say(`profiles in ${dirs.profiles}/ (summarise with: npx node bench/profile.ts ${dirs.profiles}/astro/*.cpuprofile)`);
if (!values.keep) await cleanBuildFolders();

/** The generated seeds, content, site and cache (logs and profiles stay). */
async function cleanBuildFolders(): Promise<void> {
  for (const dir of [dirs.seeds, dirs.content, dirs.dist, dirs.cache, ...(values.profile ? [dirs.profiles] : [])]) {
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
