// Property: ingest of randomly damaged sample pages (lines shuffled, rewrapped, characters and markup
// inserted, encodings and line ends changed) never throws, and every non-whitespace character of each
// page it reads lands in an article or in furniture; a page it does not read has a diagnostic naming it.
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ingest } from '../scripts/build-content.ts';
import { foldRadicals } from '../scripts/pipeline/fold-radicals.ts';

const samples = await Promise.all(
  (await readdir('seeds')).filter((f) => f.endsWith('.txt')).sort().map((f) => readFile(join('seeds', f), 'utf8')),
);

// What a newsroom's tools do to a page's text.
const damage = {
  shuffleLines: (text: string, seed: number) => {
    const lines = text.split('\n');
    for (let i = lines.length - 1, s = seed; i > 0; i--) {
      s = (s * 1103515245 + 12345) % 2147483648;
      const j = s % (i + 1);
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    }
    return lines.join('\n');
  },
  rewrap: (text: string, width: number) => text.split('\n').flatMap((l) => [...l].reduce<string[]>((out, c, i) => {
    if (i % width === 0) out.push('');
    out[out.length - 1] += c;
    return out;
  }, [])).join('\n'),
  insert: (text: string, at: number, what: string) => {
    const chars = [...text];
    const i = at % (chars.length + 1);
    return [...chars.slice(0, i), what, ...chars.slice(i)].join('');
  },
};

const encodings: Record<string, (text: string) => Uint8Array> = {
  'utf-8': (t) => Buffer.from(t),
  'utf-8 BOM': (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t)]),
  'gb18030': (t) => iconv.encode(t, 'gb18030'),
  'utf-16le BOM': (t) => iconv.encode(t, 'utf-16le', { addBOM: true }),
  'utf-16be BOM': (t) => iconv.encode(t, 'utf-16be', { addBOM: true }),
};
const lineEnds = { LF: '\n', CRLF: '\r\n', CR: '\r' };

const hostileSnippet = fc.oneof(
  fc.constantFrom('<script>alert(1)</script>', '{x}', '# ', '---\n', '**', '[a](javascript:b)', '&amp;', '\n\n', '    ', '\u3000', '下转第2版', '（上接第1版）', '本报讯', '第01版：要闻', '2024年3月1日', '■'),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);

const damagedPage = fc.record({
  sample: fc.nat(samples.length - 1),
  shuffle: fc.option(fc.nat(), { freq: 3 }),
  rewrap: fc.option(fc.integer({ min: 3, max: 60 }), { freq: 3 }),
  inserts: fc.array(fc.tuple(fc.nat(), hostileSnippet), { maxLength: 6 }),
  encoding: fc.constantFrom(...Object.keys(encodings)),
  lineEnd: fc.constantFrom(...(Object.keys(lineEnds) as (keyof typeof lineEnds)[])),
});

/** Non-whitespace characters with their counts; `#` and `*` are left out: seeds use them as marks. */
function charCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of text.replace(/[\s#*]/gu, '')) counts.set(c, (counts.get(c) ?? 0) + 1);
  return counts;
}

describe('ingest of randomly damaged pages', () => {
  it('never throws and conserves every character of every page it reads', async () => {
    const root = await mkdtemp(join(tmpdir(), 'property-'));
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(damagedPage, { minLength: 1, maxLength: 3 }), async (pages) => {
        const dir = join(root, String(run++));
        const seeds = join(dir, 'seeds');
        await mkdir(seeds, { recursive: true });
        const texts = new Map<string, string>();
        for (const [i, p] of pages.entries()) {
          let text = samples[p.sample]!;
          if (p.shuffle != null) text = damage.shuffleLines(text, p.shuffle);
          if (p.rewrap != null) text = damage.rewrap(text, p.rewrap);
          for (const [at, what] of p.inserts) text = damage.insert(text, at, what);
          const file = `page-${i}.txt`;
          texts.set(file, text);
          await writeFile(join(seeds, file), encodings[p.encoding]!(text.replace(/\n/gu, lineEnds[p.lineEnd])));
        }
        const report = await ingest({ seeds, out: join(dir, 'content'), json: join(dir, 'json'), log: () => {} });
        for (const [file, text] of texts) {
          const json = await readFile(join(dir, 'json', file.replace(/\.txt$/u, '.json')), 'utf8').catch(() => null);
          if (json == null) {
            expect(report.diagnostics.some((d) => d.file === file && d.severity !== 'info'), `${file} skipped without a diagnostic`).toBe(true);
            continue;
          }
          const edition = JSON.parse(json);
          const kept: string[] = [];
          for (const a of edition.articles) kept.push(a.kicker ?? '', a.title ?? '', a.byline ?? '', ...a.subtitles, ...a.paragraphs);
          for (const f of edition.furniture) kept.push(f.text);
          const got = charCounts(kept.join(''));
          // A radical code point is read as its ideograph (stage fold-radicals, tested on its own): count it so.
          const read = foldRadicals({ file, text, encoding: 'utf-8' }).seed.text;
          const lost = [...charCounts(read)].filter(([c, n]) => (got.get(c) ?? 0) < n).map(([c]) => c);
          expect(lost, `${file} loses characters`).toEqual([]);
        }
        await rm(dir, { recursive: true, force: true });
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 40), seed: Number(process.env.PROPERTY_SEED ?? 20240301) },
    );
    await rm(root, { recursive: true, force: true });
  }, 120_000);
});
