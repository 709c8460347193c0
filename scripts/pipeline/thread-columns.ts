// Stage: thread columns. On a spaced page where a narrow column's lines were flattened in between the
// wide paragraphs of other articles (and out of order among themselves), re-thread the lines by
// sentence continuity: every line that runs on is joined to the line that best continues its sentence
// (a dictionary word across the join, a phrase the page prints elsewhere, nearness), the narrow
// column's paragraphs go to the article it opens, stray wide paragraphs back to the wide article
// before it, and a lone one-sentence paragraph with a photographer's credit becomes a photo caption.
import { paragraphOpener } from '../data/article-lines.ts';
import { captionOpener, continuationOpeners, joinWeights as w, photoCredit } from '../data/threading.ts';
import { assignJoins, countPhrases } from './assign-joins.ts';
import type { ClassifiedLine, PageLayout } from './classify-lines.ts';
import type { ArticleDraft } from './segment-articles.ts';
import { segmenter } from './segmenter.ts';

/**
 * How many times a body must switch between a narrow column's run-on line and a wide line (WIDE times the
 * narrow width or more) to count as columns flattened into each other. A body set in one column of its
 * own, however its justified lines vary (24–27 ems against a page's narrow 18), switches never.
 */
const MIN_SWITCHES = 3;
const WIDE = 1.75;

export function threadColumns(drafts: ArticleDraft[], layout: PageLayout): ArticleDraft[] {
  const narrow = layout.narrowWidth;
  if (!layout.spaced || !narrow) return drafts;
  const isNarrow = (l: ClassifiedLine): boolean => l.width < narrow * 1.5;
  const runsOnNarrow = (d: ArticleDraft): boolean => d.body.some((l) => l.role === 'body' && isNarrow(l) && !l.endsSentence);
  // Interleaving shows as one body holding both a narrow column's lines and wide paragraphs; the zone
  // runs on over the drafts after it that only a byline or credit opened (no headline of their own).
  const isWide = (l: ClassifiedLine): boolean => l.width >= narrow * WIDE;
  const switches = (d: ArticleDraft): number => {
    const body = d.body.filter((l) => l.role === 'body');
    let n = 0;
    for (let i = 1; i < body.length; i++) {
      const [a, b] = [body[i - 1]!, body[i]!];
      if ((isNarrow(a) && !a.endsSentence && isWide(b)) || (isWide(a) && isNarrow(b) && !b.endsSentence)) n++;
    }
    return n;
  };
  const first = drafts.findIndex((d) => runsOnNarrow(d) && switches(d) >= MIN_SWITCHES);
  if (first < 0) return drafts;
  let last = first;
  // A caption with no credit of its own (its credit printed in another column) stands in the zone too.
  const uncredited = (d: ArticleDraft): boolean => !d.headline.length && d.body.every((l) => l.role === 'caption' && !photoCredit.test(l.text));
  while (drafts[last + 1] && ((runsOnNarrow(drafts[last + 1]!) && drafts[last + 1]!.headline.every((l) => l.role === 'byline')) || uncredited(drafts[last + 1]!))) last++;
  const zone = drafts.slice(first, last + 1);
  const host = first > 0 ? drafts[first - 1]! : null;

  // A caption's text (no credit in it) printed amid the column runs on like body text: threaded with it,
  // so that the lone sentence before a credit is found whichever of the two the labeller called it.
  const threadable = (l: ClassifiedLine): boolean => l.role === 'body' || (l.role === 'caption' && !photoCredit.test(l.text));
  const lines = zone.flatMap((d) => d.body.filter(threadable));
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

  const credits = zone.flatMap((d) => [...d.headline, ...d.body.filter((l) => l.role === 'caption')].filter((l) => photoCredit.test(l.text)));
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
  // Wide paragraphs go back to the wide article before the column (or stand alone when there is none).
  const updatedHost: ArticleDraft | null = (host || wideLines.length) ? {
    headline: host?.headline ?? [],
    body: [...(host?.body ?? []), ...wideLines],
    paragraphStarts: [
      ...paragraphStartsOf(host?.body ?? []),
      ...wideChains.filter((c) => !hostLines.has(c[0]!)).map((c) => c[0]!.index),
    ],
  } : null;
  // Lines of the zone that are no body line (section heads) stay with the column's article.
  threaded.body.push(...zone.flatMap((d) => d.body.filter((l) => !threadable(l) && !credits.includes(l))));
  // Drafts left with no headline (a credit that moved to its caption) are gone.
  const kept = rest.filter((d) => d.headline.length).map((d) => ({ headline: d.headline, body: [] }));
  const result = [
    ...drafts.slice(0, Math.max(0, first - 1)),
    ...(updatedHost ? [updatedHost] : []),
    ...captions,
    threaded,
    ...kept,
    ...drafts.slice(last + 1),
  ];
  // Re-threading only moves lines: should any line be missing or doubled, keep the page as printed.
  return sameLines(drafts, result) ? result : drafts;
}

function sameLines(before: ArticleDraft[], after: ArticleDraft[]): boolean {
  const ids = (ds: ArticleDraft[]): string => ds.flatMap((d) => [...d.headline, ...d.body].map((l) => l.index)).sort((a, b) => a - b).join(',');
  return ids(before) === ids(after);
}

/** The lines of an unthreaded body on a spaced page that open a paragraph: after a finished sentence. */
function paragraphStartsOf(body: ClassifiedLine[]): number[] {
  return body.filter((l, i) => i === 0 || l.role !== 'body' || body[i - 1]!.role !== 'body' || body[i - 1]!.endsSentence).map((l) => l.index);
}

