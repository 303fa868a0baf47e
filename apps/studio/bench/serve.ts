/**
 * Serves app builds for the designer benchmarks: `vite preview` over any output folder, so that
 * several builds (before and after a change) can be measured side by side in one run.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { preview, type PreviewServer } from 'vite';
import { APP_ROOT } from '../e2e/harness';

export { APP_ROOT };

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
