// A publication's URL slug: from the manifest when it names the paper, else derived as ASCII pinyin.
import { pinyin } from 'pinyin-pro';
import type { Manifest } from './types.ts';

export function slugifyPublication(name: string, manifest: Manifest): string {
  for (const [slug, publication] of Object.entries(manifest.publications)) {
    if (publication.name === name) return slug;
  }
  const ascii = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return ascii || 'paper';
}
