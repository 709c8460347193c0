// `npm run corpus -- [--split dev|sealed|train] [--seed N[,M…]]`: lays the corpus articles (articles/<split>.yaml)
// into pages, prints each page to PDF with two real engines (headless Chromium, WeasyPrint), flattens each
// PDF with real extractors (poppler's pdftotext in three modes, mupdf, pdfminer) and writes, per split:
//   <split>/seeds/<split>-NNNN.txt  one page × engine × extractor (flat names: no identity in the path)
//   <split>/gold/<split>-NNNN.json  its gold edition (checked with ../shared/tools/check-gold.mjs)
//   <split>/pdf/<split>-pdf-NNN.pdf the printed page, with its gold beside it (.json, ideographs)
//   <split>/index.json              which page, family, engine and extractor each file came from
// Deterministic given the seed number (the default seeds are the split's, below). Not run by `npm test`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { parse } from 'yaml';
import { seededRandom, type Random } from '../../bench/random.ts';
import { DEFAULT_STYLE, layPage, variedStyle, type FontFiles, type IndexEntry, type Style } from './layouts.ts';
import type { Article, ArticleFile, Engine, Extractor, Family, GoldEdition, Issue, LaidPage, PageSpec, Placed } from './model.ts';

const HERE = resolve(import.meta.dirname);
const ROOT = resolve(HERE, '../..');
const WORK = join(ROOT, '.tmp', 'corpus');

/**
 * The two splits. The sealed split adds one layout family (photo pages) and one extractor (pdfminer)
 * that the development split never shows, and is laid with another seed from other articles.
 */
interface SplitConfig {
  /** The layout seed numbers: one pass over the articles per seed. */
  seeds: readonly number[];
  /** Which articles file (articles/<name>.yaml) the split lays out. */
  articles: 'dev' | 'sealed';
  families: readonly Family[];
  extractors: readonly Extractor[];
  /**
   * Training pages: each page's family is drawn from `families` (not the issue's), its style varied
   * (layouts.ts `variedStyle`), and the PDFs are not kept (seeds and gold are what training reads).
   */
  varied: boolean;
}
export const SPLITS: Record<'dev' | 'sealed' | 'train', SplitConfig> = {
  dev: {
    seeds: [1],
    articles: 'dev',
    families: ['broadsheet', 'tabloid', 'columns'],
    extractors: ['pdftotext-raw', 'pdftotext', 'pdftotext-layout', 'mutool'],
    varied: false,
  },
  sealed: {
    seeds: [2],
    articles: 'sealed',
    families: ['broadsheet', 'tabloid', 'columns', 'photo'],
    extractors: ['pdftotext-raw', 'pdftotext', 'pdftotext-layout', 'mutool', 'pdfminer'],
    varied: false,
  },
  // The labeller's training pages: the dev articles laid again with other seeds, families and styles.
  // Never the sealed articles; no photo pages and no pdfminer, so that the sealed split's photo family
  // and pdfminer stay unseen by the labeller.
  train: {
    seeds: [11, 12, 13, 14, 15, 16, 17, 18],
    articles: 'dev',
    families: ['broadsheet', 'tabloid', 'columns'],
    extractors: ['pdftotext-raw', 'pdftotext', 'pdftotext-layout', 'mutool'],
    varied: true,
  },
};
export type Split = keyof typeof SPLITS;
const ENGINES: Engine[] = ['chromium', 'weasyprint'];

const FONTS = {
  serif: ['/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', 'serif.ttf'],
  serifBold: ['/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc', 'serif-bold.ttf'],
  sans: ['/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', 'sans-bold.ttf'],
} as const;
/** Face index of the Simplified Chinese face in each Noto CJK collection (JP, KR, SC, TC, HK). */
const SC_FACE = 2;

function pdfminerCommand(): string {
  for (const c of ['pdf2txt', 'pdf2txt.py']) if (spawnSync('which', [c]).status === 0) return c;
  throw new Error('pdfminer (pdf2txt) not found: apt-get install python3-pdfminer');
}

function extract(pdf: string, extractor: Extractor): string {
  const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore'] });
  switch (extractor) {
    case 'pdftotext-raw': return run('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-']);
    case 'pdftotext': return run('pdftotext', ['-enc', 'UTF-8', pdf, '-']);
    case 'pdftotext-layout': return run('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-']);
    case 'mutool': return run('mutool', ['draw', '-q', '-F', 'txt', '-o', '-', pdf]);
    case 'pdfminer': return run(pdfminerCommand(), [pdf]);
  }
}

const pageCount = (pdf: string): number => Number(/^Pages:\s+(\d+)/mu.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? 0);

