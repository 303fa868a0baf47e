#!/usr/bin/env node
// Runs the TypeScript entry point with tsx's loader, so the CLI needs no build step.
//
// Signals: Ctrl-C in a terminal reaches the whole process group (pnpm, this process and the
// command), while `kill PID` or a supervisor reaches only this process. This process therefore
// survives SIGINT/SIGTERM, passes each one on to the command (which treats a repeat as the same
// request: `train` stops after its batch and saves), and exits with the command's own code.
// The loader runs in the command's process (node --import), not through tsx's own CLI, whose
// signal relay kills a command busy in a long computation before it can save.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const loader = pathToFileURL(
  join(dirname(require.resolve('tsx/package.json')), 'dist', 'loader.mjs'),
);
// Run from the root's `pnpm unet-studio` script, paths are relative to where pnpm was invoked.
const fromRootScript = process.env.npm_lifecycle_event === 'unet-studio' && process.env.INIT_CWD;
const child = spawn(
  process.execPath,
  ['--import', loader.href, join(here, '..', 'src', 'main.ts'), ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    cwd: fromRootScript ? process.env.INIT_CWD : process.cwd(),
  },
);
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/** @param {NodeJS.Signals} signal */
const forward = (signal) => {
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
};
for (const signal of SIGNALS) process.on(signal, forward);
child.on('error', (error) => {
  process.stderr.write(`unet-studio: cannot start node: ${error.message}\n`);
  process.exit(2);
});
child.on('exit', (code, signal) => {
  for (const s of SIGNALS) process.removeListener(s, forward);
  // A command killed by a signal exits as a shell would report it: 128 + the signal's number.
  process.exit(code ?? 128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
});
