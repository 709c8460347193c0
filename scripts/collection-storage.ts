// How Astro stores the content collections during `astro build`, picked by the archive's size.
// By default Astro keeps its content data store as one string; each article's text is in it three
// times (frontmatter, Markdown body, rendered HTML). Measured with the benchmark (bench/README.md):
// 50,000 articles build, 100,000 fail ("Failed to convert rust `&str` into napi `string`": the store
// is past what one string can hold). Astro's chunked storage (`experimental.collectionStorage`) writes
// the store in pieces and builds 100,000 articles, but is slower, so it is used only for large archives.
// COLLECTION_STORAGE=single-file|chunked in the environment overrides the choice.

export type CollectionStorage = 'single-file' | 'chunked';

/** Above this many articles the build uses chunked storage (a margin below the measured failure). */
export const CHUNKED_ABOVE_ARTICLES = 40_000;

export function collectionStorage(articles: number, override: string | undefined = process.env.COLLECTION_STORAGE): CollectionStorage {
  if (override === 'single-file' || override === 'chunked') return override;
  return articles > CHUNKED_ABOVE_ARTICLES ? 'chunked' : 'single-file';
}
