// bench/profile.ts: self time of a CPU profile by function and package; bench/fit.ts: the growth exponent.
import { describe, expect, it } from 'vitest';
import { powerLawExponent } from '../bench/fit.ts';
import { summariseProfile, type CpuProfile } from '../bench/profile.ts';

const frame = (id: number, functionName: string, url: string, lineNumber = 0) => ({ id, callFrame: { functionName, url, lineNumber } });

describe('summariseProfile', () => {
  it('adds each sample’s time to its function and its package or project file', () => {
    const profile: CpuProfile = {
      nodes: [
        frame(1, '(root)', ''),
        frame(2, 'parse', 'file:///p/node_modules/yaml/dist/parse.js', 9),
        frame(3, 'render', 'file:///p/node_modules/@astrojs/mdx/dist/index.js', 4),
        frame(4, 'extractArticles', 'file:///p/scripts/pipeline/extract-articles.ts', 13),
      ],
      samples: [2, 2, 3, 4, 2, 1],
      timeDeltas: [1000, 3000, 2000, 4000, 1000, 1000],
    };
    const { functions, packages, totalMs } = summariseProfile(profile);
    expect(totalMs).toBe(12);
    expect(packages.map((p) => [p.name, p.ms])).toEqual([
      ['yaml', 5],
      ['scripts/pipeline/extract-articles.ts', 4],
      ['@astrojs/mdx', 2],
      ['(native)', 1],
    ]);
    expect(functions[0]).toEqual({ name: 'parse yaml:10', ms: 5, share: 5 / 12 });
  });
});

describe('powerLawExponent', () => {
  it('finds k in y = c·x^k', () => {
    const points = (k: number) => [1000, 2000, 5000, 10000].map((x) => ({ x, y: 0.003 * x ** k }));
    expect(powerLawExponent(points(1))).toBeCloseTo(1, 10);
    expect(powerLawExponent(points(2))).toBeCloseTo(2, 10);
    expect(powerLawExponent(points(0.5))).toBeCloseTo(0.5, 10);
  });

  it('refuses a single point', () => {
    expect(() => powerLawExponent([{ x: 1, y: 1 }])).toThrow();
  });
});
