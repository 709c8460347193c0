// Stage: identify page. Which paper, date and pages a seed holds, from the strongest source that says
// (shared/DESIGN.md §1): manifest > path > masthead > inference from the text. Where two sources
// disagree the stronger wins and a warning names both; a printed weekday or 农历 date that does not
// fall on the date is a warning too.
import { lunarDayName, weekdayNumbers } from '../data/mastheads.ts';
import { diagnostic, fileStart } from './diagnostics.ts';
import { inferDate, inferPaper } from './infer-identity.ts';
import { isCalendarDate } from './read-manifest.ts';
import { paperName, readMasthead, type Masthead } from './read-masthead.ts';
import { slugifyPublication } from './slugify-publication.ts';
import type { Diagnostic, Manifest, MetaSource, PageIdentity, SourceLine, SourcePosition } from './types.ts';

export interface IdentifyResult {
  identity: PageIdentity;
  /** Indexes (into the lines array) of lines consumed as masthead furniture. */
  mastheadLines: number[];
  diagnostics: Diagnostic[];
}

/**
 * `seeds/<paper>/<YYYY-MM-DD>/<page>.txt` (or `.md`, `.pdf`), the extension in any case as the seed walk takes it
 * (read-manifest.ts seedExtension). A paper folder that is not a slug (聊城日报, café, -rf) is slugified
 * as a paper name is, with a warning.
 */
const pathPattern = /(?:^|\/)(?<paper>[^/]+)\/(?<date>\d{4}-\d{2}-\d{2})\/(?<page>\d+)\.(?:txt|md|pdf)$/iu;
const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;

/** One source's answer to a question, strongest first in a list. */
interface Claim<T> {
  value: T;
  source: MetaSource;
  position: SourcePosition;
}

export function identifyPage(lines: SourceLine[], file: string, manifest: Manifest): IdentifyResult {
  const diagnostics: Diagnostic[] = [];
  const start = fileStart(file);
  const fromManifest = Object.hasOwn(manifest.pages, file) ? manifest.pages[file] : undefined;
  const fromPath = pathPattern.exec(file)?.groups;
  const folder = fromPath?.paper;
  const folderSlug = folder && (slugPattern.test(folder) ? folder : slugifyPublication(folder, manifest));
  if (folder && folderSlug !== folder && !fromManifest?.publication) {
    diagnostics.push(diagnostic(start, 'warning', `paper folder "${folder}" is not a slug (a-z, 0-9, single hyphens): its pages go under ${folderSlug}`, 'identify/folder-slugified'));
  }
  const masthead = readMasthead(lines);
  for (const c of masthead.conflicts) {
    diagnostics.push(diagnostic(c.position, 'warning', `masthead prints two ${c.what} values: kept "${c.kept}", not "${c.other}"`, 'identify/masthead-conflict'));
  }
  const mastheadLines = new Set(masthead.lines);
  const text = lines.filter((_, i) => !mastheadLines.has(i)).map((l) => l.text).join('\n');

  // The paper: its slug from the manifest or the path, its name from the strongest source naming it.
  const slugClaim: Claim<string> | null = fromManifest?.publication
    ? { value: fromManifest.publication, source: 'manifest', position: start }
    : fromPath
      ? { value: folderSlug!, source: 'path', position: start }
      : null;
  const names: Claim<string>[] = [];
  const listedName = slugClaim && Object.hasOwn(manifest.publications, slugClaim.value) ? manifest.publications[slugClaim.value]!.name : undefined;
  if (slugClaim && listedName) names.push({ value: listedName, source: slugClaim.source, position: start });
  if (masthead.name) names.push({ value: masthead.name.value, source: 'masthead', position: masthead.name.position });
  if (!names.length) {
    const inferred = inferPaper(text, manifest);
    // A slug from the path or manifest outranks an inferred paper that would have another slug.
    if (inferred && (!slugClaim || slugifyPublication(inferred.name, manifest) === slugClaim.value)) {
      names.push({ value: inferred.name, source: 'inferred', position: start });
      diagnostics.push(diagnostic(start, 'warning', `no paper name printed; inferred ${inferred.name} (${inferred.evidence})`, 'identify/paper-inferred'));
    }
  }
  const name = strongest(names, 'paper name', diagnostics);
  const publication: PageIdentity['publication'] = name
    ? { name: name.value, slug: slugClaim?.value ?? slugifyPublication(name.value, manifest), name_source: name.source }
    : slugClaim
      ? { name: slugClaim.source === 'path' ? folder! : slugClaim.value, slug: slugClaim.value, name_source: slugClaim.source }
      : { name: null, slug: null, name_source: null };
  if (!publication.name) diagnostics.push(diagnostic(start, 'warning', 'no paper name found, printed or inferable', 'identify/paper-unknown'));

  // The date.
  const stated: Claim<string | undefined>[] = [
    { value: fromManifest?.date, source: 'manifest', position: start },
    { value: fromPath?.date, source: 'path', position: start },
    { value: masthead.date?.value, source: 'masthead', position: masthead.date?.position ?? start },
  ];
  const dates = stated.filter((claim): claim is Claim<string> => {
    if (claim.value == null) return false;
    if (isCalendarDate(claim.value)) return true;
    diagnostics.push(diagnostic(claim.position, 'warning', `${claim.source} gives ${claim.value}, which is not a calendar date; ignored`, 'identify/bad-date'));
    return false;
  });
  if (!dates.length) {
    const inferred = inferDate(text);
    if (inferred) {
      dates.push({ value: inferred.date, source: 'inferred', position: start });
      diagnostics.push(diagnostic(start, 'warning', `no date printed; inferred ${inferred.date} (${inferred.evidence})`, 'identify/date-inferred'));
    }
  }
  const date = strongest(dates, 'date', diagnostics);
  if (!date) diagnostics.push(diagnostic(start, 'warning', 'no date found, printed or inferable', 'identify/date-unknown'));
  else checkCalendar(date.value, masthead, diagnostics);

  return {
    identity: {
      publication,
      issue: {
        date: date?.value ?? null,
        date_source: date?.source ?? null,
        number: masthead.number?.value ?? null,
        total_pages: masthead.totalPages?.value ?? null,
        lunar_date: masthead.lunarDate?.value ?? null,
        weekday: masthead.weekday?.value ?? null,
      },
      pages: identifyPages(fromManifest?.page ?? (fromPath ? Number(fromPath.page) : null), masthead, start, diagnostics),
    },
    mastheadLines: masthead.lines,
    diagnostics,
  };
}

