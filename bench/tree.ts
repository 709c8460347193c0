// Every file under a folder → the SHA-256 of its bytes, sorted by path: two trees are byte-identical
// when these are equal.
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export async function hashTree(dir: string): Promise<Record<string, string>> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
  const hashes: Record<string, string> = {};
  for (const file of files) hashes[relative(dir, file).split(sep).join('/')] = createHash('sha256').update(await readFile(file)).digest('hex');
  return hashes;
}
