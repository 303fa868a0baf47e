import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vm from 'node:vm';
import { build, type Plugin, type Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';
import {
  innerFactorySource,
  isThreadedGlue,
  patchThreadedGlue,
  threadedGluePlugin,
} from './threadedGlue';

const GLUE = createRequire(import.meta.url).resolve(
  '@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js',
);

/** An entry that hands the bundled glue's `factory.toString()` (what tfjs gives its threads) out. */
function entry(): Plugin {
  const id = '\0threaded-glue-entry';
  return {
    name: 'threaded-glue-entry',
    resolveId: (source) => (source === 'threaded-glue-entry' ? id : null),
    load: (source) =>
      source === id
        ? `import * as g from ${JSON.stringify(GLUE)}; globalThis.text = (g.default || g).toString();`
        : null,
  };
}

/** The text a helper thread receives once the glue is bundled and minified as for production. */
async function threadText(patched: boolean): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    plugins: [entry(), ...(patched ? [threadedGluePlugin()] : [])],
    build: {
      write: false,
      minify: true,
      rolldownOptions: { input: 'threaded-glue-entry', output: { format: 'cjs' } },
    },
  });
  const result = Array.isArray(out) ? out[0] : (out as Rolldown.RolldownOutput);
  const chunk = result?.output[0];
  if (chunk?.type !== 'chunk') throw new Error('the build produced no chunk');
  const sandbox: { text?: string; module: object; exports: object } = { module: {}, exports: {} };
  vm.runInNewContext(chunk.code, sandbox);
  if (typeof sandbox.text !== 'string') throw new Error('the bundle did not hand the text out');
  return sandbox.text;
}

/**
 * Starts the glue as a helper thread does (its text at a worker's global scope, then the factory
 * with `ENVIRONMENT_IS_PTHREAD`), up to the hand-over to the thread's own script; returns the
 * steps reached.
 */
function startAsThread(text: string): string[] {
  const reached: string[] = [];
  const scope = vm.createContext({
    importScripts: () => undefined,
    location: { href: 'blob:null/thread' },
    startWorker: () => reached.push('started'),
  });
  vm.runInContext(`self = this; var WasmBackendModuleThreadedSimd = ${text}`, scope);
  const factory = (scope as { WasmBackendModuleThreadedSimd?: unknown })
    .WasmBackendModuleThreadedSimd;
  if (typeof factory !== 'function') throw new Error('the text does not define the factory');
  (factory as (module: object) => unknown)({
    ENVIRONMENT_IS_PTHREAD: true,
    wasmMemory: new WebAssembly.Memory({ initial: 1, maximum: 2, shared: true }),
    instantiateWasm: () => {
      reached.push('instantiate');
      return {};
    },
  });
  return reached;
}

describe('the threaded wasm glue in a minified bundle', () => {
  it('breaks helper threads without the fix ("e is not defined", the bundled-app failure)', async () => {
    const text = await threadText(false);
    expect(() => startAsThread(text)).toThrow(/is not defined/);
  });

  it('lets helper threads start with the fix: they get the published source', async () => {
    const text = await threadText(true);
    expect(text).toBe(innerFactorySource(readFileSync(GLUE, 'utf8')));
    expect(startAsThread(text)).toEqual(['instantiate', 'started']);
  });
});

describe('patchThreadedGlue', () => {
  it('applies to the threaded glue file only', () => {
    expect(isThreadedGlue(GLUE)).toBe(true);
    expect(isThreadedGlue(`${GLUE}?commonjs-proxy`)).toBe(true);
    expect(isThreadedGlue(GLUE.replace('threaded-simd.js', 'simd.js'))).toBe(false);
    expect(isThreadedGlue('/src/tfjs-backend-wasm-threaded-simd.js')).toBe(false);
  });

  it('refuses a glue file of another layout, naming what is missing', () => {
    expect(() => patchThreadedGlue('module.exports = function () {};')).toThrow(
      /unexpected layout.*WasmBackendModuleThreadedSimd.*missing/,
    );
    const twice = readFileSync(GLUE, 'utf8').replace(
      'function(WasmBackendModuleThreadedSimd)',
      'function(WasmBackendModuleThreadedSimd) {}; function(WasmBackendModuleThreadedSimd)',
    );
    expect(() => patchThreadedGlue(twice)).toThrow(/occurs more than once/);
  });
});
