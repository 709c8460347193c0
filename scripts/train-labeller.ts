// `npm run train`: fits the line labeller's weights (classify-lines.ts) on labelled pages and writes
// them to scripts/data/labeller-weights.json. Deterministic: the same pages give the same file.
//
// Labelled pages (a seed page and its gold edition; each line's role is read off the gold, see
// scripts/labeller/align-gold.ts):
//   - the development split of the real-tool corpus, test/corpus/dev (never the sealed split);
//   - the pages in test/realtool (real PDF engines and extractors, articles written afresh);
//   - the five samples, ../shared/seeds + ../shared/gold, when present;
//   - pages of the held-out renderer (test/heldout/render.ts) with seeds 1001…, apart from the
//     variants 1… that test/extract-heldout.test.ts scores.
// The model: an averaged structured perceptron (Collins 2002) over role sequences decoded with Viterbi.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../bench/random.ts';
import { readGolds, renderVariant } from '../test/heldout/render.ts';
import { alignRoles, type GoldEdition } from './labeller/align-gold.ts';
import { allowedRoles, decode, featureNames, headlineShaped, roles, type LabellerWeights } from './pipeline/classify-lines.ts';
import { decodeSeed } from './pipeline/decode.ts';
import { identifyPage } from './pipeline/identify-page.ts';
import { describeLines } from './pipeline/line-features.ts';
import { foldRadicals } from './pipeline/fold-radicals.ts';
import { normaliseSpacing } from './pipeline/normalise-spacing.ts';
import { splitColumns } from './pipeline/split-columns.ts';
import { splitLines } from './pipeline/split-lines.ts';
import type { LineFeatures } from './pipeline/types.ts';

const EPOCHS = 30;
/**
 * How many times a page from real tools (and a sample page) counts against one rendered page: the
 * renderer gives many pages of the samples' own text, real-tool pages are few and worth more.
 */
const REAL_WEIGHT = 2;
/** Held-out renderer pages to train on (seeds 1001…). */
const RENDERED = 250;
/** Share of a page's lines that may be missing from its gold for the page to be trained on. */
const MAX_UNALIGNED = 0.1;
const OUT = join('scripts', 'data', 'labeller-weights.json');

interface Example {
  name: string;
  vectors: string[][];
  allowed: (readonly number[])[];
  gold: number[];
}

/** One page as the labeller sees it, with its gold roles (lines the gold does not place take the role before them). */
function example(name: string, bytes: Uint8Array, gold: GoldEdition): Example | null {
  const decoded = decodeSeed(bytes, name).seed;
  if (!decoded) return null;
  // The stages before classification, as extract-edition.ts runs them.
  const { seed } = foldRadicals(decoded);
  const lines = splitColumns(normaliseSpacing(splitLines(seed)));
  const skip = new Set(identifyPage(lines, name, { publications: {}, pages: {} }).mastheadLines);
  const { lines: described, layout } = describeLines(lines, skip);
  const aligned = alignRoles(described, gold);
  // A page whose lines mostly are not found in its gold (columns still run into each other on one line)
  // teaches nothing about roles: left out.
  if (aligned.filter((r) => r === null).length > MAX_UNALIGNED * aligned.length) return null;
  let last = roles.indexOf('body');
  const labels = aligned.map((r) => (r === null ? last : (last = roles.indexOf(r))));
  const allowed = described.map(allowedRoles);
  // A gold role the hard rules forbid stays as the rules have it (the rule is the fact). Furniture with
  // no furniture pattern (a headline with no body here, an index entry) is labelled by its shape: where
  // it stands makes it furniture (segment-articles.ts).
  const furniture = roles.indexOf('furniture');
  const shape = (l: LineFeatures): number => roles.indexOf(l.dashSubtitle ? 'subtitle' : l.byline ? 'byline' : headlineShaped(l) ? 'title' : 'body');
  const goldPath = labels.map((r, i) => (r === furniture && !described[i]!.furniture ? shape(described[i]!) : r)).map((r, i) => (allowed[i]!.includes(r) ? r : allowed[i]![0]!));
  return { name, vectors: described.map((_, i) => featureNames(described, i, layout)), allowed, gold: goldPath };
}

function pagesIn(seedsDir: string, goldDir: string, prefix: string): Example[] {
  if (!existsSync(seedsDir) || !existsSync(goldDir)) return [];
  return readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt') && existsSync(join(goldDir, f.replace(/\.txt$/u, '.json'))))
    .sort()
    .flatMap((f) => {
      const gold = JSON.parse(readFileSync(join(goldDir, f.replace(/\.txt$/u, '.json')), 'utf8')) as GoldEdition;
      const e = example(`${prefix}/${f}`, readFileSync(join(seedsDir, f)), gold);
      return e ? [e] : [];
    });
}

function renderedPages(): Example[] {
  const goldDir = join('..', 'shared', 'gold');
  if (!existsSync(goldDir)) return [];
  const golds = readGolds(goldDir);
  return Array.from({ length: RENDERED }, (_, i) => renderVariant(golds, 1001 + i)).flatMap((v) => {
    const e = example(`heldout/${v.name}.txt`, new TextEncoder().encode(v.text), v.expected);
    return e ? [e] : [];
  });
}

