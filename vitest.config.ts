import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

/** Unit tests: Node, fake IndexedDB and WXT's fake browser. The end-to-end suite has its own config. */
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    setupFiles: ['tests/setup.ts'],
    environment: 'node',
    // One worker per core, not one less (Vitest's default): the slowest files, the hub's, mostly wait on real
    // processes and sockets. On two cores: 267 s with one worker, 163 s with two (PostgreSQL variants aside).
    maxWorkers: availableParallelism(),
  },
});
