/**
 * Serves the built app once for every spec and hands its URL to them (`inject('baseUrl')`).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startPreview } from './harness';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Starts `vite preview` and returns its teardown. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(fileURLToPath(new URL('../dist/index.html', import.meta.url)))) {
    throw new Error('apps/studio/dist is missing: run `vite build` first (pnpm test:e2e does).');
  }
  const { server, url } = await startPreview();
  project.provide('baseUrl', url);
  return async () => {
    await server.close();
  };
}