function shuffle<T>(items: readonly T[], rng: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const size = (a: Article) => a.paragraphs.join('').length + (a.title?.length ?? 0) * 4;

/**
 * Which articles each page of an issue prints: a long piece's head on page 1 and its tail on the page it
 * continues to; photos preferably on photo pages; the rest to the page with the least text so far.
 */
function placeArticles(issue: Issue, articles: Article[], rng: Random): Map<number, Placed[]> {
  const pages = new Map<number, Placed[]>(issue.pages.map((p) => [p.number, []]));
  const load = new Map<number, number>(issue.pages.map((p) => [p.number, 0]));
  const put = (page: number, placed: Placed, weight: number) => {
    const list = pages.get(page);
    if (!list) throw new Error(`${issue.id}: article ${placed.article.id} goes to page ${page}, which the issue does not print`);
    list.push(placed);
    load.set(page, load.get(page)! + weight);
  };
  const front = issue.pages[0]!.number;
  const jumps = articles.filter((a) => a.jump_after);
  for (const a of jumps) {
    put(front, { article: a, part: 'head' }, size(a) / 2);
    put(a.continued_to!, { article: a, part: 'tail' }, size(a) / 2);
  }
  const photoPages = issue.pages.filter((p) => p.family === 'photo').map((p) => p.number);
  const rest = shuffle(articles.filter((a) => !a.jump_after), rng).sort((a, b) => size(b) - size(a));
  for (const a of rest) {
    const candidates = a.kind === 'photo' && photoPages.length ? photoPages : issue.pages.map((p) => p.number);
    const page = candidates.reduce((best, p) => (load.get(p)! < load.get(best)! ? p : best));
    put(page, { article: a, part: 'whole' }, size(a));
  }
  // Reading order on each page: the head of a jump (or the longest story) leads, the rest shuffled.
  for (const [n, list] of pages) {
    const [lead, ...others] = list[0]?.part === 'head' ? list : [...list].sort((a, b) => size(b.article) - size(a.article));
    pages.set(n, lead ? [lead, ...shuffle(others, rng)] : []);
  }
  return pages;
}

/** 导读 entries for page 1: headlines printed on the issue's other pages. */
function indexEntries(issue: Issue, placed: Map<number, Placed[]>): IndexEntry[] {
  const entries: IndexEntry[] = [];
  for (const page of issue.pages.slice(1))
    for (const p of placed.get(page.number) ?? [])
      if (p.part === 'whole' && p.article.title && p.article.kind !== 'brief' && p.article.kind !== 'photo') entries.push({ title: p.article.title, page: page.number });
  return entries.slice(0, 4);
}

/** Subsets the three Noto CJK faces to the characters the split prints (see make-font.py). */
function makeFonts(dir: string, text: string): { files: FontFiles; shared: RadicalMap } {
  mkdirSync(dir, { recursive: true });
  const chars = join(dir, 'chars.txt');
  writeFileSync(chars, [...new Set(text)].sort().join(''));
  for (const [src, out] of Object.values(FONTS))
    execFileSync('/usr/bin/python3', [join(HERE, 'make-font.py'), src, String(SC_FACE), chars, join(dir, out)], { stdio: 'inherit' });
  const shared: RadicalMap = new Map();
  for (const [, out] of Object.values(FONTS))
    for (const [radical, ideographs] of Object.entries(JSON.parse(readFileSync(join(dir, `${out}.radicals.json`), 'utf8')) as Record<string, string[]>))
      shared.set(radical, [...new Set([...(shared.get(radical) ?? []), ...ideographs])]);
  return { files: { serif: `fonts/${FONTS.serif[1]}`, serifBold: `fonts/${FONTS.serifBold[1]}`, sans: `fonts/${FONTS.sans[1]}` }, shared };
}

/** Radical code point → the ideographs whose glyph it shares in the fonts the pages use. */
type RadicalMap = Map<string, string[]>;

/** Text content of the page HTML (what the fonts must cover). */
const htmlText = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/gu, '').replace(/<[^>]+>/gu, '').replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&quot;/gu, '"').replace(/&amp;/gu, '&');

type Counts = Map<string, number>;
const countChars = (text: string): Counts => {
  const m: Counts = new Map();
  for (const c of text) if (!/\s/u.test(c) && !'#*<>_'.includes(c)) m.set(c, (m.get(c) ?? 0) + 1);
  return m;
};

/**
 * The gold edition of one seed: the page's gold, with ideographs written as the radical code points the
 * extractor printed where the seed has them (the scorer folds both forms; check-gold.mjs counts code points).
 * Throws when the seed's characters and the page's text differ otherwise: an extractor dropped or doubled
 * text, and the layout must be fixed, never the gold.
 */
