/**
 * Picks and initialises the TensorFlow.js backend for training and inference, falling back
 * webgl → wasm → cpu in a browser and wasm → cpu in Node (webgpu first when asked for and
 * registered), and says which one it used and why.
 */
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { registerTrainingKernels } from '../kernels/registerTrainingKernels';
import { backendChain, type BackendName, type Unavailable } from './backendChain';
import { currentHost, nodeWasmFolder, type Host } from './environment';

/** What {@link initBackend} did. */
export interface BackendReport {
  /** The backend now active. */
  readonly backend: BackendName;
  readonly requested: BackendName | null;
  readonly host: Host;
  /** True when the backend in use is not the one asked for (or the host's first choice). */
  readonly fellBack: boolean;
  /** Backends passed over before the one in use, with the reason for each. */
  readonly skipped: readonly Unavailable[];
  /** Facts about the backend in use worth showing (threads, float16 textures…). */
  readonly notes: readonly string[];
  /** Training kernels U-Net Studio registered on it. */
  readonly kernels: readonly string[];
  /** One line for a log or status bar, e.g. `wasm (fell back: webgl is not available in Node)`. */
  readonly summary: string;
}

/** Options of {@link initBackend}. */
export interface InitBackendOptions {
  /**
   * Where the wasm backend's `.wasm` files are: a folder (ending in `/`) or URL prefix, or a map
   * of file name to path. Node defaults to the installed package's folder; a browser app
   * passes the URL its bundler serves them at.
   */
  readonly wasmPaths?: Parameters<typeof setWasmPaths>[0];
}

/** Why webgpu cannot be tried when `@tensorflow/tfjs-backend-webgpu` has not registered it. */
const WEBGPU_UNREGISTERED: Readonly<Record<Host, string>> = {
  browser:
    'webgpu is not registered (this browser has no navigator.gpu, or the webgpu backend was not loaded)',
  node: "webgpu is not registered (in Node it needs Dawn's `webgpu` package; see docs/runtime.md)",
};

let wasmPathsSet = false;

function configureWasm(options: InitBackendOptions, host: Host): void {
  if (wasmPathsSet) return;
  const paths = options.wasmPaths ?? (host === 'node' ? nodeWasmFolder() : undefined);
  if (paths === undefined) return;
  // Throws once the wasm backend has been initialised; the first setting then stays in force.
  setWasmPaths(paths);
  wasmPathsSet = true;
}

async function tryBackend(
  name: BackendName,
  explicit: boolean,
  options: InitBackendOptions,
  host: Host,
): Promise<string | null> {
  if (name === 'webgl' && tf.findBackendFactory('webgl') === null) return 'webgl is not registered';
  if (name === 'webgpu' && tf.findBackendFactory('webgpu') === null)
    return WEBGPU_UNREGISTERED[host];
  if (name === 'wasm') {
    try {
      configureWasm(options, host);
    } catch (error) {
      return `wasm paths could not be set: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  let ok: boolean;
  try {
    ok = await tf.setBackend(name);
    await tf.ready();
  } catch (error) {
    return `${name} failed to start: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (!ok || tf.getBackend() !== name) return `${name} failed to start`;
  if (name === 'webgl' && !explicit && !tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED')) {
    return 'webgl renders to float16 textures on this device, which makes training diverge';
  }
  return null;
}

function notesFor(name: BackendName, host: Host): string[] {
  const notes: string[] = [];
  if (name === 'wasm') {
    const threads = host === 'node' ? 1 : getThreadsCount();
    notes.push(
      host === 'node'
        ? 'wasm: 1 thread (tfjs-backend-wasm has no threads in Node), SIMD on'
        : `wasm: ${threads} thread(s)`,
    );
  }
  if (name === 'webgl' && !tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED')) {
    notes.push(
      'webgl renders to float16 textures here: losses may become NaN; prefer wasm for training',
    );
  }
  if (name === 'cpu')
    notes.push('cpu is plain JavaScript: fine for small models, slow for real ones');
  return notes;
}

/**
 * Initialises the best available backend, preferring `preferred`, and registers the training
 * kernels it lacks (wasm has no conv filter gradient; cpu's is slow).
 *
 * @param preferred - The backend to try first; the host's defaults follow it.
 * @returns Which backend is active and why any were passed over.
 * @example const { backend, summary } = await initBackend('wasm');
 */
export async function initBackend(
  preferred?: BackendName,
  options: InitBackendOptions = {},
): Promise<BackendReport> {
  const host = currentHost();
  const { order, unavailable } = backendChain(host, preferred);
  const skipped: Unavailable[] = [...unavailable];
  for (const name of order) {
    const reason = await tryBackend(name, name === preferred, options, host);
    if (reason !== null) {
      skipped.push({ backend: name, reason });
      continue;
    }
    const kernels = registerTrainingKernels(name);
    const fellBack = skipped.length > 0;
    const why = skipped.map((s) => s.reason).join('; ');
    return {
      backend: name,
      requested: preferred ?? null,
      host,
      fellBack,
      skipped,
      notes: notesFor(name, host),
      kernels,
      summary: fellBack ? `${name} (fell back: ${why})` : name,
    };
  }
  throw new Error(
    `no TensorFlow.js backend could start: ${skipped.map((s) => s.reason).join('; ')}`,
  );
}
