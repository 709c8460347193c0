// `npx node bench/order-fragments-pretest.ts > out.tsv`: for every dev and train seed (and a quarter of the
// bench corpus pages), its blocks, one-line blocks and blocks ending on a line that runs on (a clause mark,
// no sentence end), and whether order-fragments moves any line: the measure behind its pre-test.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cutLayoutPage } from '../scripts/pipeline/cut-layout-page.ts';
import { decodeSeed } from '../scripts/pipeline/decode.ts';
import { foldRadicals } from '../scripts/pipeline/fold-radicals.ts';
import { sanitiseText } from '../scripts/pipeline/sanitise-text.ts';
import { endsSentence, widthOf } from '../scripts/pipeline/line-features.ts';
import { normaliseSpacing } from '../scripts/pipeline/normalise-spacing.ts';
import { orderFragments } from '../scripts/pipeline/order-fragments.ts';
import { splitColumns } from '../scripts/pipeline/split-columns.ts';
import { splitLines } from '../scripts/pipeline/split-lines.ts';
import { readCorpus } from './corpus.ts';
import { defaultGenerateOptions, generatePages } from './generate.ts';

function* pages(): Generator<{ split: string; file: string; bytes: Buffer; ex: string }> {
  for (const split of ['dev', 'train']) {
    const dir = `test/corpus/${split}/seeds`;
    const index = JSON.parse(readFileSync(`test/corpus/${split}/index.json`, 'utf8')).seeds;
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) yield { split, file: f, bytes: readFileSync(join(dir, f)), ex: index[f]?.extractor ?? '?' };
  }
}
const rows: string[] = [];
const handle = (split: string, file: string, bytes: Buffer, ex: string) => {
  const d = decodeSeed(bytes, file).seed;
  if (!d) return;
  const { seed } = foldRadicals(sanitiseText(d).seed);
  const lines = splitColumns(normaliseSpacing(cutLayoutPage(splitLines(seed))));
  const out = orderFragments(lines);
  // blocks
  const blocks: string[][] = [];
  let cur: string[] = [];
  for (const l of lines) { if (l.text.trim()) cur.push(l.text.trim()); else if (cur.length) { blocks.push(cur); cur = []; } }
  if (cur.length) blocks.push(cur);
  const one = blocks.filter((b) => b.length === 1).length;
  const runOn = blocks.filter((b) => !endsSentence(b.at(-1)!) && /[，,、；;]/u.test(b.at(-1)!)).length;
  const oneRunOn = blocks.filter((b) => b.length === 1 && !endsSentence(b[0]!) && /[，,、；;]/u.test(b[0]!)).length;
  const textLines = blocks.reduce((s, b) => s + b.length, 0);
  rows.push([split, file, ex, blocks.length, textLines, one, runOn, oneRunOn, (runOn / Math.max(1, blocks.length)).toFixed(2), (oneRunOn / Math.max(1, textLines)).toFixed(3), out === lines ? 'same' : 'MOVED'].join('\t'));
};
for (const p of pages()) handle(p.split, p.file, p.bytes, p.ex);
const corpus = await readCorpus(join(import.meta.dirname, '../../shared/seeds'));
let i = 0;
for (const p of generatePages(corpus, { ...defaultGenerateOptions, articles: 2000 })) { if (i++ % 4 === 0) handle('bench', p.path, Buffer.from(p.text), 'bench'); }
console.log('split\tfile\tex\tblocks\tlines\tone\trunOn\toneRunOn\trunOn/blocks\toneRunOn/lines\tresult');
console.log(rows.join('\n'));
