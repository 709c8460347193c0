// Which Pagefind bundles the archive's search index is written as: one bundle `pagefind/` while the
// archive is small, one per year `pagefind/<year>/` above a size threshold (merged in the browser).

export interface SearchBundles {
  /** Bundle folders relative to the site root, each ending in `/`; the first is the primary. */
  bundles: string[];
  /** Changes whenever the index changes; passed to Pagefind as `metaCacheTag`. */
  tag: string;
}

export interface BundlePlan {
  path: string;
  ids: string[];
}

/** Splits article ids (`<paper>/<YYYY-MM-DD>/…`) into bundles: per year when there are more than `shardAbove`. */
export function planBundles(ids: readonly string[], shardAbove: number): BundlePlan[] {
  if (ids.length <= shardAbove) return [{ path: 'pagefind/', ids: [...ids] }];
  const byYear = new Map<string, string[]>();
  for (const id of ids) {
    const year = id.split('/')[1]?.slice(0, 4) ?? '0000';
    const list = byYear.get(year) ?? [];
    list.push(id);
    byYear.set(year, list);
  }
  // Newest year first: the primary bundle is the one most searches need.
  return [...byYear.keys()].sort().reverse().map((year) => ({ path: `pagefind/${year}/`, ids: byYear.get(year)! }));
}
