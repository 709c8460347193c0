// Stage: find continuations. Body paragraphs → the page an article continues on (下转第N版) or from
// (上接第N版). The marker text stays in the paragraph, as printed.
import { continuedFrom, continuedTo } from '../data/article-lines.ts';

export interface Continuations {
  continued_to: number | null;
  continued_from: number | null;
}

export function findContinuations(paragraphs: string[]): Continuations {
  const last = paragraphs.at(-1) ?? '';
  const first = paragraphs[0] ?? '';
  const to = continuedTo.exec(last)?.groups?.page;
  const from = continuedFrom.exec(first)?.groups?.page;
  return { continued_to: to ? Number(to) : null, continued_from: from ? Number(from) : null };
}
