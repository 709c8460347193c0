// Stage: identify page. Which paper, date and page a seed holds: manifest > path > masthead > inference.
// BASELINE: the metadata helper replaces the masthead and inference rules with full ones.
import { diagnostic, fileStart } from './diagnostics.ts';
import { slugifyPublication } from './slugify-publication.ts';
import type { Diagnostic, Manifest, PageIdentity, SourceLine } from './types.ts';

export interface IdentifyResult {
  identity: PageIdentity;
  /** Indexes (into the lines array) of lines consumed as masthead furniture. */
  mastheadLines: number[];
  diagnostics: Diagnostic[];
}

const pathPattern = /^(?<paper>[a-z0-9][a-z0-9-]*)\/(?<date>\d{4}-\d{2}-\d{2})\/(?<page>\d+)\.(?:txt|md)$/;
const printedDate = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u;

export function identifyPage(lines: SourceLine[], file: string, manifest: Manifest): IdentifyResult {
  const diagnostics: Diagnostic[] = [];
  const identity: PageIdentity = {
    publication: { name: null, slug: null, name_source: null },
    issue: { date: null, date_source: null, number: null, total_pages: null, lunar_date: null, weekday: null },
    pages: [],
  };
  const fromManifest = manifest.pages[file];
  const fromPath = pathPattern.exec(file)?.groups;

  if (fromManifest?.publication) {
    identity.publication = {
      name: manifest.publications[fromManifest.publication]?.name ?? fromManifest.publication,
      slug: fromManifest.publication,
      name_source: 'manifest',
    };
  } else if (fromPath) {
    const slug = fromPath.paper!;
    identity.publication = { name: manifest.publications[slug]?.name ?? slug, slug, name_source: 'path' };
  }
  if (fromManifest?.date) identity.issue = { ...identity.issue, date: fromManifest.date, date_source: 'manifest' };
  else if (fromPath) identity.issue = { ...identity.issue, date: fromPath.date!, date_source: 'path' };
  const pageNumber = fromManifest?.page ?? (fromPath ? Number(fromPath.page) : 1);
  identity.pages = [{ number: pageNumber, name: null }];

  const mastheadLines: number[] = [];
  for (let i = 0; i < Math.min(lines.length, 12); i++) {
    const m = printedDate.exec(lines[i]!.text);
    if (m && !identity.issue.date) {
      identity.issue = { ...identity.issue, date: isoDate(m[1]!, m[2]!, m[3]!), date_source: 'masthead' };
      mastheadLines.push(i);
    }
  }
  if (!identity.publication.name) {
    identity.publication = { name: 'unknown', slug: 'unknown', name_source: 'inferred' };
    diagnostics.push(diagnostic(fileStart(file), 'warning', 'no paper name found; using "unknown"', 'identify/paper-unknown'));
  }
  if (!identity.publication.slug) identity.publication.slug = slugifyPublication(identity.publication.name!, manifest);
  if (!identity.issue.date) {
    diagnostics.push(diagnostic(fileStart(file), 'warning', 'no date found', 'identify/date-unknown'));
  }
  return { identity, mastheadLines, diagnostics };
}

function isoDate(year: string, month: string, day: string): string {
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}
