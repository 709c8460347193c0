// Stage: thread columns. On a spaced page where a narrow column's lines were flattened in between the
// wide paragraphs of other articles (and out of order among themselves), re-thread the lines by
// sentence continuity: every line that runs on is joined to the line that best continues its sentence
// (a dictionary word across the join, a phrase the page prints elsewhere, nearness), the narrow
// column's paragraphs go to the article it opens, stray wide paragraphs back to the wide article
// before it, and a lone one-sentence paragraph with a photographer's credit becomes a photo caption.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { paragraphOpener } from '../data/article-lines.ts';
import { captionOpener, continuationOpeners, photoCredit } from '../data/threading.ts';
import type { ClassifiedLine, PageLayout } from './classify-lines.ts';
import type { ArticleDraft } from './segment-articles.ts';

let jieba: Jieba | null = null;
/** The dictionary segmenter, loaded on first use (only pages with interleaved columns need it). */
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

export function threadColumns(drafts: ArticleDraft[], layout: PageLayout): ArticleDraft[] {
  const narrow = layout.narrowWidth;
  if (!layout.spaced || !narrow) return drafts;
  const isNarrow = (l: ClassifiedLine): boolean => l.width < narrow * 1.5;
  const zoneAt = drafts.map((d) => d.body.some((l) => l.role === 'body' && isNarrow(l) && !l.endsSentence));
  const first = zoneAt.indexOf(true);
  if (first < 0) return drafts;
  const last = zoneAt.lastIndexOf(true);
  const zone = drafts.slice(first, last + 1);
  const host = first > 0 ? drafts[first - 1]! : null;

  const lines = zone.flatMap((d) => d.body.filter((l) => l.role === 'body'));
  const hostEnd = host?.body.at(-1);
  const pool = hostEnd && !hostEnd.endsSentence && !isNarrow(hostEnd) ? [hostEnd, ...lines] : lines;
  const next = link(pool, narrow, isNarrow);

  // Paragraphs: chains from every line nobody continues, in page order.
  const continued = new Set(next.values());
  const chains = pool
    .filter((l) => !continued.has(l))
    .map((head) => {
      const chain = [head];
      for (let l = next.get(head); l; l = next.get(l)) chain.push(l);
      return chain;
    });
  const narrowChains = chains.filter((c) => isNarrow(c[0]!) && c.some((l) => !l.endsSentence || isNarrow(l)) && c[0] !== hostEnd);
  const wideChains = chains.filter((c) => !narrowChains.includes(c));

  const credits = zone.flatMap((d) => d.headline.filter((l) => photoCredit.test(l.text)));
  const captions: ArticleDraft[] = [];
  for (const credit of credits) {
    // The caption: a one-sentence paragraph before the credit, one that opens with a date first.
    const lone = wideChains.filter((c) => c[0] !== hostEnd && c[0]!.index < credit.index && sentences(c) === 1);
    const caption = lone.filter((c) => captionOpener.test(c[0]!.text)).at(-1) ?? lone.at(-1);
    if (!caption) continue;
    wideChains.splice(wideChains.indexOf(caption), 1);
    captions.push({ headline: [], body: [...caption, { ...credit, role: 'body' }], paragraphStarts: [caption[0]!.index] });
  }

  const owner = zone.find((d) => d.body.find((l) => l.role === 'body') && isNarrow(d.body.find((l) => l.role === 'body')!)) ?? zone[0]!;
  const threaded: ArticleDraft = {
    headline: owner.headline.filter((l) => !credits.includes(l)),
    body: narrowChains.flat(),
    paragraphStarts: narrowChains.map((c) => c[0]!.index),
  };
  const rest = zone.filter((d) => d !== owner).map((d) => ({ ...d, headline: d.headline.filter((l) => !credits.includes(l)) }));
  const hostLines = new Set(host?.body ?? []);
  const wideLines = wideChains.flat().filter((l) => !hostLines.has(l));
  const updatedHost: ArticleDraft | null = host && {
    headline: host.headline,
    body: [...host.body, ...wideLines],
    paragraphStarts: [
      ...paragraphStartsOf(host.body, layout),
      ...wideChains.filter((c) => !hostLines.has(c[0]!)).map((c) => c[0]!.index),
    ],
  };
  // Lines of the zone that are no body line (section heads) stay with the column's article.
  threaded.body.push(...zone.flatMap((d) => d.body.filter((l) => l.role !== 'body')));
  // Drafts left with no headline (a credit that moved to its caption) are gone.
  const kept = rest.filter((d) => d.headline.length).map((d) => ({ headline: d.headline, body: [] }));
  return [
    ...drafts.slice(0, Math.max(0, first - 1)),
    ...(updatedHost ? [updatedHost] : []),
    ...captions,
    threaded,
    ...kept,
    ...drafts.slice(last + 1),
  ];
}

