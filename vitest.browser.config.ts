// Real-browser suites: Debian's Chromium driven by playwright-core, pages served from 127.0.0.1.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two cores: one browser at a time keeps timings and tab counts predictable.
    fileParallelism: false,
  },
});