/** The first (strongest) claim; every weaker claim that disagrees with it is a warning. */
function strongest<T>(claims: Claim<T>[], what: string, diagnostics: Diagnostic[]): Claim<T> | null {
  const [first, ...rest] = claims;
  if (!first) return null;
  for (const other of rest) {
    if (fold(other.value) !== fold(first.value)) {
      diagnostics.push(diagnostic(other.position, 'warning', `${what}: ${first.source} says "${first.value}", ${other.source} says "${other.value}"; using the ${first.source}`, 'identify/source-conflict'));
    }
  }
  return first;
}

const fold = (value: unknown): string => paperName(String(value));

/** Page numbers: the manifest's or path's page first, then the 第N版 lines printed; page 1 when none says. */
function identifyPages(stated: number | null, masthead: Masthead, start: SourcePosition, diagnostics: Diagnostic[]): PageIdentity['pages'] {
  const printed = masthead.pages.map((p) => p.value);
  if (stated == null) {
    if (printed.length) return printed;
    diagnostics.push(diagnostic(start, 'info', 'no page number printed; taken as page 1', 'identify/page-assumed'));
    return [{ number: 1, name: null }];
  }
  const first = printed[0];
  if (first && first.number !== stated) {
    diagnostics.push(diagnostic(masthead.pages[0]!.position, 'warning', `page number: the path or manifest says ${stated}, the page prints 第${first.number}版; using ${stated}`, 'identify/source-conflict'));
  }
  const name = first?.number === stated ? first.name : null;
  return [{ number: stated, name }, ...printed.slice(1).filter((p) => p.number !== stated)];
}

const weekdayFormat = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'short' });
const lunarFormat = new Intl.DateTimeFormat('zh-CN-u-ca-chinese', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' });
const weekdayIndex: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/** A printed weekday or 农历 date that does not fall on `date` is a warning (a misprint or a wrong date). */
function checkCalendar(date: string, masthead: Masthead, diagnostics: Diagnostic[]): void {
  const day = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return;
  if (masthead.weekday) {
    const printed = weekdayNumbers[masthead.weekday.value.slice(-1)];
    const actual = weekdayIndex[weekdayFormat.format(day)];
    if (printed !== undefined && printed !== actual) {
      diagnostics.push(diagnostic(masthead.weekday.position, 'warning', `printed weekday ${masthead.weekday.value} does not fall on ${date}`, 'identify/weekday-mismatch'));
    }
  }
  if (masthead.lunarDate && !lunarAgrees(masthead.lunarDate.value, day)) {
    diagnostics.push(diagnostic(masthead.lunarDate.position, 'warning', `printed 农历 date ${masthead.lunarDate.value} is not ${date} (${lunarFormat.format(day)})`, 'identify/lunar-mismatch'));
  }
}

/** Whether a printed 农历 date (壬寅年正月初七; the year or day may be left out) is the Chinese-calendar date of `day`. */
export function lunarAgrees(printed: string, day: Date): boolean {
  const parts = Object.fromEntries(lunarFormat.formatToParts(day).map((p) => [p.type, p.value]));
  const m = /^(?:(?<year>..)年)?(?<month>闰?.{1,2}月)(?<day>.*)$/u.exec(printed.replace(/卅/gu, '三十'));
  if (!m) return true;
  const sameYear = !m.groups!.year || m.groups!.year === parts.yearName;
  const sameDay = !m.groups!.day || m.groups!.day === lunarDayName(Number(parts.day));
  return sameYear && lunarMonth(m.groups!.month!) === lunarMonth(parts.month ?? '') && sameDay;
}

/** 冬月 and 腊月 are the 11th and 12th months; Intl and printers use either name. */
const lunarMonth = (month: string): string => month.replace('冬月', '十一月').replace('腊月', '十二月');
