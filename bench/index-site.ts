// Benchmark stage: the project's Pagefind indexing (scripts/index-search.ts) of a built site, run as its
// own process so that its memory is measured apart. Usage: CONTENT_DIR=<content> node bench/index-site.ts <dist>
import { indexSearch } from '../scripts/index-search.ts';

const site = process.argv[2];
if (!site) throw new Error('usage: node bench/index-site.ts <built site folder>');
await indexSearch({ site, content: process.env.CONTENT_DIR });
