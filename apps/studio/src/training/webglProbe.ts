/**
 * A quick look at this browser's WebGL before any run, so the first estimate knows whether
 * WebGL renders in software (no GPU) and is much slower.
 */
import type { BackendInfo } from './protocol';

/** What the main thread can tell about WebGL: null when there is none. */
export function probeWebgl(): BackendInfo | null {
  if (typeof document === 'undefined') return null;
  const gl = document.createElement('canvas').getContext('webgl2');
  if (gl === null) return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(
    info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER),
  );
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  const software = /swiftshader|llvmpipe|software/i.test(renderer);
  return { name: 'webgl', summary: `webgl (${renderer})`, software, notes: [] };
}
