/**
 * Starting a TensorFlow.js backend inside the worker: WebGL through OffscreenCanvas (software
 * WebGL allowed, so headless browsers without a GPU still get WebGL), wasm with its `.wasm` files
 * served by the app, cpu last. A WebGL that only renders float16 textures is passed over for
 * wasm, because training on it diverges.
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend, type BackendName } from '@unet-studio/runtime';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { BackendInfo } from '../protocol';

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

/**
 * Starts `preferred` (falling back webgl → wasm → cpu) and describes what runs.
 *
 * @throws when no backend starts.
 */
export async function startBackend(preferred: BackendName): Promise<BackendInfo> {
  tf.env().set('SOFTWARE_WEBGL_ENABLED', true);
  // The threaded wasm build starts its pthread workers from an inlined script that fails once
  // bundled ("e is not defined"), which takes the whole worker down: run wasm single-threaded.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  if (typeof OffscreenCanvas === 'undefined' && preferred === 'webgl') {
    const report = await initBackend('wasm', { wasmPaths: WASM_PATHS });
    return {
      name: report.backend,
      summary: `${report.backend} (fell back: this browser has no OffscreenCanvas, so WebGL cannot run in a worker)`,
      software: false,
      notes: report.notes,
    };
  }
  let report = await initBackend(preferred, { wasmPaths: WASM_PATHS });
  const notes = [...report.notes];
  if (report.backend === 'webgl' && !tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED')) {
    report = await initBackend('wasm', { wasmPaths: WASM_PATHS });
    return {
      name: report.backend,
      summary: `${report.backend} (fell back: WebGL here renders to float16 textures, which makes training diverge)`,
      software: false,
      notes: report.notes,
    };
  }
  const software = rendersInSoftware();
  if (software)
    notes.push('WebGL renders in software here (no GPU): expect slow steps; wasm may be faster.');
  return { name: report.backend, summary: report.summary, software, notes };
}
