import { defineConfig } from 'vitest/config';

/** Unit tests: stores and pure modules, in Node (no DOM). */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
