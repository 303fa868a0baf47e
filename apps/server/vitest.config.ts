import { defineConfig } from 'vitest/config';

/** tfjs's advice to install tfjs-node, printed once per test file that creates a tensor. */
const TFJS_NODE_BANNER = /looks like you are running TensorFlow\.js in Node\.js/;

export default defineConfig({
  test: {
    // The training tests start torchrun; one file at a time keeps them from competing for cores.
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 120_000,
    // The log keeps what the tests print, less tfjs's banner (cpu in Node is used by design).
    onConsoleLog: (log) => (TFJS_NODE_BANNER.test(log) ? false : undefined),
  },
});
