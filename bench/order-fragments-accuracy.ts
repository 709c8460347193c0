// `node bench/order-fragments-accuracy.ts [dev-NNNN.txt]`: how many of the line joins of the dev
// split's pdftotext (default mode) pages come out right after the order-fragments stage (the numbers
// data/fragments.ts quotes). The truth is the reading order of the same PDF's `pdftotext -raw` seed:
// each line of the default-mode page is found in the raw seed's text (whitespace dropped), and a line's
// true next line is the one starting where it ends. Printed: per page, joins right / joins there are
// (and as printed, before the stage), then the total by the kind of line a join leaves (within a block,
// a line ending a sentence, one ending in a clause mark, one bare of marks). `SHOW=run` (sent, bare,
// inblock) lists the joins of that kind it gets wrong. Dev only: nobody reads the sealed split.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cutLayoutPage } from '../scripts/pipeline/cut-layout-page.ts';
import { decodeSeed } from '../scripts/pipeline/decode.ts';
import { foldRadicals } from '../scripts/pipeline/fold-radicals.ts';
import { endsSentence } from '../scripts/pipeline/line-features.ts';
import { normaliseSpacing } from '../scripts/pipeline/normalise-spacing.ts';
import { orderFragments } from '../scripts/pipeline/order-fragments.ts';
import { splitColumns } from '../scripts/pipeline/split-columns.ts';
import { splitLines } from '../scripts/pipeline/split-lines.ts';
import type { SourceLine } from '../scripts/pipeline/types.ts';

const DEV = join(import.meta.dirname, '../test/corpus/dev');
const index = JSON.parse(readFileSync(join(DEV, 'index.json'), 'utf8')).seeds as Record<string, { pdf: string; extractor: string }>;
const only = process.argv[2];
const squeeze = (text: string): string => text.replace(/\s+/gu, '');

/** Each line's offset in the raw seed's whitespace-free text (-1: not found). */
function rawOffsets(file: string, lines: SourceLine[]): number[] {
  const raw = Object.entries(index).find(([, v]) => v.pdf === index[file]!.pdf && v.extractor === 'pdftotext-raw')![0];
  const text = squeeze(readFileSync(join(DEV, 'seeds', raw), 'utf8'));
  const used = new Set<number>();
  return lines.map((l) => {
    let at = text.indexOf(squeeze(l.text));
    while (at >= 0 && used.has(at)) at = text.indexOf(squeeze(l.text), at + 1);
    if (at >= 0) used.add(at);
    return at;
  });
}

const kinds = new Map<string, [number, number]>();
let right = 0;
let total = 0;
let asPrinted = 0;
for (const [file, info] of Object.entries(index)) {
  if (info.extractor !== 'pdftotext' || (only && file !== only)) continue;
  const { seed } = foldRadicals(decodeSeed(readFileSync(join(DEV, 'seeds', file)), file).seed!);
  const lines = splitColumns(normaliseSpacing(cutLayoutPage(splitLines(seed))));
  const printed = lines.filter((l) => l.text.trim());
  const out = orderFragments(lines).filter((l) => l.text.trim());
  const offsets = rawOffsets(file, printed);
  const offsetOf = new Map(printed.map((l, i) => [l.position.line, offsets[i]!]));
  const lineAt = new Map<number, number>();
  printed.forEach((l, i) => offsets[i]! >= 0 && lineAt.set(offsets[i]!, l.position.line));
  const next = (l: SourceLine): number | undefined => {
    const at = offsetOf.get(l.position.line)!;
    return at < 0 ? undefined : lineAt.get(at + squeeze(l.text).length);
  };
  const count = (seq: SourceLine[], tally: boolean): number => {
    let n = 0;
    seq.forEach((l, i) => {
      const want = next(l);
      if (want === undefined) return;
      const ok = seq[i + 1]?.position.line === want;
      if (ok) n++;
      if (!tally) return;
      const t = l.text.trim();
      const inBlock = lines[l.position.line]?.text.trim();
      const kind = inBlock ? 'inblock' : endsSentence(t) ? 'sent' : /[，、；：,]/u.test(t) ? 'run' : 'bare';
      const k = kinds.get(kind) ?? [0, 0];
      k[0] += ok ? 1 : 0;
      k[1]++;
      kinds.set(kind, k);
      if (!ok && process.env.SHOW === kind) console.log(`  ${t} | got ${seq[i + 1]?.text.trim()} | want ${lines[want - 1]!.text.trim()}`);
    });
    return n;
  };
  const joins = printed.filter((l) => next(l) !== undefined).length;
  const r = count(out, true);
  const p = count(printed, false);
  right += r;
  total += joins;
  asPrinted += p;
  console.log(`${file} ${r}/${joins} (as printed ${p})`);
}
console.log(`TOTAL ${right}/${total} = ${((100 * right) / total).toFixed(1)}% (as printed ${((100 * asPrinted) / total).toFixed(1)}%)`);
console.log([...kinds].map(([k, [a, b]]) => `${k} ${a}/${b} ${((100 * a) / b).toFixed(0)}%`).join('  '));
