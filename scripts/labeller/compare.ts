// Debugging aid: `node scripts/labeller/compare.ts SEED.txt GOLD.json [--all]` prints each line's gold
// role (read off the gold edition) next to the labeller's role and its reasons; lines that differ are marked.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { alignRoles, type GoldEdition } from './align-gold.ts';
import { classifyLines } from '../pipeline/classify-lines.ts';
import { decodeSeed } from '../pipeline/decode.ts';
import { identifyPage } from '../pipeline/identify-page.ts';
import { readingLines } from '../pipeline/extract-edition.ts';
import { foldRadicals } from '../pipeline/fold-radicals.ts';

const [seedFile, goldFile] = process.argv.slice(2);
const all = process.argv.includes('--all');
const { seed } = foldRadicals(decodeSeed(readFileSync(seedFile!), basename(seedFile!)).seed!);
const lines = readingLines(seed);
const skip = new Set(identifyPage(lines, seed.file, { publications: {}, pages: {} }).mastheadLines);
const { lines: classified, layout } = classifyLines(lines, skip);
const gold = alignRoles(classified, JSON.parse(readFileSync(goldFile!, 'utf8')) as GoldEdition);
console.log(JSON.stringify(layout));
classified.forEach((l, i) => {
  const g = gold[i] ?? '?';
  const bad = g !== '?' && g !== l.role;
  if (all || bad) console.log(`${bad ? '✗' : ' '} ${String(l.source.position.line).padStart(3)} ${g.padEnd(9)} ${l.role.padEnd(9)} ${l.text.slice(0, 40)}  [${l.reasons.join(', ')}]`);
});
