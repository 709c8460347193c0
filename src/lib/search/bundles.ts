// Which Pagefind bundles the archive's search index is written as: one bundle `pagefind/` while the
// archive is small; above a size threshold one per year `pagefind/<YYYY>/`, and one per month
// `pagefind/<YYYY-MM>/` for a year that alone is above the threshold. The search page searches the
// bundles it needs (src/lib/search/engine.ts).

export interface SearchBundles {
  /** Bundle folders relative to the site root, each ending in `/`, newest first. */
  bundles: string[];
  /** Changes whenever the index changes; passed to Pagefind as `metaCacheTag`. */
  tag: string;
  /** The first and last day with articles (`YYYY-MM-DD`): bounds an open-ended date range. */
  first: string;
  last: string;
}

export interface BundlePlan {
  path: string;
  ids: string[];
}

/**
 * Splits article ids (`<paper>/<YYYY-MM-DD>/…`) into bundles, newest first. A partitioned build
 * (src/lib/partitions.ts) passes `partitionOf`: above the threshold, one bundle per partition
 * (`pagefind/<YYYY-MM>/` or `pagefind/<YYYY-MM-D>/` for a third of a month), so that a partition's
 * rebuild re-indexes only its own bundle.
 */
export function planBundles(ids: readonly string[], shardAbove: number, partitionOf?: (id: string) => string): BundlePlan[] {
  if (ids.length <= shardAbove) return [{ path: 'pagefind/', ids: [...ids] }];
  const plans: BundlePlan[] = [];
  if (partitionOf) {
    for (const [part, inPart] of groupBy(ids, partitionOf)) plans.push({ path: `pagefind/${part}/`, ids: inPart });
    return plans.sort((a, b) => (a.path < b.path ? 1 : -1));
  }
  for (const [year, inYear] of groupBy(ids, (id) => dateOf(id).slice(0, 4))) {
    if (inYear.length <= shardAbove) plans.push({ path: `pagefind/${year}/`, ids: inYear });
    else for (const [month, inMonth] of groupBy(inYear, (id) => dateOf(id).slice(0, 7))) plans.push({ path: `pagefind/${month}/`, ids: inMonth });
  }
  return plans.sort((a, b) => (a.path < b.path ? 1 : -1));
}

/** The months (`YYYY-MM`) a bundle can hold, from its path; null for the single bundle. */
export function bundleMonths(path: string): { first: string; last: string } | null {
  const key = /(\d{4}(?:-\d{2}(?:-\d)?)?)\/$/.exec(path)?.[1];
  if (!key) return null;
  return key.length === 4 ? { first: `${key}-01`, last: `${key}-12` } : { first: key.slice(0, 7), last: key.slice(0, 7) };
}

/** The first and last day of the articles (ids sorted or not). */
export function archiveSpan(ids: readonly string[]): { first: string; last: string } {
  const dates = ids.map(dateOf).sort();
  return { first: dates[0] ?? '0000-00-00', last: dates[dates.length - 1] ?? '0000-00-00' };
}

const dateOf = (id: string): string => id.split('/')[1] ?? '0000-00-00';

function groupBy(ids: readonly string[], key: (id: string) => string): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const k = key(id);
    const list = groups.get(k) ?? [];
    list.push(id);
    groups.set(k, list);
  }
  return groups;
}
