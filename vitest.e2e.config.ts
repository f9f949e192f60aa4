import { defineConfig } from 'vitest/config';

/** End-to-end: the built extension in Debian's Chromium or Firefox ESR (VIGIE_BROWSER). One browser at a time on a two-core machine. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // A poll waits for a real browser and a real hub: up to 5 s (it ends as soon as it holds). Vitest's default
    // second was short for Firefox under CI's load (a hub round trip after a confirm dialog).
    expect: { poll: { timeout: 5000 } },
  },
});