/** The lines of an unthreaded body that open a paragraph (on a spaced page: after a finished sentence). */
function paragraphStartsOf(body: ClassifiedLine[], layout: PageLayout): number[] {
  return body.filter((l, i) => i === 0 || l.role !== 'body' || body[i - 1]!.role !== 'body' || body[i - 1]!.endsSentence || !layout.spaced).map((l) => l.index);
}

function sentences(chain: ClassifiedLine[]): number {
  return chain.map((l) => l.text).join('').split(/[。！？!?]/u).filter((s) => s.trim()).length;
}

/**
 * Successor of every line that runs on: pairs scored by continuity, taken best first, one successor
 * and one predecessor per line, no cycles.
 */
function link(lines: ClassifiedLine[], narrow: number, isNarrow: (l: ClassifiedLine) => boolean): Map<ClassifiedLine, ClassifiedLine> {
  const opener = (l: ClassifiedLine): boolean => paragraphOpener.test(l.text) || l.dateline;
  const indented = (l: ClassifiedLine): boolean => isNarrow(l) && l.width <= narrow - 2;
  const runsOn = (l: ClassifiedLine): boolean => !l.endsSentence || (isNarrow(l) && l.width >= (indented(l) ? narrow - 3 : narrow - 1));
  const shortEnd = (l: ClassifiedLine): boolean => l.endsSentence && l.width < narrow - 3;
  const fits = (a: ClassifiedLine, b: ClassifiedLine): boolean => a !== b && !opener(b) && (isNarrow(a) === isNarrow(b) || shortEnd(b));
  const corpus = lines.map((l) => l.text);
  const pairs: { a: ClassifiedLine; b: ClassifiedLine; score: number }[] = [];
  lines.forEach((a, i) => {
    if (!runsOn(a)) return;
    const adjacent = lines.slice(i + 1).find((b) => fits(a, b));
    lines.forEach((b, j) => {
      if (!fits(a, b)) return;
      let score = joinScore(a.text, b.text, corpus) - 0.03 * Math.abs(j - i);
      if (b === adjacent) score += 1.5;
      // A line set in by the paragraph indent opens a paragraph, unless it is a paragraph's short last line.
      if (indented(b)) score -= b.endsSentence ? 0.8 : 2;
      if (a.endsSentence) score -= 1.5;
      pairs.push({ a, b, score });
    });
  });
  pairs.sort((x, y) => y.score - x.score || x.a.index - y.a.index || x.b.index - y.b.index);
  const next = new Map<ClassifiedLine, ClassifiedLine>();
  const taken = new Set<ClassifiedLine>();
  for (const { a, b, score } of pairs) {
    // A line that ends a sentence continues only on real evidence; a line that runs on takes the best it has.
    if (next.has(a) || taken.has(b) || score < (a.endsSentence ? 0.5 : -1)) continue;
    let l: ClassifiedLine | undefined = b;
    while (l && l !== a) l = next.get(l);
    if (l === a) continue;
    next.set(a, b);
    taken.add(b);
  }
  if (process.env.DEBUG_THREAD) for (const [a, b] of next) console.error(a.source.position.line, '->', b.source.position.line, a.text.slice(-4), b.text.slice(0, 4), pairs.find((p) => p.a === a && p.b === b)?.score.toFixed(2));
  return next;
}

/** How well `b` continues `a`: a dictionary word across the join, a phrase printed elsewhere on the page. */
function joinScore(a: string, b: string, corpus: string[]): number {
  const tail = [...a.trimEnd()].slice(-4).join('');
  const head = [...b.trimStart()].slice(0, 4).join('');
  let score = 0;
  let at = 0;
  for (const word of segmenter().cut(tail + head, false)) {
    const end = at + word.length;
    if (at < tail.length && end > tail.length && word.length >= 2) score += 2;
    at = end;
  }
  const across = [tail.slice(-2) + head.slice(0, 1), tail.slice(-1) + head.slice(0, 2)];
  if (across.some((g) => [...g].length === 3 && corpus.some((t) => t.includes(g)))) score += 1.5;
  if (continuationOpeners.has([...head][0] ?? '')) score += 0.5;
  return score;
}
