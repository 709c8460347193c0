// Paths and manifests as a hostile operator writes them (issue 14 #5, #6, #7): the path rule takes what
// the seed walk takes (.TXT), a paper folder that is not a slug is slugified with a warning, manifest
// keys are data (no Object.prototype member answers for one), repeated keys warn and the last counts,
// and dates are ISO 8601 for every year 0001–9999. Fixtures: test/fixtures/hostile/manifest/<case>/.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitLines } from '../scripts/pipeline/split-lines.ts';
import { identifyPage } from '../scripts/pipeline/identify-page.ts';
import { weekdayOf } from '../src/lib/dates.ts';
import { emptyManifest, isCalendarDate, readManifest } from '../scripts/pipeline/read-manifest.ts';

const root = 'test/fixtures/hostile/manifest';

describe('hostile manifest fixtures', () => {
  for (const name of readdirSync(root).sort()) {
    const text = readFileSync(join(root, name, 'manifest.yaml'), 'utf8');
    const expected = JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8'));
    const { manifest, diagnostics } = readManifest(text, 'manifest.yaml', new Set(expected.seedFiles));
    it(`${name}: keeps what it should`, () => {
      expect(JSON.parse(JSON.stringify(manifest))).toEqual(expected.manifest);
      expect(Object.getPrototypeOf(manifest.pages)).toBeNull();
      expect(Object.getPrototypeOf(manifest.publications)).toBeNull();
    });
    it(`${name}: one diagnostic per bad or repeated entry, at its line`, () => {
      expect(diagnostics.map((d) => `${d.line} ${d.severity} ${d.ruleId}`)).toEqual(expected.diagnostics);
    });
  }
});

const page = '本报讯 正文一段，内容完整。\n';
const identify = (file: string, manifest = emptyManifest()) => identifyPage(splitLines({ file, text: page, encoding: 'utf-8' }), file, manifest);

describe('the path rule', () => {
  it('takes the extension in any case, as the seed walk does (…/01.TXT)', () => {
    for (const file of ['ch-daily/2022-01-13/01.TXT', 'ch-daily/2022-01-13/01.Md', 'ch-daily/2022-01-13/01.txt']) {
      const { identity, diagnostics } = identify(file);
      expect(identity.issue.date, file).toBe('2022-01-13');
      expect(identity.publication.slug, file).toBe('ch-daily');
      expect(diagnostics.filter((d) => d.severity !== 'info'), file).toEqual([]);
    }
  });

  it.each([
    ['聊城日报', 'liaocheng-daily'],
    ['café', 'cafe'],
    ['-rf', 'rf'],
    ['Hostile-Daily', 'hostile-daily'],
    ['ＡＢＣ日报', 'abc-daily'],
    ['***', 'paper'],
    ['长'.repeat(80), 'changchang-changchang-changchang'],
  ])('a paper folder %s that is not a slug goes under %s, with a warning', (folder, slug) => {
    const { identity, diagnostics } = identify(`${folder}/2022-01-13/02.txt`);
    expect(identity.publication.slug).toBe(slug);
    expect(identity.issue.date).toBe('2022-01-13');
    expect(identity.pages[0]!.number).toBe(2);
    expect(diagnostics.map((d) => `${d.severity} ${d.ruleId}`)).toContain('warning identify/folder-slugified');
    // With nothing else naming the paper, it is called what the folder says.
    expect(identity.publication.name).toBe(folder);
  });

  it('an Object.prototype name as a seed path finds no manifest entry', () => {
    for (const file of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(() => identify(file)).not.toThrow();
      expect(identify(file).identity.issue.date).toBeNull();
    }
  });

  it('reads dates in the years 0001–0099 as written, not as 19xx', () => {
    expect(identify('ch-daily/0050-02-28/01.txt').identity.issue.date).toBe('0050-02-28');
    expect(identify('ch-daily/0001-01-01/01.txt').identity.issue.date).toBe('0001-01-01');
    for (const date of ['0001-01-01', '0004-02-29', '0099-12-31', '1900-03-01', '2000-02-29', '9999-12-31']) expect(isCalendarDate(date), date).toBe(true);
    // Weekdays checked with Python's proleptic Gregorian datetime.date(50, 3, 2).isoweekday() == 3.
    expect(weekdayOf('0050-03-02')).toBe('星期三');
    expect(weekdayOf('1950-03-02')).toBe('星期四');
    for (const date of ['0000-01-01', '0100-02-29', '1900-02-29', '2023-02-29', '2024-13-01', '2024-00-10']) expect(isCalendarDate(date), date).toBe(false);
  });
});

describe('weird YAML in the manifest', () => {
  const letters = 'abcdefghij';
  const cases: [string, string][] = [
    // Billion laughs: aliases are followed one node at a time, never expanded.
    ['an alias bomb', `a: &a ["x","x","x","x","x","x","x","x","x"]\n${[...letters.slice(1)].map((c, i) => `${c}: &${c} [${Array(9).fill(`*${letters[i]}`).join(',')}]`).join('\n')}\npublications:\n  x-daily: { name: *j }\n`],
    ['20,000 nested brackets', `publications: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`],
    ['tags of other languages', 'publications:\n  a-daily: !!js/function "function(){}"\n  b-daily: { name: !!binary aGVsbG8= }\n'],
    ['a key of a million characters', `pages:\n  ${'a'.repeat(1_000_000)}.txt: { page: 1 }\n`],
  ];
  it.each(cases)('%s: no crash, no publication made of it, a diagnostic in the file', (_, text) => {
    const { manifest, diagnostics } = readManifest(text, 'manifest.yaml');
    expect(Object.keys(manifest.publications)).toEqual([]);
    expect(Object.keys(manifest.pages)).toEqual([]);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.length).toBeLessThan(50);
    for (const d of diagnostics) expect(d.line).toBeLessThanOrEqual(text.split('\n').length);
  }, 30_000);
});
