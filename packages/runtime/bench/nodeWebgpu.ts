/**
 * WebGPU in Node, for `pnpm bench:train -- --backends webgpu`: Dawn's `webgpu` package (its
 * `dawn.node` ships inside the npm package) provides `navigator.gpu`; tfjs's webgpu backend
 * registers itself on import once it sees `navigator.gpu`. Dawn needs a Vulkan loader and driver:
 * a GPU's, or Chromium's SwiftShader (`LD_LIBRARY_PATH=/usr/lib/chromium
 * VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json`, set before Node starts).
 */
import type * as Dawn from 'webgpu';

/** What the adapter is, or why WebGPU cannot run here. */
export type NodeWebgpu = { readonly adapter: string } | { readonly reason: string };

interface AdapterInfo {
  readonly vendor?: string;
  readonly architecture?: string;
  readonly description?: string;
}

/**
 * Sets `navigator.gpu` from Dawn and imports tfjs's webgpu backend, when Dawn finds an adapter.
 *
 * @example const gpu = await registerNodeWebgpu(); if ('reason' in gpu) console.log(gpu.reason);
 */
export async function registerNodeWebgpu(): Promise<NodeWebgpu> {
  let dawn: typeof Dawn;
  try {
    dawn = await import('webgpu');
  } catch (error) {
    return { reason: `Dawn's webgpu package did not load: ${String(error)}` };
  }
  Object.assign(globalThis, dawn.globals);
  const gpu = dawn.create([]);
  const adapter = (await gpu.requestAdapter({ powerPreference: 'high-performance' })) as {
    info?: AdapterInfo;
  } | null;
  if (adapter === null)
    return {
      reason:
        'Dawn found no WebGPU adapter (no Vulkan loader or driver; for SwiftShader set LD_LIBRARY_PATH=/usr/lib/chromium VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json)',
    };
  const scope = globalThis as { navigator?: { gpu?: unknown } };
  if (scope.navigator === undefined) scope.navigator = { gpu };
  else Object.defineProperty(scope.navigator, 'gpu', { value: gpu, configurable: true });
  await import('@tensorflow/tfjs-backend-webgpu');
  const info = adapter.info ?? {};
  const name = [info.vendor, info.architecture, info.description].filter(Boolean).join(' ');
  return { adapter: name || 'unnamed adapter' };
}
