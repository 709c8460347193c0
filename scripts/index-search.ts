// Search index: Pagefind over the built site. BASELINE: one index for the whole archive;
// the search helper adds per-year shards for archives beyond one index's memory.
import * as pagefind from 'pagefind';

export interface IndexSearchOptions {
  /** The built site folder (dist/). */
  site: string;
}

export async function indexSearch({ site }: IndexSearchOptions): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: site });
  if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
  if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  await pagefind.close();
  process.stderr.write(`search: indexed ${added.page_count} pages\n`);
}
