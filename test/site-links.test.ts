// Link check over ALL of both test builds: every internal href/src/action resolves to a file the
// static server would send (and every #fragment to an id on its page), nothing points at another
// host, and absolute URLs on the configured site appear only where they belong (canonical, Open
// Graph, feed links, feeds, sitemap, issue.json), each naming a file of the build.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { builds, readBuiltSite, SITE_URL, type BuiltSite } from './support/dist.ts';

/** Attributes that make the browser fetch or navigate to a URL, by element. */
const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'], area: ['href'], link: ['href'], script: ['src'], img: ['src', 'srcset'], source: ['src', 'srcset'],
  iframe: ['src'], embed: ['src'], object: ['data'], video: ['src', 'poster'], audio: ['src'], track: ['src'],
  form: ['action'], button: ['formaction'], input: ['formaction', 'src'], use: ['href', 'xlink:href'], image: ['href', 'xlink:href'],
};
/** Where an absolute URL on the configured site is expected: canonical, alternate (feeds), Open Graph. */
const ABSOLUTE_ALLOWED = (tag: string, attrs: Record<string, string>): boolean =>
  (tag === 'link' && /\b(canonical|alternate)\b/.test(attrs.rel ?? '')) || (tag === 'meta' && /^og:/.test(attrs.property ?? ''));

interface Link {
  tag: string;
  attr: string;
  value: string;
  absoluteAllowed: boolean;
}

function readHtml(html: string): { links: Link[]; ids: Set<string>; styles: string[] } {
  const links: Link[] = [];
  const ids = new Set<string>();
  const styles: string[] = [];
  let inStyle = false;
  const parser = new Parser({
    onopentag(tag, attrs) {
      if (attrs.id) ids.add(attrs.id);
      if (attrs.style) styles.push(attrs.style);
      inStyle = tag === 'style';
      const allowed = ABSOLUTE_ALLOWED(tag, attrs);
      for (const attr of URL_ATTRIBUTES[tag] ?? []) {
        const value = attrs[attr];
        if (value === undefined) continue;
        const values = attr === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0]!).filter(Boolean) : [value];
        for (const v of values) links.push({ tag, attr, value: v, absoluteAllowed: allowed });
      }
      // Any other attribute holding an absolute URL (meta content, data-* for scripts): it must be on
      // the site and name a file; XML namespace names are identifiers, never fetched.
      for (const [attr, value] of Object.entries(attrs)) {
        if ((URL_ATTRIBUTES[tag] ?? []).includes(attr) || attr.startsWith('xmlns') || !/^https?:\/\//i.test(value)) continue;
        links.push({ tag, attr, value, absoluteAllowed: true });
      }
    },
    ontext(text) {
      if (inStyle) styles.push(text);
    },
    onclosetag() {
      inStyle = false;
    },
  }, { decodeEntities: true, lowerCaseAttributeNames: true });
  parser.end(html);
  return { links, ids, styles };
}

/** `url(...)` and `@import "..."` targets of a style sheet. */
function cssUrls(css: string): string[] {
  const urls = [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3/g)].map((m) => (m[2] ?? m[4])!.trim());
  return urls.filter((u) => !u.startsWith('data:') && !u.startsWith('#'));
}

