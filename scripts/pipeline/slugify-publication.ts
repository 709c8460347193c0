// A publication's URL slug: from the manifest when it lists the paper's name, else derived from the
// name: its place part as ASCII pinyin, its kind (日报, 晚报, 简报 …) in English (聊城日报 → liaocheng-daily).
import { pinyin } from 'pinyin-pro';
import { paperNameSuffixes } from '../data/mastheads.ts';
import type { Manifest } from './types.ts';

export function slugifyPublication(name: string, manifest: Manifest): string {
  const folded = fold(name);
  const listed = Object.keys(manifest.publications).sort().find((slug) => fold(manifest.publications[slug]!.name) === folded);
  if (listed) return listed;
  const kind = paperNameSuffixes.find(({ suffix }) => folded.endsWith(suffix) && folded.length > suffix.length);
  const place = kind ? folded.slice(0, -kind.suffix.length) : folded;
  return cap([ascii(place), kind?.slug].filter(Boolean).join('-')) || 'paper';
}

/**
 * A slug is a URL path segment and a folder name in the built site: kept to 60 characters (a 250-character
 * paper folder would make a slug past the 255-byte file-name limit), cut at a hyphen where there is one.
 */
const MAX_SLUG = 60;
function cap(slug: string): string {
  if (slug.length <= MAX_SLUG) return slug;
  const cut = slug.slice(0, MAX_SLUG);
  return (cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut).replace(/-+$/u, '');
}

const fold = (name: string): string => name.replace(/\s+/gu, '');

/** Pinyin syllables run together; Latin letters and digits kept (accents dropped: café → cafe); anything else a hyphen. */
function ascii(text: string): string {
  return pinyin(text.normalize('NFKD').replace(/\p{M}/gu, ''), { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
}