function goldFor(seedName: string, seedText: string, page: LaidPage, shared: RadicalMap): GoldEdition {
  const gold = structuredClone(pdfGold(seedName, page));
  const seed = countChars(seedText);
  const written = countChars(goldTexts(gold).join(''));
  // Radicals the seed holds in place of ideographs: how many of each ideograph to rewrite.
  const rewrite = new Map<string, string[]>();
  const deficit = new Map([...written].map(([c, n]) => [c, n - (seed.get(c) ?? 0)]));
  for (const [c, n] of seed) {
    if (written.has(c)) continue;
    for (let i = 0; i < n; i++) {
      const ideograph = (shared.get(c) ?? []).find((x) => (deficit.get(x) ?? 0) > 0);
      if (!ideograph) break;
      deficit.set(ideograph, deficit.get(ideograph)! - 1);
      (rewrite.get(ideograph) ?? rewrite.set(ideograph, []).get(ideograph)!).push(c);
    }
  }
  if (rewrite.size) {
    const swap = (s: string) => [...s].map((c) => rewrite.get(c)?.shift() ?? c).join('');
    for (const a of gold.articles) {
      if (a.kicker) a.kicker = swap(a.kicker);
      if (a.title) a.title = swap(a.title);
      a.subtitles = a.subtitles.map(swap);
      if (a.byline) a.byline = swap(a.byline);
      a.paragraphs = a.paragraphs.map(swap);
    }
    for (const f of gold.furniture) f.text = swap(f.text);
  }
  const have = countChars(goldTexts(gold).join(''));
  const missing: string[] = [];
  const extra: string[] = [];
  for (const [c, n] of seed) if ((have.get(c) ?? 0) < n) missing.push(`${c}×${n - (have.get(c) ?? 0)}`);
  for (const [c, n] of have) if ((seed.get(c) ?? 0) < n) extra.push(`${c}×${n - (seed.get(c) ?? 0)}`);
  if (missing.length || extra.length) throw new Error(`${seedName}: the extracted text does not match the page (seed has extra: ${missing.join(' ')}; seed lacks: ${extra.join(' ')})`);
  return gold;
}

function goldTexts(g: GoldEdition): string[] {
  const out: string[] = [];
  for (const a of g.articles) out.push(a.kicker ?? '', a.title ?? '', ...a.subtitles, a.byline ?? '', ...a.paragraphs);
  for (const f of g.furniture) out.push(f.text);
  return out;
}

/** The page's gold as laid out, with ideographs (the gold of its PDF, whose reader sees glyphs). */
function pdfGold(name: string, page: LaidPage): GoldEdition {
  return {
    seed: name,
    publication: { name: page.issue.paper, slug: page.issue.slug, name_source: 'masthead' },
    issue: page.meta,
    pages: [{ number: page.spec.number }],
    articles: page.articles,
    furniture: page.furniture,
  };
}

const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
const pad = (n: number, w: number) => String(n).padStart(w, '0');

interface SeedEntry {
  pdf: string;
  issue: string;
  paper: string;
  date: string;
  page: number;
  family: Family;
  engine: Engine;
  extractor: Extractor;
  /** Train split: which of its layout seeds laid the page. */
  layoutSeed?: number;
}

