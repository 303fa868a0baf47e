/**
 * Keeps TensorFlow.js's threaded wasm build working once the app is bundled and minified.
 *
 * The threaded build (`tfjs-backend-wasm-threaded-simd.js`, emscripten's pthread glue) starts
 * each helper thread as a Web Worker that rebuilds the glue from `factory.toString()`: tfjs puts
 * `var WasmBackendModuleThreadedSimd = <that text>` in a Blob and the thread `importScripts` it.
 * The text must therefore stand on its own at a worker's global scope. In the package it does:
 * its only reference outside itself, `_scriptDir`, is guarded by `typeof _scriptDir !==
 * "undefined"`. A minifier, seeing that `_scriptDir` is declared in the enclosing scope, turns
 * the guard into `e !== void 0` (and renames the variable), so every helper thread dies with
 * "ReferenceError: e is not defined" before it loads (see tfjs-backend-wasm's README, "JS
 * Minification", and tensorflow/tfjs#4539).
 *
 * The fix here leaves the bundled glue alone (it runs correctly in the training worker, where
 * the enclosing scope exists) and gives the factory a `toString` that returns the inner
 * function's text exactly as published, so the threads get code no bundler has touched.
 */
import type { Plugin } from 'vite';

/** The published glue file that {@link patchThreadedGlue} applies to. */
export const THREADED_GLUE_FILE = 'tfjs-backend-wasm-threaded-simd.js';

const FACTORY = 'WasmBackendModuleThreadedSimd';
/** Where the inner factory function starts in the published file. */
const INNER_START = `function(${FACTORY})`;
/** What closes the inner function and the IIFE that defines {@link FACTORY}. */
const INNER_END = '\n);\n})();';

/** True when the module `id` (a file path, possibly with a query) is the threaded glue. */
export function isThreadedGlue(id: string): boolean {
  const path = id.split('?')[0] ?? '';
  return /[\\/]@tensorflow[\\/]tfjs-backend-wasm[\\/]wasm-out[\\/]tfjs-backend-wasm-threaded-simd\.js$/.test(
    path,
  );
}

/**
 * The inner factory function's source, exactly as the glue file holds it.
 *
 * @throws when `code` is not the glue layout this fix knows (a different tfjs release), so a
 * build fails loudly instead of shipping threads that cannot start.
 */
export function innerFactorySource(code: string): string {
  const start = code.indexOf(INNER_START);
  const end = code.lastIndexOf(INNER_END);
  const problems: string[] = [];
  if (!code.includes(`var ${FACTORY} = (() => {`))
    problems.push(`it does not define ${FACTORY} through an arrow IIFE`);
  if (start < 0) problems.push(`"${INNER_START}" is missing`);
  else if (code.indexOf(INNER_START, start + 1) >= 0)
    problems.push(`"${INNER_START}" occurs more than once`);
  if (end < 0 || end < start) problems.push('the end of the inner factory was not found');
  if (problems.length > 0)
    throw new Error(
      `${THREADED_GLUE_FILE} has an unexpected layout (${problems.join('; ')}); the threaded wasm fix in threadedGlue.ts needs updating for this tfjs release`,
    );
  return code.slice(start, end);
}

/**
 * The glue with one statement added after the factory's definition: a `toString` returning
 * the inner function's published text. The rest of the file is unchanged.
 *
 * @example patchThreadedGlue(glueText).includes('WasmBackendModuleThreadedSimd.toString') // true
 */
export function patchThreadedGlue(code: string): string {
  const inner = innerFactorySource(code);
  const at = code.lastIndexOf(INNER_END) + INNER_END.length;
  const override =
    `\n// The text helper threads rebuild the glue from: the published source, never minified.\n` +
    `${FACTORY}.toString = function () { return ${JSON.stringify(inner)}; };\n`;
  return code.slice(0, at) + override + code.slice(at);
}

/**
 * The build plugin applying {@link patchThreadedGlue}: for the app and worker bundles, and for
 * the dev server's pre-bundled dependencies (`optimizeDeps.rolldownOptions.plugins`).
 */
export function threadedGluePlugin(): Plugin {
  return {
    name: 'unet-studio:threaded-wasm-glue',
    transform(code, id) {
      return isThreadedGlue(id) ? { code: patchThreadedGlue(code), map: null } : null;
    },
  };
}
