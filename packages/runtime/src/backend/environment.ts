/**
 * Where the runtime is running, found without touching browser or Node globals that may be absent.
 */

/** The kind of host: Node (CLI, tests, benchmarks) or a browser page or worker. */
export type Host = 'node' | 'browser';

interface NodeProcess {
  versions?: { node?: string };
  getBuiltinModule?: (id: string) => unknown;
}

function nodeProcess(): NodeProcess | undefined {
  const p = (globalThis as { process?: NodeProcess }).process;
  return p?.versions?.node === undefined ? undefined : p;
}

/** The current host. */
export function currentHost(): Host {
  return nodeProcess() === undefined ? 'browser' : 'node';
}

/**
 * The folder holding `@tensorflow/tfjs-backend-wasm`'s `.wasm` files, as a path ending in `/`,
 * when running in Node; undefined in a browser or if it cannot be found. It uses
 * `process.getBuiltinModule` (no static `node:` import, so bundlers for the browser ignore it).
 */
export function nodeWasmFolder(): string | undefined {
  const p = nodeProcess();
  const moduleApi = p?.getBuiltinModule?.('node:module') as
    { createRequire(from: string): { resolve(id: string): string } } | undefined;
  const pathApi = p?.getBuiltinModule?.('node:path') as
    { dirname(p: string): string; sep: string } | undefined;
  if (moduleApi === undefined || pathApi === undefined) return undefined;
  try {
    const manifest = moduleApi
      .createRequire(import.meta.url)
      .resolve('@tensorflow/tfjs-backend-wasm/package.json');
    return `${pathApi.dirname(manifest)}${pathApi.sep}dist${pathApi.sep}`;
  } catch {
    return undefined;
  }
}
