// Machine-readable views of the archive: Atom and RSS 2.0 feeds per paper and the per-issue JSON
// (`/<paper>/<date>/issue.json`). Pure functions over the archive schema; the routes in
// src/pages/ only load the collections and call these. XML is written by fast-xml-parser's builder,
// which escapes every text and attribute value, so seed text (`<script>`, `&`, `]]>`) stays text.
import { XMLBuilder } from 'fast-xml-parser';
import type { ArchiveArticle, ArchiveIssue, ArticleRef } from './archive-schema.ts';
import type { PaperSummary } from './archive-nav.ts';
import { displayTitle } from './display-title.ts';
import { pageLabel } from './dates.ts';
import { absoluteUrl, articlePath, feedPath, issuePath, pagePath, paperPath, rssPath } from './urls.ts';

/** How many articles a feed carries: about a day and a half of a city daily (8 pages × 8 articles). */
export const FEED_LIMIT = 100;

/** Where the site is served: `site` from astro.config (SITE_URL) and the base path (BASE_PATH). */
export interface SiteAddress {
  /** Unset (no SITE_URL), URLs are base-relative paths; feeds and sitemaps are then not built. */
  site: URL | undefined;
  base: string;
}

/** An article chosen for a feed, before it is loaded: its id and its page's name (版名). */
export interface FeedPick {
  id: string;
  pageName: string | null;
}

/** One article of a feed, loaded, with its page's name (版名). */
export interface FeedArticle {
  article: ArchiveArticle;
  pageName: string | null;
  /** Its display title (src/lib/display-title.ts), when the loader had the archive to make it; else made from the article alone. */
  title?: string;
}

const titleText = (item: FeedArticle) => item.title ?? displayTitle(item.article).text;

/**
 * A paper's newest articles, newest issue first and in reading order within it (page, then place on
 * the page): the order a PaperSummary's issues already have (archive-nav.ts sorts them once). Reads
 * only the issues' article refs, so a feed never scans all articles.
 */
export function latestArticles(paper: PaperSummary, limit = FEED_LIMIT): FeedPick[] {
  const picks: FeedPick[] = [];
  for (const issue of paper.issues) {
    for (const page of issue.pages) {
      for (const ref of page.articles) {
        if (picks.length >= limit) return picks;
        picks.push({ id: ref.id, pageName: page.name });
      }
    }
  }
  return picks;
}

// Characters XML 1.0 forbids even when escaped (C0 controls other than tab/LF/CR, lone surrogates,
// U+FFFE/U+FFFF). Seed text can hold them; a feed reader rejects the whole feed if one gets through.
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Replaces characters XML cannot carry with U+FFFD, so the reader sees that something was there. */
function xmlSafe(text: string): string {
  return text.replace(XML_FORBIDDEN, '\uFFFD');
}

const xml = new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: true, suppressBooleanAttributes: false });
const fragment = new XMLBuilder({ ignoreAttributes: false });
const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n';

/**
 * Plain text as HTML text (`<` → `&lt;`, `&` → `&amp;`). Feed readers render titles and descriptions as
 * HTML, so text goes in escaped twice: once for HTML here, once for XML by the feed builder.
 */
function htmlText(text: string): string {
  return fragment.build({ '#text': xmlSafe(text) });
}

/** The article as an HTML fragment (escaped by the builder): kicker, subtitles, byline, paragraphs. */
function articleHtml(article: ArchiveArticle): string {
  const p = [
    ...(article.kicker ? [article.kicker] : []),
    ...article.subtitles,
    ...(article.byline ? [article.byline] : []),
    ...article.paragraphs,
  ].map(xmlSafe);
  return fragment.build({ p });
}

/** Issue date as the moment the paper came out: midnight China Standard Time (RFC 3339). */
function rfc3339(date: string): string {
  return `${date}T00:00:00+08:00`;
}

/** Issue date in RSS's RFC 822 form, midnight China Standard Time: `Mon, 07 Feb 2022 00:00:00 +0800`. */
function rfc822(date: string): string {
  return new Date(`${date}T00:00:00Z`).toUTCString().replace(/GMT$/, '+0800');
}

/** The feed's `updated`: its newest article's date, else the paper's newest issue's. */
function newestDate(items: FeedArticle[], paper: PaperSummary): string {
  return items[0]?.article.date ?? paper.issues[0]?.date ?? '1970-01-01';
}

