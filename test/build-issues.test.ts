// buildIssues against hand-written fixtures: test/fixtures/build-issues/<case>/editions.json (the
// editions of several seed files) and expected.json (papers, issues with their pages, continuation
// links and diagnostic rule ids).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIssues } from '../scripts/pipeline/build-issues.ts';
import type { Edition } from '../scripts/pipeline/types.ts';

const root = 'test/fixtures/build-issues';

describe('buildIssues fixtures', () => {
  for (const name of readdirSync(root).sort()) {
    const editions: Edition[] = JSON.parse(readFileSync(join(root, name, 'editions.json'), 'utf8'));
    const expected = JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8'));
    const { archive, diagnostics } = buildIssues(editions);

    it(`${name}: papers`, () => expect(archive.papers).toEqual(expected.papers));

    it(`${name}: issues and pages`, () => {
      const issues = archive.issues.map((i) => ({
        id: i.id, paperName: i.paperName, dateSource: i.dateSource, number: i.number, totalPages: i.totalPages,
        pages: i.pages.map((p) => ({
          number: p.number, name: p.name, sources: p.sources,
          furniture: p.furniture.map((f) => `${f.kind} ${f.text}`),
          articles: p.articles.map((a) => a.id),
        })),
      }));
      expect(issues).toEqual(expected.issues);
    });

    it(`${name}: continuations linked both ways`, () => {
      const links = archive.articles.filter((a) => a.continuedToId).map((a) => [a.id, a.continuedToId]);
      expect(links).toEqual(expected.links);
      for (const [from, to] of links) expect(archive.articles.find((a) => a.id === to)?.continuedFromId).toBe(from);
    });

    it(`${name}: diagnostics`, () => expect(diagnostics.map((d) => d.ruleId).sort()).toEqual(expected.ruleIds));

    it(`${name}: same archive whatever order the editions come in`, () => {
      expect(buildIssues([...editions].reverse())).toEqual(buildIssues(editions));
    });
  }
});

describe('article chars', () => {
  it('counts code points: an astral character once, a lone surrogate once', () => {
    const name = readdirSync(root).sort()[0]!;
    const editions: Edition[] = JSON.parse(readFileSync(join(root, name, 'editions.json'), 'utf8'));
    const first = editions.find((e) => e.articles.length)!;
    first.articles[0]!.paragraphs = ['𠮷野家', 'a\uD800b', '一二三'];
    const { archive } = buildIssues(editions);
    const article = archive.articles.find((a) => a.paragraphs[0] === '𠮷野家')!;
    expect(article.chars).toBe(9);
  });
});