function sentences(chain: ClassifiedLine[]): number {
  return chain.map((l) => l.text).join('').split(/[。！？!?]/u).filter((s) => s.trim()).length;
}

/**
 * Successor of every line that runs on: pairs scored by continuity (weights in data/threading.ts),
 * the best set of joins taken together, one successor and one predecessor per line, no cycles.
 */
function link(lines: ClassifiedLine[], narrow: number, isNarrow: (l: ClassifiedLine) => boolean): Map<ClassifiedLine, ClassifiedLine> {
  const opener = (l: ClassifiedLine): boolean => paragraphOpener.test(l.text) || l.dateline;
  // Set in by the paragraph indent (a very short line ending a sentence is a paragraph's last line instead).
  const indented = (l: ClassifiedLine): boolean => isNarrow(l) && l.width <= narrow - 2.5 && (!l.endsSentence || l.width >= narrow - 4);
  const runsOn = (l: ClassifiedLine): boolean => !l.endsSentence || (isNarrow(l) && l.width >= (indented(l) ? narrow - 3 : narrow - 1));
  const shortEnd = (l: ClassifiedLine): boolean => l.endsSentence && l.width < narrow - 3;
  const fits = (a: ClassifiedLine, b: ClassifiedLine): boolean => a !== b && !opener(b) && (isNarrow(a) === isNarrow(b) || shortEnd(b));
  // What the page prints elsewhere: each line, and each line joined to the one printed after it.
  const corpus = countPhrases(lines.flatMap((l, i) => [l.text, i + 1 < lines.length ? l.text + lines[i + 1]!.text : '']), 4, 8);
  const pairs: { a: ClassifiedLine; b: ClassifiedLine; score: number }[] = [];
  lines.forEach((a, i) => {
    if (!runsOn(a)) return;
    const adjacent = lines.slice(i + 1).find((b) => fits(a, b));
    lines.forEach((b, j) => {
      if (!fits(a, b)) return;
      // Lines printed one after the other are in the corpus joined: that join is not evidence for itself.
      let score = joinScore(a.text, b.text, corpus, j === i + 1 ? 1 : 0) - w.perLineApart * Math.abs(j - i);
      if (b === adjacent && !shortEnd(b)) score += w.printedNext;
      if (indented(b)) score -= b.endsSentence ? w.indentedLastLine : w.indented;
      else if (isNarrow(b)) score += w.notIndented;
      if (a.endsSentence) score -= w.afterFinishedSentence;
      pairs.push({ a, b, score });
    });
  });
  // The best set of joins over the whole column (Hungarian assignment), not the best join first: a
  // line taken by a weak join elsewhere would be missing where a strong one needs it. Each running-on
  // line may also end its paragraph (its own column, at the least score it needs to join).
  const rows = lines.filter(runsOn);
  const scoreOf = new Map(rows.map((a) => [a, new Map<ClassifiedLine, number>()]));
  for (const { a, b, score } of pairs) scoreOf.get(a)!.set(b, score);
  const joins = assignJoins(
    rows.length,
    lines.length,
    (r, c) => scoreOf.get(rows[r]!)!.get(lines[c]!) ?? null,
    (r) => (rows[r]!.endsSentence ? w.endAfterFinishedSentence : w.endAfterRunOn),
  );
  const next = new Map<ClassifiedLine, ClassifiedLine>();
  for (const [r, c] of joins) next.set(rows[r]!, lines[c]!);
  breakCycles(next, pairs);
  return next;
}

/** A paragraph cannot continue into itself: in each cycle of joins, the weakest join is dropped. */
function breakCycles(next: Map<ClassifiedLine, ClassifiedLine>, pairs: { a: ClassifiedLine; b: ClassifiedLine; score: number }[]): void {
  const score = (a: ClassifiedLine): number => pairs.find((p) => p.a === a && p.b === next.get(a))?.score ?? 0;
  for (const start of [...next.keys()]) {
    if (!next.has(start)) continue;
    const cycle: ClassifiedLine[] = [];
    let l: ClassifiedLine | undefined = start;
    while (l && next.has(l) && !cycle.includes(l)) {
      cycle.push(l);
      l = next.get(l);
    }
    if (l === start) next.delete(cycle.reduce((w, a) => (score(a) < score(w) ? a : w)));
  }
}

/** How well `b` continues `a`: a dictionary word across the join, a phrase printed elsewhere on the page. */
function joinScore(a: string, b: string, corpus: Map<string, number>, own: number): number {
  const tail = [...a.trimEnd()].slice(-4).join('');
  const head = [...b.trimStart()].slice(0, 4).join('');
  let score = 0;
  let at = 0;
  for (const word of segmenter().cut(tail + head, false)) {
    const end = at + word.length;
    if (at < tail.length && end > tail.length && word.length >= 2) score += w.wordAcross;
    at = end;
  }
  // A phrase across the join that the page prints elsewhere (a name, a place): at least two
  // characters of words on each side, no punctuation in between.
  const left = /[\p{Script=Han}\p{L}\p{N}]{2,}$/u.exec(tail)?.[0] ?? '';
  const right = /^[\p{Script=Han}\p{L}\p{N}]{2,}/u.exec(head)?.[0] ?? '';
  if (left && right) {
    const spans: string[] = [];
    for (let l = 2; l <= left.length; l++) for (let r = 2; r <= right.length; r++) spans.push(left.slice(-l) + right.slice(0, r));
    const found = spans.filter((g) => (corpus.get(g) ?? 0) > own);
    const longest = Math.max(0, ...found.map((g) => g.length));
    if (longest >= 4) score += w.phraseAcross + w.phraseLonger * (longest - 4);
  }
  if (continuationOpeners.has([...head][0] ?? '')) score += w.continuationOpener;
  return score;
}
