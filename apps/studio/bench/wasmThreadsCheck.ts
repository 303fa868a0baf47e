/**
 * Checks wasm threads in the training worker end to end, in headless Chromium: the small
 * template trains on wasm for 3 epochs at 32×32 and the loss must fall, with no page errors, in
 * - the built app, cross-origin isolated: the panel must name one thread per core
 *   (`navigator.hardwareConcurrency`, at most 8);
 * - the built app served without COOP/COEP: one thread, and the panel must say why;
 * - with `--unpatched`: a build without the threaded-glue fix, whose helper threads die
 *   ("e is not defined"): one thread, and the panel must name the failure;
 * - with `--dev`: `vite dev`, cross-origin isolated, which must run threads too.
 * Exits with status 1 when a check fails. Run after `vite build`:
 * `pnpm exec tsx bench/wasmThreadsCheck.ts [--unpatched] [--dev]`.
 */
import react from '@vitejs/plugin-react';
import { build, createServer, preview } from 'vite';
import { launchWebglBrowser } from '../e2e/trainingBrowser';
import { trainOnWasm } from '../e2e/wasmRun';
import { APP_ROOT } from './serve';

/** What one check expects of the panel's backend summary, given the browser's core count. */
type Expect = (summary: string, cores: number) => string | null;

const threaded: Expect = (summary, cores) => {
  const want = Math.min(cores, 8);
  return summary.startsWith(`wasm, ${want} threads`) ? null : `expected ${want} threads`;
};
const single =
  (why: RegExp): Expect =>
  (summary) =>
    summary.startsWith('wasm, 1 thread') && why.test(summary) ? null : `expected 1 thread, ${why}`;

/** Trains on wasm at `url`; returns a problem, or null when the check passes. */
async function check(url: string, expect: Expect): Promise<string | null> {
  const browser = await launchWebglBrowser();
  try {
    const { summary, cores, first, last, status, errors } = await trainOnWasm(browser, url);
    console.log(`  ${summary}`);
    console.log(`  loss ${first.loss.toFixed(4)} → ${last.loss.toFixed(4)}, run ${status}`);
    const problems = [
      expect(summary, cores),
      status === 'completed' ? null : `the run ended "${status}"`,
      last.loss < first.loss ? null : 'the loss did not fall',
      errors.length === 0 ? null : `page errors: ${errors.join(' | ')}`,
    ].filter((p): p is string => p !== null);
    return problems.length === 0 ? null : problems.join('; ');
  } finally {
    await browser.close();
  }
}

async function served(configFile: false | undefined, outDir: string) {
  const server = await preview({
    root: APP_ROOT,
    configFile,
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1' },
    logLevel: 'warn',
  });
  return { url: server.resolvedUrls?.local[0] ?? '', close: () => server.close() };
}

/** The app built without the threaded-glue fix (the config's other settings kept). */
async function buildUnpatched(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: APP_ROOT,
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 5000 },
  });
}

async function main(): Promise<void> {
  const cases: [string, () => Promise<{ url: string; close: () => Promise<void> }>, Expect][] = [
    ['built app, cross-origin isolated', () => served(undefined, 'dist'), threaded],
    ['built app, no COOP/COEP', () => served(false, 'dist'), single(/not cross-origin isolated/)],
  ];
  if (process.argv.includes('--unpatched')) {
    const outDir = '.bench-out/unpatched';
    await buildUnpatched(outDir);
    const why = /helper thread failed to start .*is not defined/;
    cases.push(['build without the glue fix', () => served(undefined, outDir), single(why)]);
  }
  if (process.argv.includes('--dev')) {
    const dev = async () => {
      const server = await createServer({ root: APP_ROOT, server: { port: 0 }, logLevel: 'warn' });
      await server.listen();
      return { url: server.resolvedUrls?.local[0] ?? '', close: () => server.close() };
    };
    cases.push(['vite dev, cross-origin isolated', dev, threaded]);
  }
  let failed = 0;
  for (const [name, serve, expect] of cases) {
    console.log(name);
    const server = await serve();
    try {
      const problem = await check(server.url, expect);
      console.log(problem === null ? '  ok' : `  FAILED: ${problem}`);
      if (problem !== null) failed++;
    } finally {
      await server.close();
    }
  }
  process.exitCode = failed > 0 ? 1 : 0;
}

await main();
