// Incremental ingest: an unchanged seed file's extraction is read back, not redone; changed bytes, path,
// manifest or a turned-off cache extract again; what is read back equals what was extracted.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IngestCache } from '../scripts/ingest-cache.ts';
import type { Extracted } from '../scripts/pipeline/types.ts';
import { emptyManifest } from '../scripts/pipeline/read-manifest.ts';

const result: Extracted = { edition: null, diagnostics: [{ file: 'a.txt', line: 1, column: 1, severity: 'warning', message: 'm', ruleId: 'r' } as never] };

describe('IngestCache', () => {
  it('extracts a file once; changed bytes or path extract again', async () => {
    const env = { INGEST_CACHE_DIR: await mkdtemp(join(tmpdir(), 'ingest-cache-')) };
    const cache = (await IngestCache.open(emptyManifest(), env))!;
    let calls = 0;
    const extract = () => (calls++, result);
    const bytes = new TextEncoder().encode('版面');
    expect(await cache.get('a.txt', bytes, extract)).toEqual(result);
    expect(await cache.get('a.txt', bytes, extract)).toEqual(result);
    expect(calls).toBe(1);
    await cache.get('a.txt', new TextEncoder().encode('版面2'), extract);
    await cache.get('b.txt', bytes, extract);
    expect(calls).toBe(3);
    // Another manifest is another key.
    const other = (await IngestCache.open({ ...emptyManifest(), publications: { x: { name: '某报' } } }, env))!;
    await other.get('a.txt', bytes, extract);
    expect(calls).toBe(4);
  });

  it('a change to the pipeline code found from the project root, not the working folder, extracts again', async () => {
    const env = { INGEST_CACHE_DIR: await mkdtemp(join(tmpdir(), 'ingest-cache-')) };
    const root = await mkdtemp(join(tmpdir(), 'ingest-root-'));
    await mkdir(join(root, 'scripts', 'data'), { recursive: true });
    await writeFile(join(root, 'scripts', 'data', 'table.ts'), 'export const a = 1;');
    let calls = 0;
    const extract = () => (calls++, result);
    const bytes = new TextEncoder().encode('版面');
    await (await IngestCache.open(emptyManifest(), env, root))!.get('a.txt', bytes, extract);
    await (await IngestCache.open(emptyManifest(), env, root))!.get('a.txt', bytes, extract);
    expect(calls).toBe(1);
    await writeFile(join(root, 'scripts', 'data', 'table.ts'), 'export const a = 2;');
    await (await IngestCache.open(emptyManifest(), env, root))!.get('a.txt', bytes, extract);
    expect(calls).toBe(2);
  });

  it('INGEST_CACHE=0 turns it off', async () => {
    expect(await IngestCache.open(emptyManifest(), { INGEST_CACHE: '0' })).toBeNull();
  });
});
