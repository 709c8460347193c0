// What the export routes (`/<paper>/<date>/articles.txt|jsonl`, `/<paper>/<year>/articles.txt|jsonl`)
// need, from the archive loaded once per build (archive-index.ts).
import type { ArchiveIssue } from './archive-schema.ts';
import { issuesToBuild, loadArchive } from './archive-index.ts';
import { currentJob } from './partitions.ts';
import { titleOf } from './display-title.ts';
import { exportRecords, toJsonLines, toPlainText, type ExportSources } from './export-text.ts';
import { absoluteUrl, articlePath } from './urls.ts';

export const EXPORT_FORMATS = ['txt', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportProps {
  issues: ArchiveIssue[];
  format: ExportFormat;
}

/** One path per issue and per year of each paper, in both formats; the year's issues oldest first. */
export async function exportPaths(): Promise<{ params: { paper: string; date: string; format: ExportFormat }; props: ExportProps }[]> {
  const archive = await loadArchive();
  // A partitioned build (src/lib/partitions.ts) writes its own issues' exports; the year exports are
  // put together from those when the partitions are merged (scripts/partitioned-build.ts).
  const job = currentJob();
  const here = new Set(issuesToBuild(archive).map((i) => i.id));
  return archive.papers.flatMap((paper) => {
    const oldestFirst = [...paper.issues].reverse().filter((i) => here.has(i.id));
    const spans: [string, ArchiveIssue[]][] = [
      ...oldestFirst.map((i): [string, ArchiveIssue[]] => [i.date, [i]]),
      ...(job ? [] : [...paper.years].reverse().map((y): [string, ArchiveIssue[]] => [String(y.year), oldestFirst.filter((i) => i.date.startsWith(`${y.year}-`))])),
    ];
    return spans.flatMap(([date, issues]) => EXPORT_FORMATS.map((format) => ({ params: { paper: paper.id, date, format }, props: { issues, format } })));
  });
}

/** The export file's body. */
export async function exportBody({ issues, format }: ExportProps, site: URL | undefined): Promise<string> {
  const archive = await loadArchive();
  const from: ExportSources = {
    articleById: archive.articleById,
    title: (a) => titleOf(archive, a),
    url: (id) => absoluteUrl(articlePath(id), site),
  };
  const records = issues.flatMap((issue) => exportRecords(issue, from));
  return format === 'jsonl' ? toJsonLines(records) : toPlainText(records);
}

export const EXPORT_TYPES: Record<ExportFormat, string> = {
  txt: 'text/plain; charset=utf-8',
  jsonl: 'application/jsonl; charset=utf-8',
};
