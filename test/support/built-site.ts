// The site as the browser tests see it: built once per test run from seeds/ by test/global-setup.ts.
// Tests read the folder and base path from the environment the setup provides.
export const builtSite = {
  /** Built at the root path `/`. */
  root: process.env.TEST_SITE_ROOT ?? '.tmp/site/root',
  /** Built under BASE_PATH=/archive/. */
  archive: process.env.TEST_SITE_ARCHIVE ?? '.tmp/site/archive',
};

/** The address both builds are given as SITE_URL (feeds, sitemap and canonical links need one). */
export const TEST_SITE_URL = process.env.TEST_SITE_URL ?? 'https://news.example.org';
