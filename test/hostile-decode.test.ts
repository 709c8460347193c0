// Decoding at the boundary: every encoding and line-end variant of a page reads exactly like its
// UTF-8/LF twin (same text, same articles), with an info diagnostic naming the encoding; anything that
// is not text is skipped with a diagnostic naming the file. Fixtures: test/fixtures/decode/README.md.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeSeed } from '../scripts/pipeline/decode.ts';
import { extractEdition } from '../scripts/pipeline/extract-edition.ts';
import { emptyManifest } from '../scripts/pipeline/read-manifest.ts';

const root = 'test/fixtures/decode';
const twin = readFileSync(join(root, 'twin', 'input.txt'), 'utf8');

describe('decode fixtures', () => {
  for (const name of readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    const expected = JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8'));
    const result = decodeSeed(readFileSync(join(root, name, 'input.txt')), `${name}/input.txt`);
    if (expected.skipped) {
      it(`${name}: skipped with ${expected.skipped}`, () => {
        expect(result.seed).toBeNull();
        expect(result.diagnostics.map((d) => `${d.severity} ${d.ruleId}`)).toEqual([expected.skipped]);
        expect(result.diagnostics[0]).toMatchObject({ file: `${name}/input.txt`, line: 1, column: 1 });
      });
      continue;
    }
    it(`${name}: reads as its UTF-8 twin, ${expected.encoding}`, () => {
      const want = expected.twin ? readFileSync(join(root, name, expected.twin), 'utf8') : twin;
      expect(result.seed?.text).toBe(want);
      expect(result.seed?.encoding).toBe(expected.encoding);
      const infos = result.diagnostics.filter((d) => d.severity === 'info');
      expect(infos).toHaveLength(result.diagnostics.length);
      if (expected.info) expect(infos.find((d) => d.ruleId === 'decode/encoding')?.message).toContain(expected.info);
      else expect(infos.filter((d) => d.ruleId === 'decode/encoding')).toEqual([]);
      const lineEnds = infos.find((d) => d.ruleId === 'decode/line-ends');
      if (expected.lineEnds) expect(lineEnds?.message).toMatch(new RegExp(`^${expected.lineEnds} line ends`, 'u'));
      else expect(lineEnds).toBeUndefined();
    });
  }
});

describe('the sample pages in every encoding give the same edition', () => {
  // [variant, what the info diagnostic names, encoder]
  const variants: [string, string, (text: string) => Uint8Array][] = [
    ['GB18030', 'GB18030', (t) => iconv.encode(t, 'gb18030')],
    ['GB18030 + CRLF', 'GB18030', (t) => iconv.encode(t.replace(/\n/gu, '\r\n'), 'gb18030')],
    ['UTF-8 with BOM', 'UTF-8 with a byte-order mark', (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t)])],
    ['UTF-16LE with BOM', 'UTF-16LE', (t) => iconv.encode(t, 'utf-16le', { addBOM: true })],
    ['UTF-16BE with BOM + CR', 'UTF-16BE', (t) => iconv.encode(t.replace(/\n/gu, '\r'), 'utf-16be', { addBOM: true })],
  ];
  const seeds = readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort();
  for (const file of seeds) {
    const text = readFileSync(join('seeds', file), 'utf8');
    const reference = extractEdition({ file, text, encoding: 'utf-8' }, emptyManifest());
    for (const [variant, named, encode] of variants) {
      it(`${file} as ${variant}`, () => {
        const decoded = decodeSeed(encode(text), file);
        expect(decoded.seed?.text).toBe(text);
        expect(decoded.diagnostics.find((d) => d.ruleId === 'decode/encoding')?.message).toContain(named);
        expect(extractEdition(decoded.seed!, emptyManifest())).toEqual(reference);
      });
    }
  }
});
