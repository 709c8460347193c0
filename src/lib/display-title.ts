// What an article is called wherever a title shows (lists, 版面导航, page map, 上一篇/下一篇, the
// article's own heading, feeds): its printed title, else one made from its own text, never stored as
// the title (issue 16). A photo is `图片：` + its caption's first clause; an untitled story its first
// clause in ［］, the cataloguer's mark for a supplied title (GB/T 3792 uses [ ]); the continuation of
// an article on a later page `（上接第1版）` + that article's title.
import type { ArchiveArticle, ArticleRef } from './archive-schema.ts';

/** The fields a display title is made from. */
export type TitleSource = Pick<ArchiveArticle, 'title' | 'kind' | 'paragraphs' | 'continuedFrom'>;

export interface DisplayTitle {
  text: string;
  /** True when the words are not the printed title (made from the text, or a continuation's). */
  supplied: boolean;
}

/** Longest supplied clause, in characters, before it is cut with …: about one headline line. */
const CLAUSE_MAX = 24;
/** A first clause shorter than this (据悉, 近日) says nothing: the next clause is added. */
const CLAUSE_MIN = 6;
/** Where a clause ends. */
const CLAUSE_END = /[，。！？；：,.!?;:…]/u;
/**
 * Openings that are not the story's words: the dateline (本报讯, 本报北京5月6日电, 新华社北京5月6日电 with
 * its （记者 …） credit), a continuation's （上接第1版） and a caption's 图为 (pictured).
 */
const LEADERS = [
  /^\s*[（(]上接第?\d+版[）)]\s*/u,
  /^\s*(?:本报讯|本报[^，。（(]{0,12}电|新华社[^，。（(]{0,12}电|[^，。（(\s]{2,8}社[^，。（(]{0,12}电)\s*(?:[（(][^）)]{0,24}[）)])?\s*/u,
  /^\s*(?:上图|下图|左图|右图|图)为?\s*/u,
];

/** The text's first clause (a too-short one with the next), without dateline or caption openers; '' when there is no text. */
export function firstClause(paragraphs: readonly string[]): string {
  let text = paragraphs.join(' ').replace(/\s+/gu, ' ').trim();
  for (const leader of LEADERS) text = text.replace(leader, '');
  const chars = [...text];
  let end = chars.findIndex((c, i) => i >= CLAUSE_MIN && CLAUSE_END.test(c));
  if (end < 0) end = chars.length;
  const clause = chars.slice(0, end).join('').replace(/[，。！？；：,.!?;:…\s]+$/u, '');
  const cut = [...clause];
  return cut.length > CLAUSE_MAX ? `${cut.slice(0, CLAUSE_MAX).join('')}…` : clause;
}

/**
 * The display title. `continued` is the title of the article this one continues (continuedFromId's),
 * when the archive holds it.
 */
export function displayTitle(article: TitleSource, continued?: string | null): DisplayTitle {
  const printed = article.title?.trim();
  if (printed) return { text: printed, supplied: false };
  const clause = firstClause(article.paragraphs);
  if (article.continuedFrom) {
    const rest = continued?.trim() || (clause ? `［${clause}］` : '');
    return { text: `（上接第${article.continuedFrom}版）${rest}`, supplied: true };
  }
  if (article.kind === 'photo') return { text: clause ? `图片：${clause}` : '图片', supplied: true };
  return { text: clause ? `［${clause}］` : '（无题）', supplied: true };
}

/** What display titles are made from: the archive's articles by id (src/lib/archive-index.ts). */
export interface ArticleLookup {
  articleById: ReadonlyMap<string, ArchiveArticle>;
}

/** The display title of the article with this id (its ref's title, or the kind's name, when it is not loaded). */
export function titleOf(archive: ArticleLookup, ref: Pick<ArticleRef, 'id' | 'title' | 'kind'>): DisplayTitle {
  const article = archive.articleById.get(ref.id);
  if (!article) return { text: ref.title || (ref.kind === 'photo' ? '图片' : '（无题）'), supplied: !ref.title };
  const from = article.continuedFromId ? archive.articleById.get(article.continuedFromId) : undefined;
  return displayTitle(article, from?.title);
}

/** Display titles of the refs, by article id (for lists of headlines, the page map, 版面导航). */
export function titlesOf(archive: ArticleLookup, refs: readonly Pick<ArticleRef, 'id' | 'title' | 'kind'>[]): Map<string, DisplayTitle> {
  return new Map(refs.map((ref) => [ref.id, titleOf(archive, ref)]));
}