/** The URL path a built file is served at. */
function pageUrl(base: string, file: string): string {
  return `${base}${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** Problems with one link found in `file`, or null. */
function checkLink(site: BuiltSite, base: string, file: string, value: string, absoluteAllowed: boolean, ids: Set<string> | null): string | null {
  if (/^(mailto|tel|data):/i.test(value)) return null;
  if (/^javascript:/i.test(value)) return 'javascript: URL';
  const here = new URL(pageUrl(base, file), 'http://this.site');
  let url: URL;
  try {
    url = new URL(value, here);
  } catch {
    return 'unparseable URL';
  }
  if (/^(https?:)?\/\//i.test(value)) {
    if (url.origin !== SITE_URL.origin) return 'link to another host';
    if (!absoluteAllowed) return 'absolute URL where a relative one must be (breaks on another host)';
  } else if (url.origin !== 'http://this.site') {
    return `unsupported scheme ${url.protocol}`;
  }
  if (value.startsWith('#') && ids) return ids.has(decodeURIComponent(value.slice(1))) || value === '#' ? null : 'no element with that id';
  return site.resolves(url.pathname) ? null : 'broken: no such file';
}

describe.each(builds)('links in the built site ($name)', ({ dir, base }) => {
  const site = readBuiltSite(dir, base);

  it('has HTML pages to check', () => {
    expect(site.files.filter((f) => f.endsWith('.html')).length).toBeGreaterThan(10);
  });

  it('every href/src/action in every HTML page resolves, none leaves the site', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const file of site.files.filter((f) => f.endsWith('.html'))) {
      const { links, ids, styles } = readHtml(readFileSync(join(dir, file), 'utf8'));
      for (const link of links) {
        checked++;
        const problem = checkLink(site, base, file, link.value, link.absoluteAllowed, ids);
        if (problem) problems.push(`${file}: <${link.tag} ${link.attr}="${link.value}">: ${problem}`);
      }
      for (const u of styles.flatMap(cssUrls)) {
        const problem = checkLink(site, base, file, u, false, null);
        if (problem) problems.push(`${file}: style url(${u}): ${problem}`);
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('every url() in the style sheets resolves', () => {
    const problems: string[] = [];
    for (const file of site.files.filter((f) => f.endsWith('.css'))) {
      for (const u of cssUrls(readFileSync(join(dir, file), 'utf8'))) {
        const problem = checkLink(site, base, file, u, false, null);
        if (problem) problems.push(`${file}: url(${u}): ${problem}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every http(s) URL in feeds, sitemaps and JSON is on the configured site and names a file of the build', () => {
    const problems: string[] = [];
    const dataFiles = site.files.filter((f) => /\.(xml|json)$/.test(f) && !f.startsWith('pagefind/'));
    expect(dataFiles).toContain('sitemap.xml');
    for (const file of dataFiles) {
      // XML namespace names are identifiers, never fetched.
      const text = readFileSync(join(dir, file), 'utf8').replace(/\bxmlns(:\w+)?="[^"]*"/g, '');
      for (const [url] of text.matchAll(/https?:\/\/[^\s"'<>]+/g)) {
        if (new URL(url).origin !== SITE_URL.origin) problems.push(`${file}: ${url}: link to another host`);
        else if (!site.resolvesSiteUrl(url)) problems.push(`${file}: ${url}: broken: no such file`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('the link checker itself', () => {
  const fake: BuiltSite = {
    files: ['index.html', 'a/index.html', 'x.css'],
    fileFor: (p) => ({ '/archive/': 'index.html', '/archive/a/': 'a/index.html', '/archive/x.css': 'x.css' })[p] ?? null,
    resolves: (p) => ['/archive/', '/archive/a/', '/archive/x.css'].includes(p),
    resolvesSiteUrl: () => false,
  };
  const check = (value: string, file = 'a/index.html', allowed = false) => checkLink(fake, '/archive/', file, value, allowed, new Set(['main']));

  it('resolves relative, root-relative and fragment links against the page', () => {
    expect([check('../x.css'), check('/archive/a/'), check('../'), check('#main'), check('/archive/a/?q=1#top')]).toEqual([null, null, null, null, null]);
  });

  it('reports broken links, links outside the base, other hosts, javascript: and missing ids', () => {
    expect(check('/archive/b/')).toBe('broken: no such file');
    expect(check('/a/')).toBe('broken: no such file');
    expect(check('https://cdn.example/x.js')).toBe('link to another host');
    expect(check('//cdn.example/x.js')).toBe('link to another host');
    expect(check('javascript:alert(1)')).toBe('javascript: URL');
    expect(check('#nowhere')).toBe('no element with that id');
    expect(check(`${SITE_URL.origin}/archive/a/`)).toBe('absolute URL where a relative one must be (breaks on another host)');
  });

  it('finds URLs in attributes, srcset, inline styles and CSS', () => {
    const { links, styles } = readHtml('<img srcset="a.png 1x, b.png 2x"><a href="x">x</a><div style="background:url(\'c.png\')"></div><style>p{background:url(d.png)}</style>');
    expect(links.map((l) => l.value)).toEqual(['a.png', 'b.png', 'x']);
    const { links: absolute } = readHtml('<meta property="og:url" content="https://s/a/"><svg xmlns="http://www.w3.org/2000/svg"></svg><a data-share="https://s/b/" href="c">c</a>');
    expect(absolute.map((l) => [l.attr, l.value, l.absoluteAllowed])).toEqual([['content', 'https://s/a/', true], ['href', 'c', false], ['data-share', 'https://s/b/', true]]);
    expect(styles.flatMap(cssUrls)).toEqual(['c.png', 'd.png']);
    expect(cssUrls('@import "e.css"; a{b:url(data:image/png;base64,xx)}')).toEqual(['e.css']);
  });
});
