// readManifest against hand-written fixtures: test/fixtures/read-manifest/<case>/manifest.yaml, and
// expected.json with the seed files that exist, the manifest kept and the diagnostics as
// "line severity rule-id" (lines counted by hand in the fixture).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSeedPath, readManifest } from '../scripts/pipeline/read-manifest.ts';

const root = 'test/fixtures/read-manifest';

describe('readManifest fixtures', () => {
  for (const name of readdirSync(root).sort()) {
    const text = readFileSync(join(root, name, 'manifest.yaml'), 'utf8');
    const expected = JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8'));
    const { manifest, diagnostics } = readManifest(text, 'manifest.yaml', new Set(expected.seedFiles));

    it(`${name}: keeps the good entries only`, () => expect(manifest).toEqual(expected.manifest));

    it(`${name}: one diagnostic per bad entry, at its line`, () => {
      const got = diagnostics.map((d) => (expected.diagnostics.some((e: string) => /^\d/u.test(e)) ? `${d.line} ` : '') + `${d.severity} ${d.ruleId}`);
      expect(got).toEqual(expected.diagnostics);
      for (const d of diagnostics) expect(d.file).toBe('manifest.yaml');
    });
  }

  it('points a YAML syntax error at a line inside the file', () => {
    const text = readFileSync(join(root, 'malformed', 'manifest.yaml'), 'utf8');
    const [d] = readManifest(text, 'manifest.yaml').diagnostics;
    expect(d!.line).toBeGreaterThanOrEqual(2);
    expect(d!.line).toBeLessThanOrEqual(text.split('\n').length);
    expect(d!.message).toMatch(/not valid YAML/u);
  });

  it('an empty manifest or one holding only comments is no manifest', () => {
    for (const text of ['', '# nothing yet\n']) expect(readManifest(text, 'm.yaml')).toEqual({ manifest: { publications: {}, pages: {} }, diagnostics: [] });
  });

  it('a manifest that is a list or a string, not a mapping, is reported', () => {
    for (const text of ['- a.txt\n', 'just words\n']) expect(readManifest(text, 'm.yaml').diagnostics.map((d) => d.ruleId)).toEqual(['manifest/bad-entry']);
  });

  it('several YAML documents in one file are malformed', () => {
    expect(readManifest('pages: {}\n---\npages: {}\n', 'm.yaml').diagnostics[0]?.ruleId).toBe('manifest/yaml');
  });

  it('accepts only relative paths to .txt/.md files inside the seeds folder', () => {
    for (const ok of ['a.txt', 'p/2024-01-01/01.md', 'x/y.TXT']) expect(checkSeedPath(ok)).toBeNull();
    for (const bad of ['../a.txt', 'a/../../b.txt', '/abs.txt', 'C:/x.txt', 'a\\b.txt', './a.txt', 'a//b.txt', 'a.yaml', '']) {
      expect(checkSeedPath(bad), bad).not.toBeNull();
    }
  });
});
