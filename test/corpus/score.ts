// `npm run corpus:score -- [--split dev|sealed|train] [--verbose]`: ingests a corpus split with the project's ingest and
// prints article F1 / titles / kept by engine × extractor and by layout family, as the shared scorer
// (../shared/tools/score-edition.mjs) measures them: the scorer runs once per group, on a folder holding
// links to that group's gold files. `--split dev --verbose` also prints the scorer's per-file misses.
// Nobody reads the sealed split's failures to write a rule, so --verbose refuses the sealed split.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const HERE = resolve(import.meta.dirname);
const ROOT = resolve(HERE, '../..');
export const SCORER = join(ROOT, '..', 'shared', 'tools', 'score-edition.mjs');
export const SPLIT_NAMES = ['dev', 'sealed', 'train'] as const;
/** The splits the quality gate (test/extract-corpus.test.ts) holds bars for; train is what the labeller learns from. */
export const GATED_SPLITS = ['dev', 'sealed'] as const;
export type SplitName = (typeof SPLIT_NAMES)[number];

export interface SeedInfo {
  pdf: string;
  family: string;
  engine: string;
  extractor: string;
}
export interface Score {
  files: number;
  meta: number;
  f1: number;
  titles: number;
  kept: number;
  /** The lowest kept share of any one file. */
  keptMin: number;
}
export interface GroupScore extends Score {
  group: string;
}

export const splitDir = (split: SplitName) => join(HERE, split);
export const readIndex = (split: SplitName): Record<string, SeedInfo> =>
  (JSON.parse(readFileSync(join(splitDir(split), 'index.json'), 'utf8')) as { seeds: Record<string, SeedInfo> }).seeds;

const percent = (s: string | undefined): number => (s === undefined || s.trim() === '-' ? NaN : Number(s.replace('%', '')));

/** Runs the shared scorer on the given seed files of a split (extractions in `jsonDir`). */
export function scoreFiles(split: SplitName, seeds: string[], jsonDir: string, verbose = false): Score {
  const goldDir = mkdtempSync(join(tmpdir(), 'corpus-gold-'));
  try {
    for (const seed of seeds) {
      const name = seed.replace(/\.txt$/u, '.json');
      symlinkSync(join(splitDir(split), 'gold', name), join(goldDir, name));
    }
    const out = execFileSync(process.execPath, [SCORER, goldDir, jsonDir, '--seeds', join(splitDir(split), 'seeds'), ...(verbose ? ['--verbose'] : [])], { encoding: 'utf8', maxBuffer: 64 << 20 });
    if (verbose) console.log(out);
    const rows = out.split('\n').filter((l) => /^\S+\s+[\d.]+%/u.test(l));
    const cols = (line: string) => line.trim().split(/\s{1,}/u).slice(1);
    const all = rows.find((l) => l.startsWith('ALL'));
    if (!all) throw new Error(`scorer printed no total:\n${out}`);
    const [meta, , , f1, titles, , , kept] = cols(all).map(percent);
    const keptMin = Math.min(...rows.filter((l) => !l.startsWith('ALL')).map((l) => percent(cols(l)[7])));
    return { files: seeds.length, meta: meta!, f1: f1!, titles: titles!, kept: kept!, keptMin };
  } finally {
    rmSync(goldDir, { recursive: true, force: true });
  }
}

/** Scores of a split overall, by engine × extractor and by layout family. */
export function scoreSplit(split: SplitName, jsonDir: string): { all: Score; byTool: GroupScore[]; byEngine: GroupScore[]; byExtractor: GroupScore[]; byFamily: GroupScore[] } {
  const index = readIndex(split);
  const seeds = Object.keys(index);
  const groups = (key: (s: SeedInfo) => string): GroupScore[] => {
    const names = [...new Set(seeds.map((s) => key(index[s]!)))].sort();
    return names.map((group) => ({ group, ...scoreFiles(split, seeds.filter((s) => key(index[s]!) === group), jsonDir) }));
  };
  return {
    all: scoreFiles(split, seeds, jsonDir),
    byTool: groups((s) => `${s.engine} × ${s.extractor}`),
    byEngine: groups((s) => s.engine),
    byExtractor: groups((s) => s.extractor),
    byFamily: groups((s) => s.family),
  };
}

export function formatTable(title: string, rows: GroupScore[]): string {
  const f = (x: number) => `${x.toFixed(1)}%`;
  return [
    `| ${title} | files | article F1 | titles | kept (mean) | kept (min) | meta |`,
    '|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.group} | ${r.files} | ${f(r.f1)} | ${f(r.titles)} | ${f(r.kept)} | ${f(r.keptMin)} | ${f(r.meta)} |`),
  ].join('\n');
}

