// 往年今日's per-day index, /on-this-day/MM-DD.json: every issue published on that month and day, newest
// first, with its link and front-page lead headline; the home page fetches the reader's today. Every
// day of the year has a file (an empty list when nothing was published), so no reader's day is a 404.
import type { APIRoute } from 'astro';
import { loadArchive } from '../../lib/archive-index.ts';
import { titleOf } from '../../lib/display-title.ts';
import { allDays, dayIndex, type DayIssue } from '../../lib/on-this-day.ts';
import { leadIndex } from '../../lib/page-map.ts';
import { issuePath, withBase } from '../../lib/urls.ts';

export async function getStaticPaths() {
  const index = dayIndex((await loadArchive()).papers);
  return allDays().map((day) => ({ params: { day }, props: { issues: index.get(day) ?? [] } }));
}

export const GET: APIRoute<{ issues: DayIssue[] }> = async ({ props }) => {
  const archive = await loadArchive();
  const body = props.issues.map((i) => {
    const front = archive.issueById.get(`${i.paper}/${i.date}`)?.pages[0]?.articles ?? [];
    const lead = front[leadIndex(front)];
    return { ...i, href: withBase(issuePath(i.paper, i.date)), lead: lead ? titleOf(archive, lead).text : null };
  });
  return new Response(`${JSON.stringify(body)}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
