/**
 * Builds and serves app builds for the designer benchmarks: `vite preview` over any output folder,
 * so that two builds (before and after a change) can be measured side by side in one run.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview, type PreviewServer } from 'vite';

/** The studio app's root folder. */
export const APP_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A served build. */
export interface Served {
  readonly server: PreviewServer;
  readonly url: string;
}

/**
 * Serves the built app in `outDir` (relative to the app root, or absolute) on a free port.
 * Throws when the folder holds no build.
 */
export async function serveBuild(outDir = 'dist'): Promise<Served> {
  const dir = resolve(APP_ROOT, outDir);
  if (!existsSync(resolve(dir, 'index.html'))) {
    throw new Error(`${dir} holds no app build (no index.html); build it first`);
  }
  const server = await preview({
    root: APP_ROOT,
    build: { outDir: dir },
    preview: { port: 0, strictPort: false, host: '127.0.0.1', open: false },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  return { server, url };
}

/** The chunk a module goes to in a profiling build: one per library of interest, then the app. */
function chunkOf(id: string): string | undefined {
  // CommonJS modules that require one another, and zustand (which requires them), share a chunk.
  if (/node_modules\/(react|react-dom|scheduler|use-sync-external-store|zustand)\//.test(id)) {
    return 'p-react';
  }
  if (id.includes('/@xyflow/') || id.includes('/d3-')) return 'p-xyflow';
  if (id.includes('/zod/')) return 'p-zod';
  if (id.includes('/packages/compiler/')) return 'p-compiler';
  if (id.includes('/packages/runtime/') || id.includes('/@tensorflow/')) return 'p-runtime';
  if (id.includes('/apps/studio/src/training/')) return 'p-training';
  if (id.includes('/apps/studio/src/')) return 'p-studio';
  return undefined;
}

/**
 * Builds an unminified app into `outDir` with one chunk per library (react with zustand, xyflow,
 * compiler, studio, training), so that a CPU profile's URLs say where the time went.
 */
export async function buildForProfile(outDir: string): Promise<void> {
  await build({
    root: APP_ROOT,
    logLevel: 'warn',
    build: {
      outDir: resolve(APP_ROOT, outDir),
      emptyOutDir: true,
      minify: false,
      rolldownOptions: {
        output: {
          codeSplitting: {
            includeDependenciesRecursively: false,
            groups: [{ debugName: 'profile', name: (id: string) => chunkOf(id) ?? null }],
          },
        },
      },
    },
  });
}
