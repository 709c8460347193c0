// Stage: attach headlines. An article draft's labelled headline lines → kicker (引题), title (主题),
// subtitles (副题) and byline. The labeller has said which line is which part; this stage joins a part
// wrapped over lines, and splits a headline line that glues several parts together (kicker + title +
// subtitle on one line, or the titles of two articles side by side). It builds new headlines and
// changes no line.
import { headlineCues, kickerEnding } from '../data/article-lines.ts';
import type { ArticleDraft, ClassifiedLine, Headline } from './types.ts';

export type { Headline } from './types.ts';

export function attachHeadlines(drafts: ArticleDraft[]): Headline[] {
  const headlines = drafts.map((d) => readHeadline(d.headline));
  // Two titles glued on one line: the first belongs to an earlier body printed with a byline but no title.
  drafts.forEach((draft, i) => {
    const parts = gluedParts(draft.headline);
    const h = headlines[i]!;
    if (!parts || parts.length !== 2 || h.kicker || h.subtitles.length) return;
    const orphan = headlines.slice(0, i).findLastIndex((o, j) => o.title === null && o.byline !== null && drafts[j]!.body.length > 0);
    if (orphan < 0) return;
    headlines[orphan] = { ...headlines[orphan]!, title: parts[0]! };
    headlines[i] = { ...h, title: parts[1]! };
  });
  return headlines;
}

function readHeadline(lines: ClassifiedLine[]): Headline {
  const of = (role: ClassifiedLine['role']): ClassifiedLine[] => lines.filter((l) => l.role === role);
  const bylines = of('byline').map((l) => l.text);
  const headline: Headline = { kicker: null, title: null, subtitles: subtitleParts(of('subtitle')), byline: bylines.length ? bylines.join(' ') : null };
  const kicker = of('kicker'), title = of('title');
  if (!kicker.length && !title.length) return headline;
  // One headline line alone may glue its parts with spaces.
  if (!kicker.length && title.length === 1 && !headline.subtitles.length) return { ...headline, ...splitGlued(title[0]!.text) };
  return {
    ...headline,
    kicker: kicker.length ? joinLines(kicker) : null,
    title: title.length ? joinLines(title) : joinLines(kicker),
    ...(title.length ? {} : { kicker: null }),
  };
}

/** Subtitle lines: each opens a subtitle, unless it continues the one above (that one runs on, or this opens with a closing mark). */
function subtitleParts(lines: ClassifiedLine[]): string[] {
  const parts: ClassifiedLine[][] = [];
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    const continues = prev && line.index === prev.index + 1 && !line.dashSubtitle && (prev.ending === 'clause' || line.opensWithCloser);
    if (continues) parts.at(-1)!.push(line);
    else parts.push([line]);
  });
  return parts.map(joinLines);
}

/** Wrapped headline lines joined: no space, unless the first line already sets its phrases apart. */
function joinLines(block: ClassifiedLine[]): string {
  return block.reduce((text, line) => (text ? text + (/\s/u.test(text) ? ' ' : '') + line.text : line.text), '');
}

/** The space-separated parts of a lone one-line headline, or null. */
function gluedParts(lines: ClassifiedLine[]): string[] | null {
  const heads = lines.filter((l) => l.role === 'title' || l.role === 'kicker');
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
function splitGlued(whole: string): Pick<Headline, 'kicker' | 'title' | 'subtitles'> {
  const parts = whole.split(/[ \u3000]+/u).filter(Boolean);
  const event = parts.length >= 2 && kickerEnding.test(parts[0]!);
  if (event && parts.length >= 4) return { kicker: parts[0]!, title: parts.slice(1, -1).join(' '), subtitles: [parts.at(-1)!] };
  if (event) return { kicker: null, title: parts[0]!, subtitles: [parts.slice(1).join(' ')] };
  if (parts.length >= 3 && headlineCues.detailStart.test(parts.at(-1)!)) return { kicker: null, title: parts.slice(0, -1).join(' '), subtitles: [parts.at(-1)!] };
  return { kicker: null, title: whole, subtitles: [] };
}
