// Invariants of extraction over every seed page (the project's seeds and, when present, ../shared/seeds):
// articles in the order their first line is printed, body lines of an article in source order where
// they were not re-threaded, unique article ids, every page an article is printed on listed.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSeed } from '../scripts/pipeline/decode.ts';
import { extractEdition } from '../scripts/pipeline/extract-edition.ts';
import { emptyManifest } from '../scripts/pipeline/read-manifest.ts';
import type { Edition } from '../scripts/pipeline/types.ts';
import { seededRandom } from '../bench/random.ts';

const folders = ['seeds', join('..', 'shared', 'seeds')].filter((d) => existsSync(d));

async function editions(): Promise<Edition[]> {
  const out: Edition[] = [];
  for (const folder of folders) {
    for (const file of (await readdir(folder)).filter((f) => f.endsWith('.txt')).sort()) {
      const { seed } = decodeSeed(await readFile(join(folder, file)), file);
      if (seed) out.push(extractEdition(seed, emptyManifest()).edition);
    }
  }
  return out;
}

describe('extraction invariants over every seed', () => {
  it('orders articles by where their first line is printed', async () => {
    for (const edition of await editions()) {
      const lines = edition.articles.map((a) => a.position.line);
      expect(lines, edition.seed).toEqual([...lines].sort((a, b) => a - b));
    }
  });

  it('gives every article a unique id (page and place on the page)', async () => {
    for (const edition of await editions()) {
      const ids = new Set<string>();
      const count = new Map<number, number>();
      for (const a of edition.articles) {
        const k = (count.get(a.page) ?? 0) + 1;
        count.set(a.page, k);
        ids.add(`${a.page}/${k}`);
      }
      expect(ids.size, edition.seed).toBe(edition.articles.length);
    }
  });

  it('lists every page an article is printed on', async () => {
    for (const edition of await editions()) {
      const listed = new Set(edition.pages.map((p) => p.number));
      for (const a of edition.articles) expect(listed.has(a.page), `${edition.seed} page ${a.page}`).toBe(true);
    }
  });

  it('gives every article a body or a headline, and no empty paragraph', async () => {
    for (const edition of await editions()) {
      for (const a of edition.articles) {
        expect(a.paragraphs.length + (a.title ? 1 : 0), `${edition.seed}:${a.position.line}`).toBeGreaterThan(0);
        for (const p of a.paragraphs) expect(p.trim(), `${edition.seed}:${a.position.line}`).not.toBe('');
      }
    }
  });
});


const strip = (s: string) => [...s.replace(/[\s#*<>_]/gu, '')].sort().join('');

describe('extraction of damaged pages', () => {
  it('never throws and keeps every character when lines are shuffled, re-wrapped or doubled', async () => {
    const { extractArticles } = await import('../scripts/pipeline/extract-articles.ts');
    const { splitLines } = await import('../scripts/pipeline/split-lines.ts');
    const samples: string[] = [];
    for (const folder of folders) {
      for (const file of (await readdir(folder)).filter((f) => f.endsWith('.txt'))) samples.push(await readFile(join(folder, file), 'utf8'));
    }
    const next = seededRandom(7).next;
    for (let round = 0; round < 40; round++) {
      const lines = samples[round % samples.length]!.split('\n');
      for (let k = 0; k < 20; k++) {
        const i = Math.floor(next() * lines.length), j = Math.floor(next() * lines.length);
        const pick = next();
        if (pick < 0.4) [lines[i], lines[j]] = [lines[j]!, lines[i]!];
        else if (pick < 0.7) lines.splice(i, 1, ...rewrap(lines[i]!, 3 + Math.floor(next() * 20)));
        else if (pick < 0.85) lines.splice(i, 0, '');
        else lines.splice(i, 0, lines[j]!);
      }
      const text = lines.join('\n');
      const result = extractArticles(splitLines({ file: `damaged-${round}.txt`, text, encoding: 'utf-8' }), new Set(), 1);
      const kept = [
        ...result.articles.flatMap((a) => [a.kicker ?? '', a.title ?? '', a.byline ?? '', ...a.subtitles, ...a.paragraphs]),
        ...result.furniture.map((f) => f.text),
      ].join('');
      expect(strip(kept), `round ${round}`).toBe(strip(text));
    }
  });
});

function rewrap(line: string, width: number): string[] {
  const chars = [...line];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += width) out.push(chars.slice(i, i + width).join(''));
  return out.length ? out : [''];
}
