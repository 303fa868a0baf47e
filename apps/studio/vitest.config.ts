import { defineConfig } from 'vitest/config';

/** tfjs's advice to install tfjs-node, printed once per test file that creates a tensor. */
const TFJS_NODE_BANNER = /looks like you are running TensorFlow\.js in Node\.js/;

/** Unit tests: stores and pure modules, in Node (no DOM). */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // The log keeps what the tests print, less tfjs's banner (cpu in Node is used by design).
    onConsoleLog: (log) => (TFJS_NODE_BANNER.test(log) ? false : undefined),
  },
});
