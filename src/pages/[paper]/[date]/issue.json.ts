// The issue's metadata and article list with permalinks: /<paper>/<date>/issue.json.
import type { APIRoute } from 'astro';
import { issuesToBuild, loadArchive } from '../../../lib/archive-index.ts';
import type { ArchiveIssue } from '../../../lib/archive-schema.ts';
import { buildIssueJson } from '../../../lib/feeds.ts';

export async function getStaticPaths() {
  return issuesToBuild(await loadArchive()).map((issue) => ({ params: { paper: issue.paper, date: issue.date }, props: { issue } }));
}

export const GET: APIRoute<{ issue: ArchiveIssue }> = ({ props, site }) => {
  const json = buildIssueJson(props.issue, { site, base: import.meta.env.BASE_URL });
  return new Response(`${JSON.stringify(json, null, 2)}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
