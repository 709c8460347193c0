// Page furniture (报头、导读、报尾…) as a reader sees it (issue 16, defect 6): the seed's Markdown marks
// taken off (`# 河城日报`, `## 第02版：经济`, `<http://…>`, a `---` rule), letter-spacing closed as
// print spaces it out for show (`今 日 导 读` → 今日导读, `2021 年 2 月 25 日` → 2021年2月25日), and a
// 导读 (index) teaser linked to the article it names when that article is in the issue.
import type { ArchiveIssue, IssuePage } from './archive-schema.ts';

export interface FurnitureEntry {
  kind: IssuePage['furniture'][number]['kind'];
  text: string;
  source: IssuePage['furniture'][number]['source'];
  /** Id of the article a 导读 teaser names, when the issue holds it. */
  articleId: string | null;
}

const HAN = /\p{Script=Han}/u;
const single = (t: string) => [...t].length === 1 && HAN.test(t);
const digits = (t: string) => /^\d+$/u.test(t);

/** Closes the spaces of letter-spaced print: between two single Han characters, and between Han and a number. */
export function closeLetterSpacing(text: string): string {
  const tokens = text.split(/ +/u);
  let out = tokens[0] ?? '';
  for (let i = 1; i < tokens.length; i++) {
    const a = tokens[i - 1];
    const b = tokens[i];
    const close = (single(a) && single(b)) || (digits(b) && HAN.test(a.at(-1) ?? '')) || (digits(a) && HAN.test(b[0] ?? ''));
    out += close ? b : ` ${b}`;
  }
  return out;
}

/** The seed's Markdown marks off a line of furniture: headings, emphasis, autolinks, thematic breaks. */
export function unmark(text: string): string {
  return text
    .replace(/^\s{0,3}#{1,6}\s+/u, '')
    .replace(/\s+#+\s*$/u, '')
    .replace(/^\s{0,3}(?:[-*_]\s*){3,}$/u, '')
    .replace(/<((?:https?|mailto):[^<>\s]+)>/gu, '$1')
    .replace(/(\*\*|__)(.+?)\1/gu, '$2')
    .trim();
}

/** Letters only, for matching a teaser with a title: no spaces, punctuation or quotes of either width. */
const key = (text: string) => text.replace(/[\p{P}\p{S}\s]/gu, '');
/** A teaser shorter than this (8版, 要闻) names no article. */
const TEASER_MIN = 6;

/** The article of the issue a teaser names: its title equals the teaser, or one holds the other. */
function namedArticle(text: string, titles: { id: string; key: string }[]): string | null {
  const k = key(text);
  if ([...k].length < TEASER_MIN) return null;
  const hit = titles.find((t) => t.key === k) ?? titles.find((t) => [...t.key].length >= TEASER_MIN && (k.includes(t.key) || t.key.includes(k)));
  return hit?.id ?? null;
}

/** The page's furniture for display: marks off, spacing closed, teasers linked; empty lines (a rule) left out. */
export function furnitureEntries(furniture: IssuePage['furniture'], issue: Pick<ArchiveIssue, 'pages'>): FurnitureEntry[] {
  const titles = issue.pages.flatMap((p) => p.articles.flatMap((a) => (a.title ? [{ id: a.id, key: key(a.title) }] : [])));
  return furniture.flatMap((f) => {
    const text = closeLetterSpacing(unmark(f.text));
    if (!text) return [];
    return [{ kind: f.kind, text, source: f.source, articleId: f.kind === 'index' ? namedArticle(text, titles) : null }];
  });
}
