/**
 * App builds for the designer benchmarks: the current source or the source of an earlier commit
 * (for a before/after comparison in one run), optionally without the training panel (to tell its
 * cost apart), optionally unminified with one chunk per library (for CPU profiles).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, type Plugin } from 'vite';
import { APP_ROOT } from './serve';

/** What to build. */
export interface BuildSpec {
  /** Output folder, relative to the app root or absolute. */
  readonly outDir: string;
  /** A git revision whose `apps/studio` source to build instead of the working tree's. */
  readonly rev?: string;
  /** Replace the training panel with nothing. */
  readonly withoutTraining?: boolean;
  /** Unminified, one chunk per library, so that CPU profiles say where the time went. */
  readonly profile?: boolean;
}

const APP_IN_REPO = 'apps/studio';
const REPO_ROOT = resolve(APP_ROOT, '../..');

/**
 * Extracts the app's source at `rev` (index.html, public/, src/) into a folder under the app
 * root, so that its imports resolve to the same node_modules; returns that folder. Reads git, never
 * changes the repository.
 */
export function extractSource(rev: string): string {
  if (!/^[\w./~^-]+$/.test(rev)) throw new Error(`"${rev}" is not a git revision`);
  const commit = execFileSync('git', ['rev-parse', '--verify', `${rev}^{commit}`], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  }).trim();
  const dir = resolve(APP_ROOT, '.bench-out/source', commit.slice(0, 12));
  if (existsSync(resolve(dir, 'index.html'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const paths = ['index.html', 'public', 'src'].map((p) => `${APP_IN_REPO}/${p}`);
  const tar = execFileSync('git', ['archive', '--format=tar', commit, ...paths], {
    cwd: REPO_ROOT,
    maxBuffer: 256 * 1024 * 1024,
  });
  execFileSync('tar', ['-x', '--strip-components=2', '-C', dir], { input: tar });
  return dir;
}

/** Serves an empty training panel in place of `src/training/TrainingPanel.tsx`. */
function withoutTrainingPanel(): Plugin {
  const stub = '\0bench-training-panel-stub';
  return {
    name: 'bench-without-training-panel',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!/[\\/]TrainingPanel(\.tsx)?$/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && /[\\/]src[\\/]training[\\/]TrainingPanel\.tsx$/.test(resolved.id)
        ? stub
        : null;
    },
    load(id) {
      return id === stub ? 'export function TrainingPanel() { return null; }' : null;
    },
  };
}

/** The chunk a module goes to in a profiling build: one per library of interest, then the app. */
function chunkOf(id: string): string | null {
  // CommonJS modules that require one another, and zustand (which requires them), share a chunk.
  if (/node_modules\/(react|react-dom|scheduler|use-sync-external-store|zustand)\//.test(id)) {
    return 'p-react';
  }
  if (id.includes('/@xyflow/') || id.includes('/d3-')) return 'p-xyflow';
  if (id.includes('/zod/')) return 'p-zod';
  if (id.includes('/packages/compiler/')) return 'p-compiler';
  if (id.includes('/packages/runtime/') || id.includes('/@tensorflow/')) return 'p-runtime';
  if (id.includes('/src/training/')) return 'p-training';
  if (id.includes('/src/')) return 'p-studio';
  return null;
}

/** Builds the app as `spec` says. */
export async function buildApp(spec: BuildSpec): Promise<void> {
  const root = spec.rev ? extractSource(spec.rev) : APP_ROOT;
  await build({
    root,
    configFile: resolve(APP_ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    plugins: spec.withoutTraining ? [withoutTrainingPanel()] : [],
    build: {
      outDir: resolve(APP_ROOT, spec.outDir),
      emptyOutDir: true,
      ...(spec.profile
        ? {
            minify: false,
            rolldownOptions: {
              output: {
                codeSplitting: {
                  includeDependenciesRecursively: false,
                  groups: [{ debugName: 'profile', name: chunkOf }],
                },
              },
            },
          }
        : {}),
    },
  });
}
