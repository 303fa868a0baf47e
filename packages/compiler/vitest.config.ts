import { defineConfig } from 'vitest/config';

/**
 * Unit tests in Node, one worker per core: Vitest's default leaves one core idle, and the slow
 * files wait on PyTorch subprocesses (parity and training checks) that another file can use.
 */
export default defineConfig({
  test: {
    maxWorkers: '100%',
  },
});
