// The whole article in one view (issue 16): an article continued with 下转 shows its continuation's
// paragraphs in place, after a quiet marker of the printed page it moves to. Followed through the
// archive's continuedToId links (a chain 1 → 3 → 5 too), never round a loop, at most MAX_PARTS parts.
import type { ArchiveArticle } from './archive-schema.ts';

/** Parts shown in one view: a story continued more than three times is not printed in practice. */
const MAX_PARTS = 4;

/** The continuation parts after `article`, in order (empty when it is not continued or the rest is not held). */
export function continuationsOf(article: ArchiveArticle, byId: ReadonlyMap<string, ArchiveArticle>): ArchiveArticle[] {
  const parts: ArchiveArticle[] = [];
  const seen = new Set([article.id]);
  let next = article.continuedToId;
  while (next && !seen.has(next) && parts.length < MAX_PARTS - 1) {
    const part = byId.get(next);
    if (!part) break;
    parts.push(part);
    seen.add(next);
    next = part.continuedToId;
  }
  return parts;
}

/** The words a 上一篇/下一篇 link adds when it leads to another page of the issue: 第02版. */
export function crossPageNote(from: number, to: number): string | null {
  return from === to ? null : `第${String(to).padStart(2, '0')}版`;
}
