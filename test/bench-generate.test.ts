// The benchmark's synthetic archive (bench/generate.ts): deterministic, exactly N articles, in the path
// convention, and read back by ingest as the papers, dates and pages it was generated as.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCorpus, type Corpus } from '../bench/corpus.ts';
import { defaultGenerateOptions, generatePages, PAPERS, writeSeeds, type SeedPage } from '../bench/generate.ts';
import { ingest } from '../scripts/build-content.ts';
import { paperSchema, issueSchema } from '../src/lib/archive-schema.ts';
import type { IngestReport } from '../scripts/pipeline/write-content.ts';

let corpus: Corpus;
const generate = (articles: number, seed = 1): SeedPage[] => [...generatePages(corpus, { ...defaultGenerateOptions, articles, seed })];

beforeAll(async () => {
  corpus = await readCorpus('seeds');
});

describe('generatePages', () => {
  it('gives the same pages for the same seed number, and other pages for another', () => {
    const first = generate(400);
    expect(generate(400)).toEqual(first);
    const other = generate(400, 2);
    expect(other.map((p) => p.text)).not.toEqual(first.map((p) => p.text));
  });

  it.each([1, 7, 81, 1000])('writes exactly %i articles', (n) => {
    const pages = generate(n);
    expect(pages.reduce((sum, p) => sum + p.articles, 0)).toBe(n);
    expect(pages.every((p) => p.articles >= 1 && p.articles <= 11)).toBe(true);
  });

  it('lays pages out as <paper>/<YYYY-MM-DD>/<NN>.txt, issues of 4–16 numbered pages on consecutive days', () => {
    const pages = generate(3000);
    const issues = new Map<string, SeedPage[]>();
    for (const page of pages) {
      expect(page.path).toBe(`${page.paper}/${page.date}/${String(page.page).padStart(2, '0')}.txt`);
      issues.set(`${page.paper}/${page.date}`, [...(issues.get(`${page.paper}/${page.date}`) ?? []), page]);
    }
    const list = [...issues.values()];
    for (const [i, issue] of list.entries()) {
      expect(issue.map((p) => p.page)).toEqual(issue.map((_, k) => k + 1));
      expect(issue.every((p) => p.pageCount === issue.length)).toBe(true);
      // Only the very last issue may be cut short by the article count.
      if (i < list.length - 1) expect(issue.length).toBeGreaterThanOrEqual(4);
      expect(issue.length).toBeLessThanOrEqual(16);
    }
    const papers = new Set(pages.map((p) => p.paper));
    expect(papers.size).toBe(defaultGenerateOptions.papers);
    for (const paper of papers) {
      const dates = [...new Set(pages.filter((p) => p.paper === paper).map((p) => p.date))];
      const days = dates.map((d) => Date.parse(`${d}T00:00:00Z`) / 86_400_000);
      expect(days.slice(1).map((d, i) => d - days[i]!)).toEqual(days.slice(1).map(() => 1));
    }
  });

  it('re-wraps sample text: no article line is longer than the page column', () => {
    for (const page of generate(200)) {
      const body = page.text.split('\n').slice(page.page === 1 ? 7 : 2);
      expect(Math.max(...body.map((line) => [...line].length))).toBeLessThanOrEqual(24);
    }
  });
});

describe('a generated archive read back by ingest', () => {
  let dir: string;
  let pages: SeedPage[];
  let report: IngestReport;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bench-generate-'));
    pages = generate(500);
    await writeSeeds(join(dir, 'seeds'), pages);
    report = await ingest({ seeds: join(dir, 'seeds'), out: join(dir, 'content'), log: () => {} });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('finds every paper, issue and page, with no identification warnings', async () => {
    const issues = new Map<string, SeedPage[]>();
    for (const page of pages) issues.set(`${page.paper}/${page.date}`, [...(issues.get(`${page.paper}/${page.date}`) ?? []), page]);
    expect(report.summary.seeds).toBe(pages.length);
    expect(report.summary.pages).toBe(pages.length);
    expect(report.summary.issues).toBe(issues.size);
    expect(report.diagnostics.filter((d) => d.ruleId.startsWith('identify/') && d.severity !== 'info')).toEqual([]);

    const papers = paperSchema.array().parse(JSON.parse(await readFile(join(dir, 'content/archive/papers.json'), 'utf8')));
    expect(papers.map((p) => [p.id, p.name]).sort()).toEqual(
      PAPERS.slice(0, defaultGenerateOptions.papers).map((p) => [p.slug, p.name]).sort(),
    );
    for (const [id, generated] of issues) {
      const issue = issueSchema.parse(JSON.parse(await readFile(join(dir, `content/archive/issues/${id}.json`), 'utf8')));
      expect(issue.dateSource).toBe('path');
      expect(issue.totalPages).toBe(generated.length);
      expect(issue.pages.map((p) => p.number)).toEqual(generated.map((p) => p.page));
      expect(issue.pages.every((p) => p.name)).toBe(true);
    }
  });

  it('extracts about as many articles as were generated', () => {
    // Headlines are short unpunctuated lines and bodies are wrapped paragraphs: ingest should find them
    // (within 10%: the extractor may split or join a few where sample sentences look like headlines).
    expect(report.summary.articles).toBeGreaterThanOrEqual(450);
    expect(report.summary.articles).toBeLessThanOrEqual(550);
  });
});
