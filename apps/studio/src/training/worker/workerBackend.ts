/**
 * Starting a TensorFlow.js backend inside the worker: WebGPU when chosen and the browser gives
 * an adapter (its backend is loaded only then), WebGL through OffscreenCanvas (software WebGL
 * allowed, so headless browsers without a GPU still get WebGL), wasm with its `.wasm` files
 * served by the app, cpu last. A WebGL that only renders float16 textures is passed over for
 * wasm, because training on it diverges. Without a WebGPU adapter the worker starts WebGL (and
 * its fallbacks) and the summary says why.
 *
 * wasm runs tfjs's threaded SIMD build with one thread per core when the page is cross-origin
 * isolated (threadedGlue.ts keeps that build working once bundled; reportedCores.ts lets the
 * pool have that many threads). If its threads fail to start, the start is aborted and wasm runs
 * single-threaded instead; the summary says which.
 */
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { initBackend, type BackendName, type BackendReport } from '@unet-studio/runtime';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { BackendInfo } from '../protocol';
import { withReportedCores } from './reportedCores';
import { watchThreadedStart } from './threadedStartWatch';
import { checkWebgpu } from './webgpuCheck';
import { planWasmThreads, wasmSummary, type ThreadPlan } from './wasmThreads';

const WASM_PATHS = {
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
};

interface GpuBackend {
  gpgpu?: { gl?: WebGLRenderingContext | WebGL2RenderingContext };
}

/** The WebGL context tfjs renders with, when the active backend is webgl. */
export function webglContext(): WebGLRenderingContext | WebGL2RenderingContext | null {
  if (tf.getBackend() !== 'webgl') return null;
  return (tf.backend() as unknown as GpuBackend).gpgpu?.gl ?? null;
}

/** True when the active WebGL context renders in software (SwiftShader, llvmpipe). */
function rendersInSoftware(): boolean {
  const gl = webglContext();
  if (gl === null) return false;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(
    info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER),
  );
  return /swiftshader|llvmpipe|software/i.test(renderer);
}

/** The thread plan, made once: tfjs reads the thread count when wasm starts, once per worker. */
let plan: ThreadPlan | null = null;
/** Why the threaded wasm start failed, once it has. */
let threadFailure: string | null = null;

function threadPlan(): ThreadPlan {
  if (plan !== null) return plan;
  const scope = self as {
    crossOriginIsolated?: boolean;
    navigator?: { hardwareConcurrency?: number };
  };
  plan = planWasmThreads({
    isolated: scope.crossOriginIsolated === true,
    cores: scope.navigator?.hardwareConcurrency,
  });
  if (plan.threads > 1) setThreadsCount(plan.threads);
  else tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  return plan;
}

/**
 * The runtime's backend start (`name` first, then its fallbacks), watching the threaded wasm
 * start when one may happen; when its threads fail, wasm is started again single-threaded.
 */
async function start(name: BackendName): Promise<BackendReport> {
  const options = { wasmPaths: WASM_PATHS };
  const { threads } = threadPlan();
  if (threads === 1 || threadFailure !== null) return initBackend(name, options);
  const watch = watchThreadedStart(self);
  let report: BackendReport;
  try {
    report = await withReportedCores(self.navigator, 2 * threads, () => initBackend(name, options));
  } finally {
    threadFailure = watch.stop();
  }
  if (threadFailure === null) return report;
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  const retried = await initBackend('wasm', options);
  // Keep what the first start passed over besides wasm (e.g. a WebGL that failed).
  const skipped = [...report.skipped.filter((s) => s.backend !== 'wasm'), ...retried.skipped];
  return { ...retried, skipped, fellBack: skipped.length > 0 };
}

/** The reasons for falling back: this module's (`why`) and the runtime's, joined. */
function fallbackReason(report: BackendReport, why: string | null): string | null {
  const runtime = report.fellBack ? report.skipped.map((s) => s.reason).join('; ') : null;
  return [why, runtime].filter((r): r is string => r !== null).join('; ') || null;
}

/** The panel's view of `report`; `why` is the reason this module fell back, if it did. */
async function describe(report: BackendReport, why: string | null): Promise<BackendInfo> {
  const fellBack = fallbackReason(report, why);
  if (report.backend === 'wasm') {
    const threads = getThreadsCount();
    const simd = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) === true;
    const singleThreadReason = threads > 1 ? null : (threadFailure ?? threadPlan().reason);
    return {
      name: report.backend,
      summary: wasmSummary({ threads, simd, singleThreadReason, fellBack }),
      software: false,
      // The summary names the thread count.
      notes: report.notes.filter((n) => !/^wasm: \d+ thread/.test(n)),
    };
  }
  const notes = [...report.notes];
  const software = rendersInSoftware();
  if (software)
    notes.push('WebGL renders in software here (no GPU): expect slow steps; wasm may be faster.');
  const summary = fellBack === null ? report.backend : `${report.backend} (fell back: ${fellBack})`;
  return { name: report.backend, summary, software, notes };
}

/**
 * Starts WebGPU when the browser gives an adapter and its backend loads; otherwise WebGL and its
 * fallbacks, saying why WebGPU was passed over.
 */
async function startWebgpu(): Promise<BackendInfo> {
  const check = await checkWebgpu(self.navigator);
  if (!check.ok) return startFrom('webgl', check.reason);
  try {
    // Loaded only now: it registers itself on import, and it is large.
    await import('@tensorflow/tfjs-backend-webgpu');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return startFrom('webgl', `the WebGPU backend did not load: ${message.slice(0, 200)}`);
  }
  const report = await start('webgpu');
  if (report.backend !== 'webgpu') {
    // The adapter was there but the device or backend did not start: WebGL's checks still apply.
    const why = report.skipped.find((s) => s.backend === 'webgpu')?.reason;
    return startFrom('webgl', why ?? 'webgpu failed to start');
  }
  const notes = [...report.notes];
  if (check.software)
    notes.push('WebGPU runs in software here (no GPU): expect slow steps; wasm may be faster.');
  return { name: 'webgpu', summary: `webgpu (${check.adapter})`, software: check.software, notes };
}

/** Starts `preferred` and its fallbacks; `earlier` is why a backend before it was passed over. */
async function startFrom(preferred: BackendName, earlier: string | null): Promise<BackendInfo> {
  const also = (why: string) => [earlier, why].filter((r) => r !== null).join('; ');
  if (typeof OffscreenCanvas === 'undefined' && preferred === 'webgl') {
    const why = 'this browser has no OffscreenCanvas, so WebGL cannot run in a worker';
    return describe(await start('wasm'), also(why));
  }
  const report = await start(preferred);
  if (report.backend === 'webgl' && !tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED')) {
    const why = 'WebGL here renders to float16 textures, which makes training diverge';
    return describe(await start('wasm'), also(why));
  }
  return describe(report, earlier);
}

/**
 * Starts `preferred` (falling back webgpu → webgl → wasm → cpu) and describes what runs.
 *
 * @throws when no backend starts.
 */
export async function startBackend(preferred: BackendName): Promise<BackendInfo> {
  tf.env().set('SOFTWARE_WEBGL_ENABLED', true);
  return preferred === 'webgpu' ? startWebgpu() : startFrom(preferred, null);
}
