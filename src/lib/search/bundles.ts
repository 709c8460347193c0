// What the archive's search index is built from: one index of every article (index-format.ts), under
// `pagefind/`, written by the archive-wide partition of a partitioned build (its fingerprint covers
// every article). A search reads its newest articles' postings first and stops at EXACT_UP_TO
// results (engine.ts), so the index needs no split by period into bundles of its own.
import { INDEX_DIR } from './index-format.ts';

export interface BundlePlan {
  path: string;
  ids: string[];
}

/** The index the build writes: one, of every article. */
export function planBundles(ids: readonly string[]): BundlePlan[] {
  return [{ path: INDEX_DIR, ids: [...ids] }];
}
