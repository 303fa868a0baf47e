import { defineConfig } from 'vitest/config';

/** tfjs's advice to install tfjs-node, printed once per test file that creates a tensor. */
const TFJS_NODE_BANNER = /looks like you are running TensorFlow\.js in Node\.js/;

/**
 * Unit tests in Node. The log keeps what the tests print, less tfjs's tfjs-node banner: on cpu
 * and wasm in Node by design, it says nothing about the code under test.
 */
export default defineConfig({
  test: {
    onConsoleLog: (log) => (TFJS_NODE_BANNER.test(log) ? false : undefined),
  },
});
