import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { articleSchema, issueSchema, paperSchema } from './lib/archive-schema.ts';
import { currentJob } from './lib/partitions.ts';

// The archive is written by `npm run ingest` into content/archive/ (never edited by hand);
// content/pages/ holds the hand-written editorial pages. CONTENT_DIR moves the archive (not the pages)
// elsewhere, as the benchmark does (bench/run.ts) so that it never overwrites the project's content/.
const archive = `${process.env.CONTENT_DIR || './content'}/archive`;
// A partitioned build (src/lib/partitions.ts) loads only the articles of the partitions it builds, and
// every issue (the archive-wide index), whole or, without the archive-wide partition, from its index.
const job = currentJob();
const articleFiles = job ? (job.articles.length ? job.articles : ['none-in-this-job']) : '**/*.json';
// A job with an issue index loads its own issues whole, the rest from the index (src/lib/archive-index.ts).
const issueFiles = job?.issueIndex ? (job.issues.length ? job.issues.map((id) => `${id}.json`) : ['none-in-this-job']) : '**/*.json';

export const collections = {
  papers: defineCollection({ loader: file(`${archive}/papers.json`), schema: paperSchema }),
  issues: defineCollection({
    loader: glob({ pattern: issueFiles, base: `${archive}/issues`, generateId: ({ data }) => String(data.id) }),
    schema: issueSchema,
  }),
  articles: defineCollection({
    loader: glob({ pattern: articleFiles, base: `${archive}/articles`, generateId: ({ data }) => String(data.id) }),
    schema: articleSchema,
  }),
  pages: defineCollection({
    loader: glob({ pattern: '*.mdx', base: './content/pages' }),
    schema: z.object({ title: z.string(), description: z.string() }),
  }),
};
