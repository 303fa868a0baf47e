/**
 * Whether WebGPU can run here, asked before loading `@tensorflow/tfjs-backend-webgpu`: the
 * browser must offer `navigator.gpu` and answer `requestAdapter()` with an adapter, in bounded
 * time. Otherwise the reason says which of these failed, and the worker starts the next backend.
 */

/** What this module reads of an adapter (`GPUAdapter.info`, Chromium 114+). */
export interface GpuAdapterLike {
  readonly info?: {
    readonly vendor?: string;
    readonly architecture?: string;
    readonly description?: string;
    readonly isFallbackAdapter?: boolean;
  };
  readonly isFallbackAdapter?: boolean;
}

/** What this module reads of `navigator`. */
export interface GpuNavigatorLike {
  readonly gpu?: {
    requestAdapter(options?: { powerPreference?: 'high-performance' }): Promise<unknown>;
  };
}

/** The outcome: the adapter to run on, or why WebGPU cannot run. */
export type WebgpuCheck =
  | { readonly ok: true; readonly adapter: string; readonly software: boolean }
  | { readonly ok: false; readonly reason: string };

/** How long the adapter request may take before WebGPU is given up. */
export const ADAPTER_TIMEOUT_MS = 10_000;

const SOFTWARE = /swiftshader|llvmpipe|lavapipe|software|warp/i;

/** A short name for the adapter, e.g. `google swiftshader`, and whether it renders in software. */
export function describeAdapter(adapter: GpuAdapterLike): { adapter: string; software: boolean } {
  const info = adapter.info ?? {};
  const parts = [info.vendor, info.architecture, info.description]
    .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
    .map((p) => p.trim().slice(0, 60));
  const name = [...new Set(parts)].join(' ') || 'unnamed adapter';
  const fallback = info.isFallbackAdapter === true || adapter.isFallbackAdapter === true;
  return { adapter: name, software: fallback || SOFTWARE.test(name) };
}

/**
 * Asks `nav.gpu` for an adapter, as tfjs's webgpu backend will.
 *
 * @example const check = await checkWebgpu(self.navigator); if (!check.ok) console.log(check.reason);
 */
export async function checkWebgpu(
  nav: GpuNavigatorLike | undefined,
  timeoutMs = ADAPTER_TIMEOUT_MS,
): Promise<WebgpuCheck> {
  const gpu = nav?.gpu;
  if (gpu === undefined || gpu === null || typeof gpu.requestAdapter !== 'function')
    return { ok: false, reason: 'this browser offers no WebGPU here (navigator.gpu is missing)' };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), timeoutMs);
  });
  try {
    const adapter = await Promise.race([
      gpu.requestAdapter({ powerPreference: 'high-performance' }),
      late,
    ]);
    if (adapter === 'late')
      return { ok: false, reason: `WebGPU gave no adapter within ${timeoutMs / 1000} s` };
    if (adapter === null || typeof adapter !== 'object')
      return {
        ok: false,
        reason: 'WebGPU found no adapter (no usable GPU, or WebGPU is turned off in this browser)',
      };
    return { ok: true, ...describeAdapter(adapter) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `WebGPU's adapter request failed: ${message.slice(0, 200)}` };
  } finally {
    clearTimeout(timer);
  }
}
