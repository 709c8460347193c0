// HTML validity of every page of both test builds, checked by the Nu Html Checker (vnu.jar from the
// vnu-jar package, run with the machine's Java; one JVM for all pages). Errors only: each is reported
// as file:line:col and the checker's message.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builds } from './support/dist.ts';

const VNU_JAR = String(createRequire(import.meta.url)('vnu-jar'));

interface VnuMessage {
  type: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
}

/** vnu's errors for the HTML files under the given folders, as `file:line:col  message`. */
function validate(dirs: string[]): string[] {
  const run = spawnSync('java', ['-jar', VNU_JAR, '--skip-non-html', '--errors-only', '--format', 'json', ...dirs], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.error) throw new Error(`cannot run java for the Nu Html Checker (install a Java 11+ runtime, e.g. Debian's default-jre-headless): ${run.error.message}`);
  // vnu writes its JSON report on stderr and exits 1 when it found errors.
  const report = JSON.parse(run.stderr.slice(run.stderr.indexOf('{'))) as { messages: VnuMessage[] };
  return report.messages.map((m) => {
    const file = m.url ? relative(process.cwd(), fileURLToPath(m.url)) : '?';
    return `${file}:${m.lastLine ?? 0}:${m.firstColumn ?? 0}  ${m.type}  ${m.message}`;
  });
}

describe('HTML validity (Nu Html Checker)', () => {
  // One checker run (a JVM start costs seconds) over both builds and a page known to be invalid.
  const invalid = mkdtempSync(join(tmpdir(), 'vnu-'));
  writeFileSync(join(invalid, 'bad.html'), '<!doctype html><html lang="zh-CN"><head><title>x</title></head><body><p><div>x</p><a href="a" href="b">y</a></body></html>');
  let errors: string[] | undefined;
  const run = (): string[] => (errors ??= validate([invalid, ...builds.map((b) => b.dir)]));

  // The one JVM run over every page happens here: minutes on a loaded machine with two cores.
  it('reports the errors of an invalid page (the check can fail)', () => {
    expect(run().some((e) => /bad\.html:1:\d+  error  Duplicate attribute/.test(e))).toBe(true);
  }, 300_000);

  it('finds no errors in any page of either build', () => {
    expect(run().filter((e) => !e.includes('bad.html'))).toEqual([]);
  });
});
