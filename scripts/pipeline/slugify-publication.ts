// A publication's URL slug: from the manifest when it lists the paper's name, else derived from the
// name: its place part as ASCII pinyin, one hyphenated word per dictionary word, its kind (日报, 晚报,
// 简报 …) in English (聊城日报 → liaocheng-daily, 聊城市创建全国文明城市工作简报 →
// liaochengshi-chuangjian-bulletin). Derived slugs are at most SLUG_MAX characters: words are dropped
// from the end of the place part until the slug fits (issue 16: a 50-character slug is no address).
import { pinyin } from 'pinyin-pro';
import { paperNameSuffixes } from '../data/mastheads.ts';
import { segmenter } from './segmenter.ts';
import type { Manifest } from './types.ts';

/** Longest derived slug, in characters: about the width of a paper's name in a browser's address bar. */
export const SLUG_MAX = 32;

export function slugifyPublication(name: string, manifest: Manifest): string {
  const folded = fold(name);
  const listed = Object.keys(manifest.publications).sort().find((slug) => fold(manifest.publications[slug]!.name) === folded);
  if (listed) return listed;
  const kind = paperNameSuffixes.find(({ suffix }) => folded.endsWith(suffix) && folded.length > suffix.length);
  const place = kind ? folded.slice(0, -kind.suffix.length) : folded;
  return shorten(words(place), kind?.slug) || 'paper';
}

const fold = (name: string): string => name.replace(/\s+/gu, '');

/** The place part as ASCII words: a dictionary word's pinyin syllables run together; Latin letters and digits kept. */
function words(text: string): string[] {
  // Accents and full-width forms folded first, so that they do not split a word (café, ＡＢＣ).
  return segmenter()
    .cut(text.normalize('NFKD').replace(/\p{M}/gu, ''), false)
    .map((word) => ascii(word))
    .flatMap((word) => word.split('-'))
    .filter(Boolean);
}

/** Pinyin syllables run together; Latin letters and digits kept; anything else a hyphen. */
function ascii(text: string): string {
  return pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
}

/** Place words then the kind, hyphenated; trailing place words dropped (the first one cut) until it fits SLUG_MAX. */
function shorten(place: string[], kind: string | undefined): string {
  const tail = kind ? `-${kind}` : '';
  const kept = [...place];
  while (kept.length > 1 && kept.join('-').length + tail.length > SLUG_MAX) kept.pop();
  const head = kept.join('-').slice(0, Math.max(1, SLUG_MAX - tail.length)).replace(/-+$/u, '');
  return head ? `${head}${tail}` : kind ?? '';
}
