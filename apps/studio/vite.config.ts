import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { threadedGluePlugin } from './src/training/worker/threadedGlue.js';

/**
 * Cross-origin isolation (COOP + COEP) on both servers: SharedArrayBuffer and wasm threads need it.
 * A host serving the built site must send the same two headers, or wasm runs single-threaded.
 */
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * tfjs's threaded wasm glue, patched so its helper threads survive bundling and minification
 * (see threadedGlue.ts): in the app, in the worker bundles (which do not get `plugins`) and in the
 * dev server's pre-bundled dependencies.
 */
export default defineConfig({
  plugins: [react(), threadedGluePlugin()],
  worker: { plugins: () => [threadedGluePlugin()] },
  optimizeDeps: { rolldownOptions: { plugins: [threadedGluePlugin()] } },
  server: { headers: isolation },
  preview: { headers: isolation },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
});
