// Fixture runner for the article-extraction stages: test/fixtures/<stage>/<case>/input.txt (a page) or
// input.json, and expected.json (checked by hand; regenerate only on purpose with UPDATE_FIXTURES=1).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachHeadlines } from '../scripts/pipeline/attach-headlines.ts';
import { classifyLines, type ClassifiedLine } from '../scripts/pipeline/classify-lines.ts';
import { findContinuations } from '../scripts/pipeline/find-continuations.ts';
import { matchHeadlines } from '../scripts/pipeline/match-headlines.ts';
import { isDoubleSpaced, normaliseSpacing } from '../scripts/pipeline/normalise-spacing.ts';
import { segmentArticles } from '../scripts/pipeline/segment-articles.ts';
import { splitLines } from '../scripts/pipeline/split-lines.ts';
import { threadColumns } from '../scripts/pipeline/thread-columns.ts';
import { unwrapParagraphs } from '../scripts/pipeline/unwrap-paragraphs.ts';

const page = (text: string) => classifyLines(splitLines({ file: 'input.txt', text, encoding: 'utf-8' }), new Set());
const texts = (lines: ClassifiedLine[]) => lines.map((l) => l.text);

/** Each stage run on a fixture input, its output reduced to what the stage decides. */
const stages: Record<string, (input: string) => unknown> = {
  'normalise-spacing': (text) => {
    const lines = splitLines({ file: 'input.txt', text, encoding: 'utf-8' });
    return { doubleSpaced: isDoubleSpaced(lines), lines: normaliseSpacing(lines).map((l) => `${l.position.line} ${l.text}`) };
  },
  'classify-lines': (text) => {
    const { lines, layout } = page(text);
    return { layout, lines: lines.map((l) => `${l.source.position.line} ${l.role === 'furniture' ? `furniture:${l.furniture ?? 'other'}` : l.role} ${l.text}`) };
  },
  'segment-articles': (text) => {
    const { lines, layout } = page(text);
    const s = segmentArticles(lines);
    return {
      headlinesAfter: s.headlinesAfter,
      drafts: s.drafts.map((d) => ({ headline: texts(d.headline), body: texts(d.body) })),
      furniture: s.furniture.map((f) => `${f.kind} ${f.line.text}`),
    };
  },
  'attach-headlines': (text) => {
    const { lines, layout } = page(text);
    return attachHeadlines(segmentArticles(lines).drafts);
  },
  'thread-columns': (text) => {
    const { lines, layout } = page(text);
    return threadColumns(segmentArticles(lines).drafts, layout).map((d) => ({
      headline: texts(d.headline),
      paragraphs: unwrapParagraphs(d.body, layout, d.paragraphStarts),
    }));
  },
  'match-headlines': (text) => {
    const { lines } = page(text);
    return matchHeadlines(segmentArticles(lines).drafts).map((d) => ({ headline: d.headline.map((l) => `${l.role} ${l.text}`), body: texts(d.body).slice(0, 1) }));
  },
  'unwrap-paragraphs': (text) => {
    const { lines, layout } = page(text);
    return unwrapParagraphs(lines.filter((l) => l.role === 'body' || l.role === 'section' || l.role === 'caption'), layout);
  },
  'find-continuations': (json) => findContinuations(JSON.parse(json) as string[]),
};

const root = join('test', 'fixtures');
/**
 * Cases the scored labeller (classify-lines.ts, weights from `npm run train`) still gets wrong, each
 * checked by hand: expected.json holds the right answer and the case runs with `.fails`, so the test
 * turns red when a fix lands (then drop the name). See the labeller notes in README.md.
 */
const KNOWN_FAILURES = new Set([
  // The index entries after a first box of five (main turned them into headlines and `other`: the
  // splice inside forEach) are index now; the five-line entry itself is still read as body lines.
  'segment-articles/index-box-five-entries',
  'unwrap-paragraphs/column-break',
  // Kicker / title / subtitle of stacked headline lines: the cues (召开, 分别…) weigh too little yet.
  'attach-headlines/kicker-title-subtitle',
  'attach-headlines/parts-without-blanks',
]);
for (const [stage, run] of Object.entries(stages)) {
  describe(`stage ${stage}`, () => {
    const dir = join(root, stage);
    const cases = existsSync(dir) ? readdirSync(dir).sort() : [];
    it('has fixtures', () => expect(cases.length).toBeGreaterThan(0));
    for (const name of cases) {
      (KNOWN_FAILURES.has(`${stage}/${name}`) ? it.fails : it)(name, () => {
        const input = ['input.txt', 'input.json'].map((f) => join(dir, name, f)).find((f) => existsSync(f))!;
        const actual = run(readFileSync(input, 'utf8'));
        const expectedFile = join(dir, name, 'expected.json');
        if (process.env.UPDATE_FIXTURES) writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
        expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
      });
    }
  });
}
