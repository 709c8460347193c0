// Names for the scoring JSON files (`--json DIR`): one flat folder, one file per seed. An ordinary seed
// path keeps the readable name of shared/DESIGN.md (`a/b/01.txt` → `a__b__01.json`); a short hash of
// the whole seed path is added only where that name would not do: when two seeds would get the same
// name (`01.txt` and `01.md`, `x__y/01.txt` and `x/y/01.txt`; compared as a case-insensitive,
// Unicode-normalising file system compares them), or when it is longer than a file name may be.
import { createHash } from 'node:crypto';

/**
 * File names hold at most 255 bytes on ext4, XFS, btrfs, APFS and NTFS (255 UTF-16 units): names are
 * kept to 240 UTF-8 bytes, which fits them all.
 */
export const MAX_NAME_BYTES = 240;
const EXTENSION = '.json';

/** seed path → file name, for every seed given; no two names alike, whatever the seeds are called. */
export function nameJsonFiles(seeds: readonly string[]): Map<string, string> {
  const plain = new Map(seeds.map((seed) => [seed, `${seed.replace(/\.[^./]+$/u, '').split('/').join('__')}${EXTENSION}`]));
  const counts = new Map<string, number>();
  for (const name of plain.values()) counts.set(fold(name), (counts.get(fold(name)) ?? 0) + 1);
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const seed of [...seeds].sort()) {
    const name = plain.get(seed)!;
    const fits = counts.get(fold(name)) === 1 && Buffer.byteLength(name) <= MAX_NAME_BYTES;
    let chosen = fits ? name : hashed(name, seed, 8);
    // A name another seed already has (a seed named like a hashed name): the whole hash.
    if (taken.has(fold(chosen))) chosen = hashed(name, seed, 64);
    taken.add(fold(chosen));
    names.set(seed, chosen);
  }
  return names;
}

/** How file systems that ignore case and Unicode normalisation see a name. */
const fold = (name: string): string => name.normalize('NFC').toLowerCase();

/** The name cut to fit (at a character boundary) with `~<hash>` before the extension. */
function hashed(name: string, seed: string, length: number): string {
  const tag = `~${createHash('sha256').update(seed).digest('hex').slice(0, length)}${EXTENSION}`;
  let stem = '';
  let bytes = tag.length;
  for (const c of name.slice(0, -EXTENSION.length)) {
    bytes += Buffer.byteLength(c);
    if (bytes > MAX_NAME_BYTES) break;
    stem += c;
  }
  return `${stem}${tag}`;
}
