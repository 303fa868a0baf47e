#!/usr/bin/env node
// Runs the TypeScript entry point through tsx, so the CLI needs no build step.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const tsx = join(dirname(require.resolve('tsx/package.json')), 'dist', 'cli.mjs');
// Run from the root's `pnpm unet-studio` script, paths are relative to where pnpm was invoked.
const fromRootScript = process.env.npm_lifecycle_event === 'unet-studio' && process.env.INIT_CWD;
const result = spawnSync(
  process.execPath,
  [tsx, join(here, '..', 'src', 'main.ts'), ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    cwd: fromRootScript ? process.env.INIT_CWD : process.cwd(),
  },
);
process.exit(result.status ?? 2);
