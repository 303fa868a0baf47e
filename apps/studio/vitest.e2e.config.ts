import { defineConfig } from 'vitest/config';

/** End-to-end specs: Chromium against the built app (run `vite build` first). */
export default defineConfig({
  test: {
    include: ['e2e/**/*.spec.ts'],
    environment: 'node',
    globalSetup: ['e2e/globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
    reporters: ['default', './e2e/summaryReporter.ts'],
  },
});
