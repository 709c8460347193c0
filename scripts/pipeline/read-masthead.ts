// Stage: read masthead. The lines of a page → what its masthead (报头) prints: paper name, date, weekday,
// 农历 date, issue number, page count, page numbers and names, and which lines the masthead takes up.
//
// A line is masthead when masthead tokens (scripts/data/mastheads.ts) make up all of it. Lines that are
// masthead only in company (the paper's name alone, its Latin spelling, the issuing office, a lone
// token below the top of the page) count when they stand in one run with such a line.
import {
  issuingOfficeLine,
  latinNameLine,
  mastheadSeparators,
  mastheadTokens,
  mastheadTokenNeeds,
  paperNameSuffixes,
  parseNumber,
  publisherPaperName,
} from '../data/mastheads.ts';
import { CharPresence } from './char-class.ts';
import type { SourceLine, SourcePosition } from './types.ts';

/** One fact read off the masthead, with where it is printed. */
export interface Printed<T> {
  value: T;
  position: SourcePosition;
}

export interface Masthead {
  name: Printed<string> | null;
  date: Printed<string> | null;
  weekday: Printed<string> | null;
  lunarDate: Printed<string> | null;
  number: Printed<string> | null;
  totalPages: Printed<number> | null;
  /** 第N版 lines, in page order as printed. */
  pages: Printed<{ number: number; name: string | null }>[];
  /** Indexes of the lines that are masthead furniture. */
  lines: number[];
  /** Facts printed twice with different values (the first one is kept). */
  conflicts: { what: string; kept: string; other: string; position: SourcePosition }[];
}

/** Lines at the top of a page searched for a masthead before the first body text. */
const TOP_LINES = 60;
/** A line of running text: ends the masthead zone at the top of a page. */
const bodyLine = /[，。；！？,;!?].*[，。；！？,;!?]|^[^\n]{60,}$/u;
/** Generic 报 endings that are not paper names (汇报 report, 通报 circular, 电报 telegram …). */
const notPaperName = /(?:汇|通|举|申|上|情|预|喜|捷|电|海|画|公|回|呈)报$/u;

export function readMasthead(lines: SourceLine[]): Masthead {
  const masthead: Masthead = {
    name: null, date: null, weekday: null, lunarDate: null, number: null, totalPages: null, pages: [], lines: [], conflicts: [],
  };
  const tokenLines = new Map<number, string | null>();
  const trusted = new Set<number>();
  const companyLines = new Set<number>();
  let inTopZone = true;
  lines.forEach((line, i) => {
    const text = cleanLine(line.text);
    if (!text) return;
    const read = readTokenLine(text);
    // Below the top of the page, a token line is masthead by itself only when it prints a date and
    // another masthead fact, or a named page (第02版：综合); a lone token (第9534期) only next to one.
    if (read) {
      tokenLines.set(i, read.rest);
      const dated = read.kinds.has('date') || read.kinds.has('numericDate');
      if (inTopZone || (dated && read.kinds.size >= 2) || read.namedPage) trusted.add(i);
      else companyLines.add(i);
      return;
    }
    if (i >= TOP_LINES || bodyLine.test(text)) inTopZone = false;
    if (isCompanyLine(text)) companyLines.add(i);
  });

  // A run of candidate lines (blank lines aside) that holds a trusted line is the masthead.
  const accepted = new Set<number>();
  let run: number[] = [];
  const names = (i: number): boolean => (tokenLines.has(i) ? tokenLines.get(i) != null : isPaperNameLine(cleanLine(lines[i]!.text)));
  const closeRun = () => {
    // A name line after the run's last token line, once the run has named its paper, is a headline
    // that happens to end like a paper's name (…工作简报, …日报) printed under the masthead.
    const lastToken = run.findLastIndex((i) => tokenLines.has(i));
    while (run.length - 1 > lastToken && lastToken >= 0 && isPaperNameLine(cleanLine(lines[run.at(-1)!]!.text)) && run.slice(0, -1).some(names)) run.pop();
    if (run.some((i) => trusted.has(i))) for (const i of run) accepted.add(i);
    run = [];
  };
  lines.forEach((line, i) => {
    if (!cleanLine(line.text)) return;
    if (tokenLines.has(i) || companyLines.has(i)) run.push(i);
    else closeRun();
  });
  closeRun();
  masthead.lines = [...accepted].sort((a, b) => a - b);

  for (const i of masthead.lines) {
    const text = cleanLine(lines[i]!.text);
    const at = lines[i]!.position;
    if (tokenLines.has(i)) {
      readFacts(text, at, masthead);
      const rest = tokenLines.get(i);
      if (rest) setFact(masthead, 'name', paperName(rest), at);
    } else if (isPaperNameLine(text)) setFact(masthead, 'name', paperName(text), at);
  }
  if (!masthead.name) {
    for (const i of masthead.lines) {
      const m = publisherPaperName.exec(lines[i]!.text);
      if (m) {
        setFact(masthead, 'name', m.groups!.name!, lines[i]!.position);
        break;
      }
    }
  }
  return masthead;
}