export interface PdfScore {
  files: number;
  meta: number;
  f1: number;
  titles: number;
  order: number;
}

/**
 * PDF mode (issue 18): the split's printed pages (`<split>/pdf/*.pdf`) ingested as PDF seeds, read
 * with their positions and type, scored against their gold (`<split>/pdf/*.json`) like the text seeds.
 */
export function scorePdfSplit(split: SplitName, tmp: string): PdfScore {
  const pdfDir = join(splitDir(split), 'pdf');
  const seeds = join(tmp, 'pdf-seeds');
  mkdirSync(seeds, { recursive: true });
  const pdfs = readdirSync(pdfDir).filter((f) => f.endsWith('.pdf'));
  for (const f of pdfs) copyFileSync(join(pdfDir, f), join(seeds, f));
  const json = ingestSplit(split, join(tmp, 'pdf'), seeds);
  return scorePdfFiles(split, json);
}

/** Runs the shared scorer on a split's printed pages, read as PDF seeds (extractions in `jsonDir`). */
export function scorePdfFiles(split: SplitName, jsonDir: string): PdfScore {
  const pdfDir = join(splitDir(split), 'pdf');
  const out = execFileSync(process.execPath, [SCORER, pdfDir, jsonDir], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const all = out.split('\n').find((l) => l.startsWith('ALL'));
  if (!all) throw new Error(`scorer printed no total:\n${out}`);
  const [meta, , , f1, titles, , order] = all.trim().split(/\s+/u).slice(1).map(percent);
  return { files: readdirSync(pdfDir).filter((f) => f.endsWith('.pdf')).length, meta: meta!, f1: f1!, titles: titles!, order: order! };
}

/** `npm run ingest` on a split's seeds (or another folder); returns the folder of scoring JSON. */
function ingestSplit(split: SplitName, tmp: string, seedsDir = join(splitDir(split), 'seeds')): string {
  const json = join(tmp, 'json');
  mkdirSync(tmp, { recursive: true });
  execFileSync('npm', ['run', '--silent', 'ingest', '--', '--seeds', seedsDir, '--out', join(tmp, 'content'), '--json', json], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  return json;
}

if (import.meta.filename === process.argv[1]) {
  const { values } = parseArgs({ options: { split: { type: 'string' }, verbose: { type: 'boolean' } } });
  // Per-file misses are for the development and training splits only: the sealed split is scored, never read.
  if (values.verbose && values.split !== 'dev' && values.split !== 'train') throw new Error('--verbose lists per-file misses of the dev or train split only (add --split dev)');
  if (!existsSync(SCORER)) throw new Error(`${SCORER} not found: the corpus is scored with ../shared/tools`);
  const splits = values.split ? [values.split as SplitName] : SPLIT_NAMES.filter((s) => existsSync(join(splitDir(s), 'index.json')));
  for (const split of splits) {
    if (!SPLIT_NAMES.includes(split)) throw new Error(`unknown split ${split}`);
    const tmp = mkdtempSync(join(tmpdir(), `corpus-${split}-`));
    try {
      const json = ingestSplit(split, tmp);
      if (values.verbose) scoreFiles(split, Object.keys(readIndex(split)), json, true);
      const s = scoreSplit(split, json);
      console.log(`## ${split}: ${s.all.files} seed files — article F1 ${s.all.f1.toFixed(1)}%, titles ${s.all.titles.toFixed(1)}%, kept ${s.all.kept.toFixed(1)}% (min ${s.all.keptMin.toFixed(1)}%), meta ${s.all.meta.toFixed(1)}%\n`);
      console.log(`${formatTable('engine × extractor', s.byTool)}\n`);
      console.log(`${formatTable('engine', s.byEngine)}\n`);
      console.log(`${formatTable('extractor', s.byExtractor)}\n`);
      console.log(`${formatTable('layout family', s.byFamily)}\n`);
      // The train split keeps no PDFs (its pages are for the text labeller).
      if (!existsSync(join(splitDir(split), 'pdf'))) continue;
      const p = scorePdfSplit(split, tmp);
      const f = (x: number) => `${x.toFixed(1)}%`;
      console.log(`| PDF read directly (issue 18) | files | article F1 | titles | order | meta |\n|---|---|---|---|---|---|\n| pdfjs-dist, positions and type | ${p.files} | ${f(p.f1)} | ${f(p.titles)} | ${f(p.order)} | ${f(p.meta)} |\n`);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
}
