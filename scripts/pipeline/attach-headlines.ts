// Stage: attach headlines. An article draft's headline lines → kicker (引题), title (主题), subtitles
// (副题) and byline. Also splits a headline line that glues several parts together (kicker + title +
// subtitle on one line, or the titles of two articles side by side).
import { headlineCues, kickerEnding } from '../data/article-lines.ts';
import type { ClassifiedLine } from './classify-lines.ts';
import type { ArticleDraft } from './segment-articles.ts';

export interface Headline {
  kicker: string | null;
  title: string | null;
  subtitles: string[];
  byline: string | null;
}

export function attachHeadlines(drafts: ArticleDraft[]): Headline[] {
  const headlines = drafts.map((d) => readHeadline(d.headline));
  // Two titles glued on one line: the first belongs to an earlier body printed with a byline but no title.
  headlines.forEach((h, i) => {
    const parts = gluedParts(drafts[i]!.headline);
    if (!parts || parts.length !== 2 || h.kicker || h.subtitles.length) return;
    const orphan = headlines.slice(0, i).findLastIndex((o, j) => o.title === null && o.byline !== null && drafts[j]!.body.length > 0);
    if (orphan < 0) return;
    headlines[orphan]!.title = parts[0]!;
    h.title = parts[1]!;
  });
  return headlines;
}

function readHeadline(lines: ClassifiedLine[]): Headline {
  const bylines = lines.filter((l) => l.role === 'byline').map((l) => l.text);
  const subtitles = lines.filter((l) => l.role === 'subtitle').map((l) => l.text);
  const blocks = headingBlocks(lines.filter((l) => l.role === 'heading'));
  const headline: Headline = { kicker: null, title: null, subtitles, byline: bylines.length ? bylines.join(' ') : null };
  if (!blocks.length) return headline;
  const markedAt = blocks.findIndex((b) => b.some((l) => l.marked));
  if (blocks.length === 1 && !subtitles.length) return { ...headline, ...splitGlued(blocks[0]!) };
  const text = blocks.map(joinLines);
  const titleAt = markedAt >= 0 ? markedAt : blocks.length === 1 ? 0 : blocks.length > 2 || kickerEvidence(text[0]!, text[1]!, subtitles.length > 0) > 0 ? 1 : 0;
  return {
    ...headline,
    kicker: titleAt > 0 ? text.slice(0, titleAt).join(' ') : null,
    title: text[titleAt]!,
    subtitles: [...text.slice(titleAt + 1), ...subtitles],
  };
}

/**
 * Two headline blocks, `upper` above `lower`: above 0 reads them as kicker + title, else as title +
 * subtitle. A kicker tends to be shorter than its title, and a headline with a dash or speaker subtitle
 * already has its 副题.
 */
function kickerEvidence(upper: string, lower: string, hasSubtitle: boolean): number {
  let score = 0;
  if (headlineCues.sayingEnd.test(upper)) score += 2;
  if (headlineCues.exhortationStart.test(lower) || headlineCues.sloganPhrases.test(lower)) score += 2;
  if (headlineCues.detailStart.test(lower)) score -= 2;
  if (kickerEnding.test(upper)) score -= 1;
  if (kickerEnding.test(lower)) score += 1;
  if (hasSubtitle) score += 1;
  score += [...upper].length < [...lower].length ? 0.5 : -0.5;
  return score;
}

/**
 * Heading lines printed together (no blank between) are one headline part wrapped over lines, unless
 * a line opens a new part, as pages printed without blank lines set them (see `opensPart`).
 */
function headingBlocks(lines: ClassifiedLine[]): ClassifiedLine[][] {
  const blocks: ClassifiedLine[][] = [];
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    const together = prev && !line.gapBefore && line.index === prev.index + 1 && !line.marked;
    if (together && !opensPart(joinLines(blocks.at(-1)!), line.text)) blocks.at(-1)!.push(line);
    else blocks.push([line]);
  });
  return blocks;
}

/**
 * The text `lower`, printed right under `upper`, starts a headline part of its own: a title under a
 * kicker (the line above ends 强调, or reports an event that took place: …会议召开; this one exhorts:
 * 以…, 全力…; or the line above is a slogan of short phrases: 直面问题 正视差距), or a subtitle giving
 * the local angle (我区设分会场…) or a detail (分别比去年提升…). An exhorting line under an exhorting
 * line or under parallel phrases is the same slogan wrapped: 以更高标准更高要求 / 持续深化…; a space
 * left where a kicker wrapped (李长萍调研春节期间 工业经济运行…) does not make it a slogan.
 */
function opensPart(upper: string, lower: string): boolean {
  const { sayingEnd, exhortationStart, sloganPhrases, localStart, detailStart } = headlineCues;
  if (sayingEnd.test(upper) || kickerEnding.test(upper) || localStart.test(lower) || detailStart.test(lower)) return true;
  if (sloganPhrases.test(upper) && !/\s/u.test(lower)) return true;
  return exhortationStart.test(lower) && !exhortationStart.test(upper) && !parallelPhrases(upper);
}

/** Phrases of about one length set apart by spaces (拿出破釜沉舟的勇气 使出低头绣花的功夫): one slogan. */
function parallelPhrases(text: string): boolean {
  const lengths = text.split(/[ \u3000]+/u).filter(Boolean).map((p) => [...p].length);
  return lengths.length >= 2 && Math.max(...lengths) - Math.min(...lengths) <= 2;
}

/** Wrapped headline lines joined: no space, unless the first line already sets its phrases apart. */
function joinLines(block: ClassifiedLine[]): string {
  return block.reduce((text, line) => (text ? text + (/\s/u.test(text) ? ' ' : '') + line.text : line.text), '');
}

/** The space-separated parts of a lone one-line headline, or null. */
function gluedParts(lines: ClassifiedLine[]): string[] | null {
  const heads = lines.filter((l) => l.role === 'heading');
  if (heads.length !== 1 || lines.length !== 1) return null;
  const parts = heads[0]!.text.split(/[ \u3000]+/u).filter(Boolean);
  return parts.length >= 2 ? parts : null;
}

/**
 * One headline line that may glue kicker, title and subtitle: `…大会召开 强化… 聚力… 我区设分会场…`.
 * A first part ending with a meeting verb (召开, 举行) is the kicker when three or more parts follow it,
 * else the title with the rest as subtitle; otherwise the last of three or more parts is the subtitle
 * when it adds a detail (分别比去年…): parallel phrases (拿出… 使出… 扎实推进…) are one title.
 */
function splitGlued(block: ClassifiedLine[]): Pick<Headline, 'kicker' | 'title' | 'subtitles'> {
  const whole = joinLines(block);
  const parts = block.length === 1 ? whole.split(/[ \u3000]+/u).filter(Boolean) : [whole];
  const event = parts.length >= 2 && kickerEnding.test(parts[0]!);
  if (event && parts.length >= 4) return { kicker: parts[0]!, title: parts.slice(1, -1).join(' '), subtitles: [parts.at(-1)!] };
  if (event) return { kicker: null, title: parts[0]!, subtitles: [parts.slice(1).join(' ')] };
  if (parts.length >= 3 && headlineCues.detailStart.test(parts.at(-1)!)) return { kicker: null, title: parts.slice(0, -1).join(' '), subtitles: [parts.at(-1)!] };
  return { kicker: null, title: whole, subtitles: [] };
}
