// The build's choice of Astro content storage by archive size (scripts/collection-storage.ts), and
// that astro.config.mjs turns the choice into Astro's setting.
import { describe, expect, it } from 'vitest';
import { CHUNKED_ABOVE_ARTICLES, collectionStorage } from '../scripts/collection-storage.ts';

describe('collectionStorage', () => {
  it('keeps the single-file store up to the threshold and chunks above it', () => {
    expect(collectionStorage(29, undefined)).toBe('single-file');
    expect(collectionStorage(CHUNKED_ABOVE_ARTICLES, undefined)).toBe('single-file');
    expect(collectionStorage(CHUNKED_ABOVE_ARTICLES + 1, undefined)).toBe('chunked');
  });

  it('follows COLLECTION_STORAGE when it names a storage, and ignores anything else', () => {
    expect(collectionStorage(10, 'chunked')).toBe('chunked');
    expect(collectionStorage(1_000_000, 'single-file')).toBe('single-file');
    expect(collectionStorage(1_000_000, 'bogus')).toBe('chunked');
  });
});

describe('astro.config.mjs', () => {
  it('sets experimental.collectionStorage only when COLLECTION_STORAGE=chunked', async () => {
    // A fresh module per setting (the query string), since the config reads the environment on import.
    const config = '../astro.config.mjs';
    type Config = { default: { experimental?: { collectionStorage?: string } } };
    const saved = process.env.COLLECTION_STORAGE;
    try {
      process.env.COLLECTION_STORAGE = 'chunked';
      const chunked = ((await import(`${config}?chunked`)) as Config).default;
      delete process.env.COLLECTION_STORAGE;
      const plain = ((await import(`${config}?plain`)) as Config).default;
      expect(chunked.experimental?.collectionStorage).toBe('chunked');
      expect(plain.experimental?.collectionStorage).toBeUndefined();
    } finally {
      if (saved === undefined) delete process.env.COLLECTION_STORAGE;
      else process.env.COLLECTION_STORAGE = saved;
    }
  });
});