/** A line without Markdown heading/emphasis marks and outer blanks. */
function cleanLine(text: string): string {
  return text.replace(/^\s*#{1,6}\s+/u, '').replace(/\*\*|__/gu, '').trim();
}

// Each token is looked for only on a line holding one of the characters it needs (data/mastheads.ts).
const tokenChars = new CharPresence('');
const globalTokens = Object.entries(mastheadTokens).map(([kind, pattern]) => [kind, new RegExp(pattern.source, `${pattern.flags}g`), tokenChars.bits(mastheadTokenNeeds[kind as keyof typeof mastheadTokens])] as const);

/**
 * Takes every masthead token off a line. The line is a token line when only separators remain, or
 * when what remains is a paper name; `rest` is that name.
 */
function readTokenLine(text: string): { kinds: Set<string>; namedPage: boolean; rest: string | null } | null {
  const kinds = new Set<string>();
  let rest = text;
  // Taking tokens off only takes characters away (a space stands in): what the line holds bounds what is left.
  const held = tokenChars.mask(text);
  for (const [kind, global, bits] of globalTokens) {
    if (!(held & bits)) continue; // the token cannot be on the line: nothing to take off
    const next = rest.replace(global, ' ');
    if (next !== rest) kinds.add(kind);
    rest = next;
  }
  if (!kinds.size) return null;
  const namedPage = mastheadTokens.page.exec(text)?.groups?.name != null;
  if (mastheadSeparators.test(rest)) return { kinds, namedPage, rest: null };
  const leftover = rest.replace(/\s+/gu, ' ').trim();
  return isPaperNameLine(leftover) ? { kinds, namedPage, rest: leftover } : null;
}

function isCompanyLine(text: string): boolean {
  return isPaperNameLine(text) || latinNameLine.test(text) || issuingOfficeLine.test(text.replace(/\s+/gu, ''));
}

/** A short line that is nothing but a name ending like a paper's (聊城日报, 东昌府讯, …工作简报). */
export function isPaperNameLine(text: string): boolean {
  const name = paperName(text);
  if (!/^[\p{Script=Han}·]{2,24}$/u.test(name) || /^本报/u.test(name) || notPaperName.test(name)) return false;
  return paperNameSuffixes.some(({ suffix }) => name.endsWith(suffix));
}

/** The name as printed, without spaces between its characters (聊城市创建全国文明城市 工作简报). */
export function paperName(text: string): string {
  return text.replace(/[\s*#_]+/gu, '');
}

function readFacts(text: string, at: SourcePosition, masthead: Masthead): void {
  const t = mastheadTokens;
  const date = (t.date.exec(text) ?? t.numericDate.exec(text))?.groups;
  if (date) {
    const [y, m, d] = [date.year!, date.month!, date.day!].map(parseNumber);
    if (y && m && d) setFact(masthead, 'date', isoDate(y, m, d), at);
  }
  const weekday = t.weekday.exec(text);
  if (weekday) setFact(masthead, 'weekday', weekday[0], at);
  const lunar = t.lunar.exec(text)?.groups;
  const lunarDate = lunar?.date ?? lunar?.bare;
  if (lunarDate) setFact(masthead, 'lunarDate', lunarDate.replace(/\s+/gu, ''), at);
  const number = t.number.exec(text);
  if (number) setFact(masthead, 'number', number[0].replace(/\s+/gu, ''), at);
  const total = t.totalPages.exec(text)?.groups;
  const count = total ? parseNumber(total.count!) : null;
  if (count) setFact(masthead, 'totalPages', count, at);
  const page = t.page.exec(text)?.groups;
  const pageNumber = page ? parseNumber(page.page!) : null;
  if (pageNumber && !masthead.pages.some((p) => p.value.number === pageNumber)) {
    masthead.pages.push({ value: { number: pageNumber, name: page!.name ?? null }, position: at });
  }
}

type FactKey = 'name' | 'date' | 'weekday' | 'lunarDate' | 'number' | 'totalPages';

function setFact<K extends FactKey>(masthead: Masthead, key: K, value: NonNullable<Masthead[K]>['value'], position: SourcePosition): void {
  const known = masthead[key];
  if (!known) {
    (masthead[key] as Printed<typeof value>) = { value, position };
  } else if (known.value !== value) {
    masthead.conflicts.push({ what: key, kept: String(known.value), other: String(value), position });
  }
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
