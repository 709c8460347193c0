// Page weight: every article page of the sample build, HTML plus the stylesheets it links, stays
// under 25 KB (issue 5). The one shared stylesheet must stay one file.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtSite } from './support/built-site.ts';

const LIMIT = 25 * 1024;

describe('article page weight', () => {
  it('is under 25 KB of HTML and CSS for every article', async () => {
    const root = builtSite.root;
    const files = (await readdir(root, { recursive: true })).filter((f) => /\/\d{2}\/\d+\/index\.html$/u.test(f));
    expect(files.length).toBeGreaterThan(0);
    const sheets = new Set<string>();
    for (const file of files) {
      const html = await readFile(join(root, file));
      const links = [...html.toString('utf8').matchAll(/<link rel="stylesheet" href="\/([^"]+)"/gu)].map((m) => m[1]);
      links.forEach((l) => sheets.add(l));
      let css = 0;
      for (const href of links) css += (await readFile(join(root, href))).length;
      expect(html.length + css, file).toBeLessThan(LIMIT);
    }
    expect(sheets.size).toBe(1);
  });
});
