// Extraction speed (issue 13's "ingest stays ≥ 100 pages/s"): the text pipeline (decode → sanitise →
// extractEdition) run in this process on pages of the bench corpus (bench/generate.ts) and, with
// `--corpus`, on the real-tool corpus's dev seed files (test/corpus/dev/seeds). Reports pages per CPU
// second (user + system of this process), after one warm-up pass that loads the dictionaries, so the
// figure is the pipeline's, not Node's start-up or the file system's.
//
//   npx node bench/extract-speed.ts [--articles 2000] [--corpus] [--rounds 3]
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { decodeSeed } from '../scripts/pipeline/decode.ts';
import { extractEdition } from '../scripts/pipeline/extract-edition.ts';
import { emptyManifest } from '../scripts/pipeline/read-manifest.ts';
import { sanitiseText } from '../scripts/pipeline/sanitise-text.ts';
import { readCorpus } from './corpus.ts';
import { defaultGenerateOptions, generatePages } from './generate.ts';

const { values } = parseArgs({
  options: { articles: { type: 'string', default: '2000' }, corpus: { type: 'boolean', default: false }, rounds: { type: 'string', default: '3' } },
});

async function pagesToRead(): Promise<{ name: string; file: string; bytes: Buffer }[]> {
  if (values.corpus) {
    const dir = 'test/corpus/dev/seeds';
    const files = (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort();
    return Promise.all(files.map(async (f) => ({ name: 'real-tool dev corpus', file: f, bytes: await readFile(join(dir, f)) })));
  }
  const corpus = await readCorpus(join(import.meta.dirname, '../../shared/seeds'));
  const pages = [...generatePages(corpus, { ...defaultGenerateOptions, articles: Number(values.articles) })];
  return pages.map((p) => ({ name: `bench corpus (${values.articles} articles)`, file: p.path, bytes: Buffer.from(p.text) }));
}

const pages = await pagesToRead();
const manifest = emptyManifest();
const extractAll = (): number => {
  let articles = 0;
  for (const { file, bytes } of pages) {
    const { seed } = decodeSeed(bytes, file);
    if (!seed) continue;
    articles += extractEdition(sanitiseText(seed).seed, manifest).edition.articles.length;
  }
  return articles;
};

extractAll(); // warm-up: dictionaries, JIT
const rates: number[] = [];
for (let round = 0; round < Number(values.rounds); round++) {
  const before = process.cpuUsage();
  extractAll();
  const used = process.cpuUsage(before);
  rates.push(pages.length / ((used.user + used.system) / 1e6));
}
rates.sort((a, b) => a - b);
console.log(`${pages[0]?.name}: ${pages.length} pages, ${rates.map((r) => r.toFixed(1)).join(' / ')} pages per CPU second (median ${rates[Math.floor(rates.length / 2)]!.toFixed(1)})`);