/** Averaged perceptron over Viterbi paths: weights + transitions, updated where the decoded path is wrong. */
function train(examples: Example[]): Omit<LabellerWeights, 'corpus'> {
  const k = roles.length;
  const features = new Map<string, Float64Array>();
  const sums = new Map<string, Float64Array>();
  const transitions = Array.from({ length: k }, () => new Float64Array(k));
  const transitionSums = Array.from({ length: k }, () => new Float64Array(k));
  const start = new Float64Array(k);
  const startSums = new Float64Array(k);
  let c = 1;
  const vec = (m: Map<string, Float64Array>, name: string): Float64Array => {
    let v = m.get(name);
    if (!v) {
      m.set(name, (v = new Float64Array(k)));
      if (m === features) live[name] = v;
    }
    return v;
  };
  const live: Record<string, Float64Array> = {};
  const current: LabellerWeights = { corpus: '', roles: [...roles], features: live, transitions, start };
  const bump = (name: string, r: number, by: number): void => {
    vec(features, name)[r]! += by;
    vec(sums, name)[r]! += c * by;
  };
  const random = seededRandom(13);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    let errors = 0, total = 0;
    // Each epoch in its own order (seeded: the same on every run).
    const order = examples.map((ex) => ({ ex, key: random.next() })).sort((a, b) => a.key - b.key).map((o) => o.ex);
    for (const ex of order) {
      const predicted = decode(current, ex.vectors, ex.allowed);
      total += ex.gold.length;
      predicted.forEach((p, i) => {
        const g = ex.gold[i]!;
        if (p !== g) {
          errors++;
          for (const name of ex.vectors[i]!) {
            bump(name, g, 1);
            bump(name, p, -1);
          }
        }
        const gPrev = ex.gold[i - 1], pPrev = predicted[i - 1];
        if (i === 0) {
          if (p !== g) {
            start[g]! += 1; startSums[g]! += c;
            start[p]! -= 1; startSums[p]! -= c;
          }
        } else if (gPrev !== pPrev || p !== g) {
          transitions[gPrev!]![g]! += 1; transitionSums[gPrev!]![g]! += c;
          transitions[pPrev!]![p]! -= 1; transitionSums[pPrev!]![p]! -= c;
        }
      });
      c++;
    }
    console.log(`epoch ${epoch + 1}: ${errors} of ${total} lines wrong (${((100 * errors) / total).toFixed(2)}%)`);
  }
  // Averaged weights: w − Σ(c·Δ)/c, rounded (the file stays small and byte-stable).
  const round = (x: number): number => Math.round(x * 1000) / 1000 || 0;
  const avg = (w: Float64Array, s: Float64Array): number[] => [...w].map((x, r) => round(x - s[r]! / c));
  const averaged: Record<string, number[]> = {};
  for (const name of [...features.keys()].sort()) {
    const w = avg(features.get(name)!, sums.get(name)!);
    if (w.some((x) => x !== 0)) averaged[name] = w;
  }
  return {
    roles: [...roles],
    features: averaged,
    transitions: transitions.map((t, q) => avg(t, transitionSums[q]!)),
    start: avg(start, startSums),
  };
}

const sets: [string, Example[]][] = [
  ['test/corpus/dev', pagesIn(join('test', 'corpus', 'dev', 'seeds'), join('test', 'corpus', 'dev', 'gold'), 'corpus-dev')],
  ['test/realtool', pagesIn(join('test', 'realtool', 'seeds'), join('test', 'realtool', 'gold'), 'realtool')],
  ['../shared samples', pagesIn(join('..', 'shared', 'seeds'), join('..', 'shared', 'gold'), 'samples')],
  [`test/heldout render.ts seeds 1001-${1000 + RENDERED}`, renderedPages()],
];
const examples = sets.flatMap(([name, e]) => (name.startsWith('test/heldout') ? e : Array.from({ length: REAL_WEIGHT }, () => e).flat()));
const corpus = sets.filter(([, e]) => e.length).map(([name, e]) => `${name} (${e.length} pages)`).join('; ');
console.log(`training on ${corpus}`);
const weights: LabellerWeights = { corpus, ...train(examples) };
// How well the fitted weights label their own training pages, by set: wrong lines per gold role.
for (const [name, set] of sets) {
  if (!set.length) continue;
  const wrong = new Map<string, number>();
  let errors = 0, total = 0;
  for (const ex of set) {
    decode(weights, ex.vectors, ex.allowed).forEach((p, i) => {
      total++;
      if (p === ex.gold[i]) return;
      errors++;
      const key = `${roles[ex.gold[i]!]}→${roles[p]}`;
      wrong.set(key, (wrong.get(key) ?? 0) + 1);
    });
  }
  const worst = [...wrong].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k} ${v}`).join(', ');
  console.log(`${name}: ${errors} of ${total} lines wrong (${((100 * errors) / total).toFixed(2)}%): ${worst}`);
}
writeFileSync(OUT, `${JSON.stringify(weights, null, 0).replace(/\],"/gu, '],\n"')}\n`);
console.log(`wrote ${OUT}: ${Object.keys(weights.features).length} features`);
