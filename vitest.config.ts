/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';
// Astro's Vite config, so tests can import .astro components (rendered with the container API).
export default getViteConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
