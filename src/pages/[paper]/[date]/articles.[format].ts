// Bulk text export: every article of an issue (/<paper>/<YYYY-MM-DD>/articles.txt|jsonl) or of a year
// (/<paper>/<YYYY>/articles.txt|jsonl), as plain text or JSON Lines (src/lib/export-text.ts).
import type { APIRoute } from 'astro';
import { EXPORT_TYPES, exportBody, exportPaths, type ExportProps } from '../../../lib/load-export.ts';

export const getStaticPaths = exportPaths;

export const GET: APIRoute<ExportProps> = async ({ props, site }) =>
  new Response(await exportBody(props, site), { headers: { 'content-type': EXPORT_TYPES[props.format] } });