export async function generate(split: Split, seeds: readonly number[]): Promise<void> {
  const config = SPLITS[split];
  const data = parse(readFileSync(join(HERE, 'articles', `${config.articles}.yaml`), 'utf8')) as ArticleFile;
  const pages: { issue: Issue; spec: PageSpec; items: Placed[]; index: IndexEntry[]; seed: number; style: Style; layoutSeed: number }[] = [];
  let rng = seededRandom(seeds[0]!);
  for (const seed of seeds) {
    rng = seededRandom(seed);
    for (const original of data.issues) {
      // Training pages: each page in a family drawn for it (the issue's own on the other splits).
      const issue = config.varied ? { ...original, pages: original.pages.map((p) => ({ ...p, family: rng.pick(config.families) })) } : original;
      const articles = data.articles.filter((a) => a.issue === issue.id);
      for (const spec of issue.pages)
        if (!config.families.includes(spec.family)) throw new Error(`${split}: family ${spec.family} is not in this split`);
      const placed = placeArticles(issue, articles, rng);
      const index = indexEntries(issue, placed);
      for (const spec of issue.pages) {
        const pageSeed = rng.int(1, 2 ** 31);
        pages.push({ issue, spec, items: placed.get(spec.number)!, index: spec === issue.pages[0] ? index : [], seed: pageSeed, style: config.varied ? variedStyle(pageSeed) : DEFAULT_STYLE, layoutSeed: seed });
      }
    }
  }
  const unused = data.articles.filter((a) => !data.issues.some((i) => i.id === a.issue));
  if (unused.length) throw new Error(`${split}: articles of no issue: ${unused.map((a) => a.id).join(' ')}`);

  const work = join(WORK, split);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const placeholder: FontFiles = { serif: '', serifBold: '', sans: '' };
  const { files: fonts, shared } = makeFonts(join(work, 'fonts'), pages.map((p) => htmlText(layPage(p.issue, p.spec, p.items, p.index, placeholder, p.seed, 0, p.style).html)).join(''));

  const out = join(HERE, split);
  for (const d of ['seeds', 'gold', 'pdf']) {
    rmSync(join(out, d), { recursive: true, force: true });
    mkdirSync(join(out, d), { recursive: true });
  }
  // Print every page with both engines, growing the sheet until it fits on one PDF page.
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  const printed: { laid: LaidPage; engine: Engine; pdf: string; layoutSeed: number }[] = [];
  try {
    const tab = await browser.newPage();
    for (const [i, p] of pages.entries()) {
      for (const engine of ENGINES) {
        for (let extra = 0; ; extra += 40) {
          const laid = layPage(p.issue, p.spec, p.items, p.index, fonts, p.seed, extra, p.style);
          const base = join(work, `page-${pad(i + 1, 3)}-${engine}`);
          writeFileSync(`${base}.html`, laid.html);
          if (engine === 'chromium') {
            await tab.goto(`file://${base}.html`);
            await tab.pdf({ path: `${base}.pdf`, preferCSSPageSize: true, printBackground: true });
          } else {
            execFileSync('weasyprint', ['-q', `${base}.html`, `${base}.pdf`], { stdio: ['ignore', 'ignore', 'inherit'] });
          }
          if (pageCount(`${base}.pdf`) === 1) {
            printed.push({ laid, engine, pdf: `${base}.pdf`, layoutSeed: p.layoutSeed });
            break;
          }
          if (extra > 400) throw new Error(`${base}.html does not fit on one page`);
        }
      }
      process.stderr.write(`corpus ${split}: printed page ${i + 1}/${pages.length}\n`);
    }
  } finally {
    await browser.close();
  }

  // Name PDFs and seeds in a shuffled order, so a name tells nothing about the page.
  const pdfOrder = shuffle(printed.map((_, i) => i), rng);
  const pdfName = new Map(pdfOrder.map((i, k) => [i, `${split}-pdf-${pad(k + 1, 3)}`]));
  const combos = printed.flatMap((p, i) => config.extractors.map((extractor) => ({ i, p, extractor })));
  const seedOrder = shuffle(combos, rng);
  const index: Record<string, SeedEntry> = {};
  for (const [k, { i, p, extractor }] of seedOrder.entries()) {
    const name = `${split}-${pad(k + 1, 4)}`;
    const text = extract(p.pdf, extractor);
    const gold = goldFor(`${name}.txt`, text, p.laid, shared);
    writeFileSync(join(out, 'seeds', `${name}.txt`), text);
    writeFileSync(join(out, 'gold', `${name}.json`), json(gold));
    index[`${name}.txt`] = {
      pdf: `${pdfName.get(i)}.pdf`, issue: p.laid.issue.id, paper: p.laid.issue.paper, date: p.laid.issue.date,
      page: p.laid.spec.number, family: p.laid.spec.family, engine: p.engine, extractor,
      ...(config.varied ? { layoutSeed: p.layoutSeed } : {}),
    };
  }
  if (config.varied) rmSync(join(out, 'pdf'), { recursive: true, force: true });
  else for (const [i, p] of printed.entries()) {
    const name = pdfName.get(i)!;
    writeFileSync(join(out, 'pdf', `${name}.pdf`), readFileSync(p.pdf));
    writeFileSync(join(out, 'pdf', `${name}.json`), json(pdfGold(`${name}.pdf`, p.laid)));
  }
  const sorted = Object.fromEntries(Object.entries(index).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(join(out, 'index.json'), json({ split, seed: seeds.length === 1 ? seeds[0] : seeds, articles: data.articles.length, pages: pages.length, seeds: sorted }));

  const checker = join(ROOT, '..', 'shared', 'tools', 'check-gold.mjs');
  if (existsSync(checker)) {
    for (const name of Object.keys(sorted)) {
      const run = spawnSync(process.execPath, [checker, join(out, 'seeds', name), join(out, 'gold', name.replace(/\.txt$/u, '.json'))], { encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`check-gold failed on ${name}: ${run.stdout}`);
    }
  }
  process.stderr.write(`corpus ${split}: ${data.articles.length} articles, ${pages.length} pages, ${printed.length} PDFs, ${combos.length} seed files (check-gold ${existsSync(checker) ? 'passed' : 'not run: ../shared absent'})\n`);
}

if (import.meta.filename === process.argv[1]) {
  const { values } = parseArgs({ options: { split: { type: 'string' }, seed: { type: 'string' } } });
  const splits = values.split ? [values.split as Split] : (Object.keys(SPLITS) as Split[]);
  for (const split of splits) {
    if (!(split in SPLITS)) throw new Error(`unknown split ${split}`);
    await generate(split, values.seed ? values.seed.split(',').map(Number) : SPLITS[split].seeds);
  }
}
