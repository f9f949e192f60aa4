import { defineConfig } from 'vitest/config';

/** End-to-end: the built extension in Debian's Chromium. One browser at a time on a two-core machine. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
