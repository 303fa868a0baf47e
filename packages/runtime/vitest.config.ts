import { defineConfig } from 'vitest/config';

/** tfjs's advice to install tfjs-node, printed once per test file that creates a tensor. */
const TFJS_NODE_BANNER = /looks like you are running TensorFlow\.js in Node\.js/;

/**
 * Unit tests in Node, one worker per core: Vitest's default leaves one core idle, and this is
 * the longest suite (training steps, PyTorch parity runs), so it takes both cores of a 2-core
 * machine once the suites turbo runs beside it are done. The log keeps what the tests print,
 * less tfjs's tfjs-node banner: on cpu and wasm in Node by design, it says nothing about the
 * code under test.
 */
export default defineConfig({
  test: {
    maxWorkers: '100%',
    onConsoleLog: (log) => (TFJS_NODE_BANNER.test(log) ? false : undefined),
  },
});