/** Atom 1.0 feed of a paper (`/<paper>/feed.xml`). Ids are the articles' permalinks. */
export function buildAtomFeed(paper: PaperSummary, items: FeedArticle[], address: SiteAddress): string {
  const paperUrl = absoluteUrl(paperPath(paper.id), address.site, address.base);
  const feed = {
    feed: {
      '@_xmlns': 'http://www.w3.org/2005/Atom',
      '@_xml:lang': 'zh-CN',
      id: paperUrl,
      title: xmlSafe(paper.name),
      subtitle: xmlSafe(`${paper.name} 最新文章`),
      updated: rfc3339(newestDate(items, paper)),
      link: [
        { '@_rel': 'self', '@_type': 'application/atom+xml', '@_href': absoluteUrl(feedPath(paper.id), address.site, address.base) },
        { '@_rel': 'alternate', '@_type': 'text/html', '@_href': paperUrl },
      ],
      author: { name: xmlSafe(paper.name) },
      entry: items.map((item) => {
        const { article, pageName } = item;
        const url = absoluteUrl(articlePath(article.id), address.site, address.base);
        return {
          id: url,
          title: { '@_type': 'html', '#text': htmlText(titleText(item)) },
          updated: rfc3339(article.date),
          published: rfc3339(article.date),
          link: { '@_rel': 'alternate', '@_type': 'text/html', '@_href': url },
          category: { '@_term': xmlSafe(pageLabel({ number: article.page, name: pageName })) },
          content: { '@_type': 'html', '#text': articleHtml(article) },
        };
      }),
    },
  };
  return XML_DECLARATION + xml.build(feed);
}

/** RSS 2.0 feed of a paper (`/<paper>/rss.xml`), with an atom:link to itself as the RSS profile advises. */
export function buildRssFeed(paper: PaperSummary, items: FeedArticle[], address: SiteAddress): string {
  const paperUrl = absoluteUrl(paperPath(paper.id), address.site, address.base);
  const rss = {
    rss: {
      '@_version': '2.0',
      '@_xmlns:atom': 'http://www.w3.org/2005/Atom',
      channel: {
        title: xmlSafe(paper.name),
        link: paperUrl,
        description: xmlSafe(`${paper.name} 最新文章`),
        language: 'zh-CN',
        lastBuildDate: rfc822(newestDate(items, paper)),
        'atom:link': { '@_href': absoluteUrl(rssPath(paper.id), address.site, address.base), '@_rel': 'self', '@_type': 'application/rss+xml' },
        item: items.map((item) => {
          const { article, pageName } = item;
          const url = absoluteUrl(articlePath(article.id), address.site, address.base);
          return {
            title: htmlText(titleText(item)),
            link: url,
            guid: { '@_isPermaLink': 'true', '#text': url },
            pubDate: rfc822(article.date),
            category: xmlSafe(pageLabel({ number: article.page, name: pageName })),
            // RSS descriptions are HTML: the fragment's own escaping keeps seed markup as text.
            description: articleHtml(article),
          };
        }),
      },
    },
  };
  return XML_DECLARATION + xml.build(rss);
}

/** One article in `issue.json`. */
export interface IssueJsonArticle extends ArticleRef {
  url: string;
}

/** `/<paper>/<date>/issue.json`: the issue's metadata and its articles page by page, with permalinks. */
export interface IssueJson {
  id: string;
  paper: string;
  paperName: string;
  date: string;
  dateSource: ArchiveIssue['dateSource'];
  number: string | null;
  totalPages: number | null;
  lunarDate: string | null;
  weekday: string | null;
  url: string;
  pages: { number: number; name: string | null; label: string; url: string; articles: IssueJsonArticle[] }[];
}

export function buildIssueJson(issue: ArchiveIssue, address: SiteAddress): IssueJson {
  return {
    id: issue.id,
    paper: issue.paper,
    paperName: issue.paperName,
    date: issue.date,
    dateSource: issue.dateSource,
    number: issue.number,
    totalPages: issue.totalPages,
    lunarDate: issue.lunarDate,
    weekday: issue.weekday,
    url: absoluteUrl(issuePath(issue.paper, issue.date), address.site, address.base),
    pages: issue.pages.map((page) => ({
      number: page.number,
      name: page.name,
      label: pageLabel(page),
      url: absoluteUrl(pagePath(issue.paper, issue.date, page.number), address.site, address.base),
      articles: page.articles.map((ref) => ({ ...ref, url: absoluteUrl(articlePath(ref.id), address.site, address.base) })),
    })),
  };
}
