// Debugging aid: `node scripts/labeller/misses.ts SPLIT [--weights FILE] [--extractor mutool,pdftotext-raw]`
// prints every line of a corpus split (test/corpus/SPLIT, never sealed) whose labelled role differs from
// its gold role, with the line before and after, and a tally of gold→labelled roles. With --weights it
// labels with weights written by `npm run train -- --leave-out dev --out FILE`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { alignRoles, type GoldEdition } from './align-gold.ts';
import { classifyLines, type LabellerWeights } from '../pipeline/classify-lines.ts';
import { decodeSeed } from '../pipeline/decode.ts';
import { identifyPage } from '../pipeline/identify-page.ts';
import { readingLines } from '../pipeline/extract-edition.ts';
import { foldRadicals } from '../pipeline/fold-radicals.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { weights: { type: 'string' }, extractor: { type: 'string' } } });
const split = positionals[0] ?? 'dev';
if (split === 'sealed') throw new Error('the sealed split is scored, never read');
const dir = join('test', 'corpus', split);
const weights = values.weights ? (JSON.parse(readFileSync(values.weights, 'utf8')) as LabellerWeights) : undefined;
const extractors = values.extractor?.split(',');
const index = (JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { seeds: Record<string, { extractor: string; family: string; engine: string }> }).seeds;
const tally = new Map<string, number>();
let wrong = 0, total = 0;
for (const [file, info] of Object.entries(index)) {
  if (extractors && !extractors.includes(info.extractor)) continue;
  const { seed } = foldRadicals(decodeSeed(readFileSync(join(dir, 'seeds', file)), file).seed!);
  const lines = readingLines(seed);
  const skip = new Set(identifyPage(lines, seed.file, { publications: {}, pages: {} }).mastheadLines);
  const { lines: classified } = classifyLines(lines, skip, weights);
  const gold = alignRoles(classified, JSON.parse(readFileSync(join(dir, 'gold', file.replace(/\.txt$/u, '.json')), 'utf8')) as GoldEdition);
  classified.forEach((l, i) => {
    const g = gold[i];
    if (!g) return;
    total++;
    if (g === l.role) return;
    wrong++;
    tally.set(`${g}→${l.role}`, (tally.get(`${g}→${l.role}`) ?? 0) + 1);
    const around = (j: number): string => (classified[j] ? `${classified[j]!.role}:${classified[j]!.text.slice(0, 24)}` : '-');
    console.log(`${file} ${info.extractor} ${info.family} ${l.source.position.line}: ${g} → ${l.role}  «${l.text.slice(0, 30)}»  before ${around(i - 1)} | after ${around(i + 1)}  [${l.reasons.join(', ')}]`);
  });
}
console.log(`${wrong} of ${total} lines wrong: ${[...tally].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')}`);
