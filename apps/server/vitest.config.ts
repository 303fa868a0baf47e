import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The training tests start torchrun; one file at a time keeps them from competing for cores.
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});
