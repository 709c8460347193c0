// The reading site in a real browser: walk from the home page to a paper, a date in its calendar,
// an issue, a page and an article; follow 下一篇 and 下一版; check that the shared link is the
// permalink; nothing is fetched from another host. Run on the site built at `/` and under `/archive/`.
// Expected values come from the content the build wrote (content/archive), never from the pages.
import { mkdir, readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.ts';
import { builtSite } from './support/built-site.ts';
import { serveStatic, type StaticSite } from './support/static-server.ts';
import type { ArchiveIssue, ArchivePaper } from '../src/lib/archive-schema.ts';

const archive = 'content/archive';
const readJson = async <T>(path: string): Promise<T> => JSON.parse(await readFile(path, 'utf8')) as T;
const pad2 = (n: number) => String(n).padStart(2, '0');

let browser: Browser;
let papers: ArchivePaper[];
beforeAll(async () => {
  browser = await launchBrowser();
  papers = await readJson<ArchivePaper[]>(`${archive}/papers.json`);
});
afterAll(() => browser?.close());

/** A page that records every URL it requests, to check nothing leaves the site's host. */
async function openPage(site: StaticSite, viewport = { width: 1280, height: 900 }): Promise<{ page: Page; urls: string[] }> {
  const context = await browser.newContext({ viewport });
  const urls: string[] = [];
  const page = await context.newPage();
  page.on('request', (r) => urls.push(r.url()));
  return { page, urls };
}

for (const [name, root, base] of [['root', builtSite.root, '/'], ['archive', builtSite.archive, '/archive/']] as const) {
  describe(`browsing the site built at ${base}`, () => {
    let site: StaticSite;
    beforeAll(async () => {
      site = await serveStatic(root, base);
    });
    afterAll(() => site?.close());

    it('walks home → paper → calendar day → issue → page → article → 下一篇', async () => {
      // The paper with the most articles on its latest issue's first page, so 下一篇 has somewhere to go.
      const issues = await Promise.all(
        papers.map((p) => readJson<ArchiveIssue>(`${archive}/issues/${p.id}/${p.issueDates[0]}.json`)),
      );
      const issue = issues.reduce((a, b) => (b.pages[0].articles.length > a.pages[0].articles.length ? b : a));
      const paper = papers.find((p) => p.id === issue.paper)!;
      const first = issue.pages[0];
      const { page, urls } = await openPage(site);

      await page.goto(site.url);
      expect(await page.locator('h1').count()).toBe(1);
      await page.getByRole('link', { name: paper.name, exact: true }).first().click();
      await page.waitForLoadState(); // a click waits for the navigation to start, not for the page to load
      expect(page.url()).toBe(`${site.url}${paper.id}/`);
      await expect.poll(() => page.locator('h1').textContent()).toBe(paper.name);

      const [y, m, d] = issue.date.split('-').map(Number);
      await page.locator('.calendar').getByRole('link', { name: `${y}年${m}月${d}日`, exact: true }).click();
      await page.waitForLoadState();
      expect(page.url()).toBe(`${site.url}${issue.id}/`);
      expect(await page.locator('.masthead h1').textContent()).toBe(issue.paperName);
      const pageNav = page.getByRole('navigation', { name: '版面导航' });
      expect(await pageNav.locator(':scope > ol > li').count()).toBe(issue.pages.length);

      const label = first.name ? `第${pad2(first.number)}版：${first.name}` : `第${pad2(first.number)}版`;
      await pageNav.getByRole('link', { name: label, exact: true }).click();
      await page.waitForLoadState();
      expect(page.url()).toBe(`${site.url}${issue.id}/${pad2(first.number)}/`);
      // The page map has one block per article, in reading order.
      const blocks = page.getByRole('list', { name: '版面图' }).locator('a');
      expect(await blocks.count()).toBe(first.articles.length);
      expect(await blocks.first().getAttribute('href')).toBe(`${base}${first.articles[0].id}/`);

      await blocks.first().click();
      await page.waitForLoadState();
      expect(page.url()).toBe(`${site.url}${first.articles[0].id}/`);
      expect(await page.locator('h1').count()).toBe(1);
      if (first.articles[0].title) expect(await page.locator('article h1').textContent()).toBe(first.articles[0].title);
      expect(await page.locator('article[data-pagefind-body]').count()).toBe(1);

      await page.getByRole('navigation', { name: '上一篇和下一篇' }).getByRole('link', { name: /^下一篇/ }).click();
      await page.waitForLoadState();
      expect(page.url()).toBe(`${site.url}${first.articles[1].id}/`);
      await page.getByRole('navigation', { name: '上一篇和下一篇' }).getByRole('link', { name: /^上一篇/ }).click();
      await page.waitForLoadState();
      expect(page.url()).toBe(`${site.url}${first.articles[0].id}/`);

      expect(urls.every((u) => new URL(u).host === new URL(site.url).host)).toBe(true);
      await page.context().close();
    });

    it('follows 下一版 and 上一版 through every page of an issue', async () => {
      const paper = papers[0];
      const issue = await readJson<ArchiveIssue>(`${archive}/issues/${paper.id}/${paper.issueDates[0]}.json`);
      const numbers = issue.pages.map((p) => p.number).sort((a, b) => a - b);
      const { page } = await openPage(site);
      await page.goto(`${site.url}${issue.id}/${pad2(numbers[0])}/`);
      const pager = page.getByRole('navigation', { name: '上一版和下一版' });
      expect(await pager.getByText('上一版：无').count()).toBe(1);
      for (const n of numbers.slice(1)) {
        await pager.getByRole('link', { name: /^下一版/ }).click();
        await page.waitForLoadState();
        expect(page.url()).toBe(`${site.url}${issue.id}/${pad2(n)}/`);
      }
      expect(await pager.getByText('下一版：无').count()).toBe(1);
      await page.context().close();
    });

    it('copies and shares the permalink of an article', async () => {
      const paper = papers[0];
      const issue = await readJson<ArchiveIssue>(`${archive}/issues/${paper.id}/${paper.issueDates[0]}.json`);
      const article = issue.pages[0].articles[0];
      const permalink = `${site.url}${article.id}/`;
      const { page } = await openPage(site);
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin });
      // Headless Chromium has no share sheet: record what the page hands to navigator.share.
      await page.addInitScript(() => {
        Object.defineProperty(navigator, 'share', {
          value: (data: ShareData) => {
            (window as unknown as { shared: ShareData }).shared = data;
            return Promise.resolve();
          },
        });
      });
      // Reached with a query string and a fragment: the shared link is still the bare permalink.
      await page.goto(`${permalink}?from=test#top`);
      await page.getByRole('button', { name: '复制链接' }).click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(permalink);
      await page.getByRole('button', { name: '分享' }).click();
      expect(await page.evaluate(() => (window as unknown as { shared: ShareData }).shared.url)).toBe(permalink);
      expect(await page.locator('link[rel=canonical]').getAttribute('href')).toMatch(new RegExp(`${base}${article.id}/$`));
      await page.context().close();
    });

    it('enlarges the article text with 放大 and keeps the size on the next article', async () => {
      const paper = papers[0];
      const issue = await readJson<ArchiveIssue>(`${archive}/issues/${paper.id}/${paper.issueDates[0]}.json`);
      const { page } = await openPage(site);
      await page.goto(`${site.url}${issue.pages[0].articles[0].id}/`);
      const size = () => page.locator('article h1').evaluate((h) => parseFloat(getComputedStyle(h).fontSize));
      const before = await size();
      await page.getByRole('button', { name: '放大' }).click();
      await expect.poll(size).toBeGreaterThan(before);
      const enlarged = await size();
      await page.goto(`${site.url}${issue.pages[0].articles[0].id}/`);
      expect(await size()).toBe(enlarged);
      await page.getByRole('button', { name: '缩小' }).click();
      await expect.poll(size).toBe(before);
      await page.context().close();
    });

    it('reads without JavaScript: text shown, script-only buttons hidden, the home date form opens the calendar', async () => {
      const paper = papers[0];
      const issue = await readJson<ArchiveIssue>(`${archive}/issues/${paper.id}/${paper.issueDates[0]}.json`);
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${site.url}${issue.pages[0].articles[0].id}/`);
      expect(await page.locator('article .body p').count()).toBeGreaterThan(0);
      expect(await page.getByRole('button', { name: '复制链接' }).isVisible()).toBe(false);
      expect(await page.getByRole('link', { name: '本文链接' }).getAttribute('href')).toBe(`${base}${issue.pages[0].articles[0].id}/`);
      await page.goto(site.url);
      const form = page.locator(`form[action="${base}${paper.id}/"]`);
      await form.getByRole('button', { name: '前往' }).click();
      await page.waitForURL(`${site.url}${paper.id}/?date=${paper.issueDates[0]}`);
      // The paper archive shows its latest year's calendar: every issue of that year is a link.
      expect(await page.locator('.calendar a').count()).toBe(paper.issueDates.filter((d) => d.startsWith(paper.issueDates[0].slice(0, 4))).length);
      await context.close();
    });

    it('starts keyboard users at a skip link that lands on the main content', async () => {
      const { page } = await openPage(site);
      await page.goto(site.url);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到正文');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      await page.context().close();
    });

    it('jumps to a date from the paper archive, and to the nearest issue when there is none', async () => {
      const paper = papers[0];
      const date = paper.issueDates[0];
      const { page } = await openPage(site);
      await page.goto(`${site.url}${paper.id}/?date=${date}`);
      await page.waitForURL(`${site.url}${paper.id}/${date}/`);
      await page.goto(`${site.url}${paper.id}/`);
      await page.getByLabel('按日期查看').fill('1900-01-01');
      await page.getByRole('button', { name: '前往' }).click();
      const oldest = paper.issueDates.at(-1)!;
      await expect.poll(() => page.locator('form output a').getAttribute('href')).toBe(`${base}${paper.id}/${oldest}/`);
      await page.context().close();
    });

    if (name === 'root') {
      it('screenshots the article page on a phone and a desktop, light and dark', async () => {
        await mkdir('.tmp/screenshots', { recursive: true });
        const paper = papers[0];
        const issue = await readJson<ArchiveIssue>(`${archive}/issues/${paper.id}/${paper.issueDates[0]}.json`);
        const article = issue.pages[0].articles.reduce((a, b) => (b.chars > a.chars ? b : a));
        const shots = [
          ['phone', { width: 390, height: 844 }, 'light'],
          ['desktop', { width: 1280, height: 900 }, 'light'],
          ['phone-dark', { width: 390, height: 844 }, 'dark'],
        ] as const;
        for (const [label, viewport, colorScheme] of shots) {
          const context = await browser.newContext({ viewport, colorScheme });
          const page = await context.newPage();
          await page.goto(`${site.url}${article.id}/`);
          // Nothing overflows the viewport sideways.
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
          await page.screenshot({ path: `.tmp/screenshots/article-${label}.png`, fullPage: true });
          await context.close();
        }
      });
    }
  });
}
