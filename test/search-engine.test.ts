// The search engine (src/lib/search/engine.ts) over the index scripts/index-search.ts writes, run in
// Node (fetch and DecompressionStream are built in) against a static server, with many more queries
// than the browser tests afford: random strings of the built samples (content/archive), pairs of
// characters that seldom stand together, two-term queries, under random filters and sorts. Expected
// answers come from the articles themselves: text checked with String#includes after search-quality.ts
// `normalize` (written apart from fold.ts), filters read from the article ids and kinds. The index is
// written with tiny segments and blocks, so every query crosses many of both.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../bench/corpus.ts';
import { defaultGenerateOptions, generatePages, writeSeeds } from '../bench/generate.ts';
import { seededRandom } from '../bench/random.ts';
import { ingest } from '../scripts/build-content.ts';
import { articleFile, indexSearch, listArticleIds, readArticle } from '../scripts/index-search.ts';
import { normalize } from '../scripts/search-quality.ts';
import { EXACT_UP_TO, SearchEngine } from '../src/lib/search/engine.ts';
import { parseTerms, readState, type SearchState } from '../src/lib/search/query.ts';
import { searchText } from '../src/lib/search/record.ts';
import { serveStatic, type StaticSite } from './support/static-server.ts';

interface Article {
  id: string;
  paper: string;
  date: string;
  front: boolean;
  kind: string;
  text: string;
}

let dir: string;
let server: StaticSite;
let articles: Article[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'engine-'));
  const archive = join('content', 'archive');
  const ids = await listArticleIds(join(archive, 'articles'));
  articles = await Promise.all(
    ids.map(async (id) => {
      const a = await readArticle(articleFile(archive, id));
      return { id, paper: a.paper, date: a.date, front: a.page === 1, kind: a.kind, text: normalize(searchText(a)) };
    }),
  );
  await indexSearch({ out: dir, content: 'content', log: () => {}, layout: { segmentDocs: 3, blockBytes: 40, dictBytes: 512, inlineBytes: 8 } });
  server = await serveStatic(dir, '/');
});

afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Every result of a search, following "more" to the end. */
async function everything(engine: SearchEngine, state: SearchState): Promise<{ ids: string[]; total: number }> {
  const run = await engine.search(state, parseTerms(state.q), 7);
  while (!run.done()) await run.more(7);
  return { ids: run.hits.map((h) => h.url.slice(server.url.length, -1)), total: run.total };
}

function expected(state: SearchState): Article[] {
  const needles = state.q.split(/\s+/u).map(normalize).filter(Boolean);
  const from = state.from && (state.from.length === 7 ? `${state.from}-01` : state.from);
  const to = state.to && (state.to.length === 7 ? `${state.to}-31` : state.to);
  return articles.filter(
    (a) =>
      needles.every((n) => a.text.includes(n)) &&
      (!state.paper || a.paper === state.paper) &&
      (!from || a.date >= from) &&
      (!to || a.date <= to) &&
      (!state.page || a.front === (state.page === 'front')) &&
      (!state.kind || a.kind === state.kind),
  );
}

