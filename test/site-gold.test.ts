// Acceptance of issue 5 against the hand-made gold editions (../shared/gold): the five sample issues
// are built, and every gold article is served at its own permalink /<paper>/<date>/<NN>/<k>/ with its
// title as the page's one h1, in the build at `/` and the one under `/archive/`.
// Which issue a gold file belongs to comes from the seed names the ingest recorded on each issue page
// (content/archive/issues/*.json `sources`); the built articles of that page are then matched to the
// gold ones by title (untitled pieces by the opening of their body). Expected values are the gold's.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import type { ArchiveIssue } from '../src/lib/archive-schema.ts';
import { builds } from './support/dist.ts';

const GOLD = process.env.GOLD_DIR ?? '../shared/gold';
const archive = 'content/archive';
const pad2 = (n: number) => String(n).padStart(2, '0');

interface GoldArticle {
  page: number;
  title: string | null;
  paragraphs: string[];
}
interface GoldEdition {
  seed: string;
  publication: { slug: string };
  issue: { date: string };
  articles: GoldArticle[];
}

/** What a reader sees of an element: its text with runs of white space collapsed, trimmed. */
const textOf = (node: Parameters<typeof DomUtils.textContent>[0]) => DomUtils.textContent(node).replace(/\s+/gu, ' ').trim();
/** Headlines compared as printed, ignoring the spaces flattening puts inside or drops from them. */
const squash = (s: string) => s.replace(/\s+/gu, '');

/** One built article page, as the reader gets it. */
interface BuiltArticle {
  url: string;
  h1s: string[];
  body: string;
}

async function builtArticlesOf(dir: string, base: string, issueId: string, page: number): Promise<BuiltArticle[]> {
  const folder = join(dir, issueId, pad2(page));
  const ks = (await readdir(folder, { withFileTypes: true })).filter((e) => e.isDirectory() && /^\d+$/u.test(e.name));
  return Promise.all(
    ks.map(async (k) => {
      const doc = parseDocument(await readFile(join(folder, k.name, 'index.html'), 'utf8'));
      const body = DomUtils.findOne((e) => e.attribs.class === 'body', doc.children);
      return {
        url: `${base}${issueId}/${pad2(page)}/${k.name}/`,
        h1s: DomUtils.getElementsByTagName('h1', doc).map(textOf),
        body: body ? squash(textOf(body)) : '',
      };
    }),
  );
}

const goldFiles = existsSync(GOLD) ? (await readdir(GOLD)).filter((f) => f.endsWith('.json')).sort() : [];
if (goldFiles.length === 0) console.warn(`site-gold: no gold editions at ${GOLD}; the acceptance test is skipped`);

describe.skipIf(goldFiles.length === 0)('the gold articles in the built site', async () => {
  const golds: GoldEdition[] = await Promise.all(goldFiles.map(async (f) => JSON.parse(await readFile(join(GOLD, f), 'utf8'))));
  const issues: ArchiveIssue[] = [];
  for (const paper of await readdir(join(archive, 'issues'))) {
    for (const f of await readdir(join(archive, 'issues', paper))) issues.push(JSON.parse(await readFile(join(archive, 'issues', paper, f), 'utf8')));
  }
  const issueOfSeed = (seed: string) => issues.find((i) => i.pages.some((p) => p.sources.some((s) => s.split('/').at(-1) === seed)));

  it('has five issues, one for each gold edition, on the gold paper and date', () => {
    expect(issues).toHaveLength(5);
    const ids = golds.map((g) => issueOfSeed(g.seed)?.id);
    expect(ids).toEqual(golds.map((g) => `${g.publication.slug}/${g.issue.date}`));
    expect(new Set(ids).size).toBe(5);
  });

  for (const { name, dir, base } of builds) {
    describe(`built at ${base}`, () => {
      it('serves each issue at /<paper>/<date>/', () => {
        for (const g of golds) expect(existsSync(join(dir, g.publication.slug, g.issue.date, 'index.html')), g.seed).toBe(true);
      });

      for (const [index, file] of goldFiles.entries()) {
        it(`${file}: every gold article at its own permalink with its title as the one h1`, async () => {
          const gold = golds[index];
          const issueId = `${gold.publication.slug}/${gold.issue.date}`;
          const taken = new Set<string>();
          const missing: string[] = [];
          for (const article of gold.articles) {
            const candidates = (await builtArticlesOf(dir, base, issueId, article.page)).filter((b) => !taken.has(b.url) && b.h1s.length === 1);
            const opening = squash(article.paragraphs[0] ?? '').slice(0, 20);
            const match = article.title === null
              ? candidates.find((b) => opening !== '' && b.body.startsWith(opening))
              : candidates.find((b) => squash(b.h1s[0]) === squash(article.title!));
            if (match) taken.add(match.url);
            else missing.push(`第${pad2(article.page)}版 ${article.title ?? `(untitled) ${opening}…`}`);
          }
          expect(missing, `${name} build, ${issueId}: gold articles with no permalink of their own`).toEqual([]);
        });
      }
    });
  }
});