describe('search engine against the articles', () => {
  it('random strings, rare pairs and two terms, under random filters and sorts: exactly the articles that hold them, in date order when asked', async () => {
    const random = seededRandom(11);
    const engine = new SearchEngine(server.url);
    const papers = [...new Set(articles.map((a) => a.paper))];
    const days = [...new Set(articles.map((a) => a.date))].sort();
    const chars = [...new Set(articles.flatMap((a) => Array.from(a.text.replace(/\s/gu, ''))))].sort();
    const pieceOf = (length: number): string => {
      const text = Array.from(random.pick(articles).text.replace(/\s/gu, ''));
      const at = random.int(0, Math.max(0, text.length - length));
      return text.slice(at, at + length).join('');
    };
    let found = 0;
    let checked = 0;
    for (let i = 0; i < 400; i++) {
      const kind = i % 4;
      const q = kind === 0 ? pieceOf(random.int(1, 6)) : kind === 1 ? `${random.pick(chars)}${random.pick(chars)}` : kind === 2 ? `${pieceOf(2)} ${pieceOf(3)}` : pieceOf(random.int(2, 8));
      if (!parseTerms(q).length || /["']/u.test(q)) continue;
      const params = new URLSearchParams({ q });
      if (random.next() < 0.3) params.set('paper', random.pick(papers));
      if (random.next() < 0.3) {
        const [a, b] = [random.pick(days), random.pick(days)].sort();
        params.set('from', a!);
        params.set('to', random.next() < 0.5 ? b! : b!.slice(0, 7));
      }
      if (random.next() < 0.2) params.set('page', random.pick(['front', 'inner']));
      if (random.next() < 0.15) params.set('kind', random.pick(['news', 'feature', 'commentary', 'photo', 'brief']));
      params.set('sort', random.pick(['relevance', 'newest', 'oldest']));
      const state = readState(params);
      const want = expected(state);
      const got = await everything(engine, state);
      expect([...got.ids].sort(), params.toString()).toEqual(want.map((a) => a.id).sort());
      expect(got.total, params.toString()).toBe(want.length);
      const dates = got.ids.map((id) => id.split('/')[1]!);
      if (state.sort === 'newest') expect(dates, params.toString()).toEqual([...dates].sort().reverse());
      if (state.sort === 'oldest') expect(dates, params.toString()).toEqual([...dates].sort());
      found += want.length;
      checked++;
    }
    expect(checked).toBeGreaterThan(300);
    expect(found).toBeGreaterThan(300); // 424 articles expected in all with seed 11 on the samples
  }, 120_000);

  it('a filter alone lists its articles newest first; an unknown paper or kind lists nothing', async () => {
    const engine = new SearchEngine(server.url);
    for (const query of ['page=front', 'page=inner', `paper=${articles[0]!.paper}`, 'kind=news', `from=${articles[0]!.date}&to=${articles[0]!.date}`, 'paper=no-such-paper', 'kind=no-such-kind']) {
      const state = readState(new URLSearchParams(query));
      const got = await everything(engine, state);
      expect([...got.ids].sort(), query).toEqual(expected(state).map((a) => a.id).sort());
      const dates = got.ids.map((id) => id.split('/')[1]!);
      expect(dates, query).toEqual([...dates].sort().reverse());
    }
  });
});

describe('search engine on a generated archive of 600 articles', () => {
  let work: string;
  let site: StaticSite;
  let texts: Array<{ id: string; text: string }>;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'engine-gen-'));
    await writeSeeds(join(work, 'seeds'), generatePages(await readCorpus('seeds'), { ...defaultGenerateOptions, articles: 600 }));
    const content = join(work, 'content');
    await ingest({ seeds: join(work, 'seeds'), out: content, log: () => {} });
    const ids = await listArticleIds(join(content, 'archive', 'articles'));
    texts = await Promise.all(ids.map(async (id) => ({ id, text: normalize(searchText(await readArticle(articleFile(join(content, 'archive'), id)))) })));
    await indexSearch({ out: join(work, 'site'), content, log: () => {}, layout: { segmentDocs: 16 } });
    site = await serveStatic(join(work, 'site'), '/');
  }, 120_000);
  afterAll(async () => {
    await site?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('stops once it has EXACT_UP_TO results, newest first, and reads on to the exact total', async () => {
    const engine = new SearchEngine(site.url);
    // A string in more than EXACT_UP_TO articles, and one in fewer.
    const count = (s: string): number => texts.filter((t) => t.text.includes(s)).length;
    const frequent = ['的', '本报', '工作', '发展'].find((s) => count(s) > EXACT_UP_TO + 50)!;
    expect(frequent).toBeDefined();
    for (const sort of ['newest', 'relevance'] as const) {
      const state = readState(new URLSearchParams({ q: frequent, sort }));
      const run = await engine.search(state, parseTerms(frequent), 20);
      expect(run.complete()).toBe(false);
      expect(run.total).toBeGreaterThanOrEqual(EXACT_UP_TO);
      // Whole segments of 16: at most one segment past the bar.
      expect(run.total).toBeLessThan(EXACT_UP_TO + 16);
      if (sort === 'newest') {
        // The first screen: the 20 newest articles holding it (ties by paper, page, id: the index's order).
        const key = (id: string): [string, string, number, string] => [id.split('/')[1]!, id.split('/')[0]!, Number(id.split('/')[2]), id];
        const order = (a: string, b: string): number => {
          const [da, pa, ga, ia] = key(a);
          const [db, pb, gb, ib] = key(b);
          return da !== db ? (da < db ? 1 : -1) : pa !== pb ? (pa < pb ? -1 : 1) : ga !== gb ? ga - gb : ia < ib ? -1 : ia > ib ? 1 : 0;
        };
        const newest = texts.filter((t) => t.text.includes(frequent)).map((t) => t.id).sort(order).slice(0, 20);
        expect(run.hits.map((h) => h.url.slice(site.url.length, -1))).toEqual(newest);
      }
      while (!run.done()) await run.more(50);
      expect(run.complete()).toBe(true);
      expect(run.total).toBe(count(frequent));
      expect(new Set(run.hits.map((h) => h.url)).size).toBe(count(frequent));
    }
    const rare = texts.map((t) => t.text.replace(/\s/gu, '').slice(40, 45)).find((s) => /^\p{Script=Han}{5}$/u.test(s) && count(s) < 20)!;
    expect(rare).toBeDefined();
    const run = await engine.search(readState(new URLSearchParams({ q: rare })), parseTerms(rare), 20);
    expect(run.complete()).toBe(true);
    expect(run.total).toBe(count(rare));
  }, 60_000);
});
