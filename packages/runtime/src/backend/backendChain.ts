/**
 * The order in which backends are tried: the preferred one first, then the host's defaults.
 * WebGPU is tried only when asked for (in a browser, or in Node once Dawn's `webgpu` package has
 * registered it); a host without it falls through to the defaults with the reason.
 */
import type { Host } from './environment';

/** The TensorFlow.js backends U-Net Studio can run on. */
export const BACKEND_NAMES = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
/** A backend name. */
export type BackendName = (typeof BACKEND_NAMES)[number];

/** Default order per host: GPU first in a browser; Node has no WebGL, and wasm beats cpu. */
const DEFAULT_ORDER: Readonly<Record<Host, readonly BackendName[]>> = {
  browser: ['webgl', 'wasm', 'cpu'],
  node: ['wasm', 'cpu'],
};

/** Backends tried only when asked for, before the host's defaults. */
const ON_REQUEST: readonly BackendName[] = ['webgpu'];

/** A backend that cannot be tried on this host, and why. */
export interface Unavailable {
  readonly backend: BackendName;
  readonly reason: string;
}

/**
 * The backends to try, in order, and the requested ones that this host cannot offer.
 *
 * @example backendChain('node', 'webgl') // { order: ['wasm', 'cpu'], unavailable: [{ backend: 'webgl', … }] }
 * @example backendChain('browser', 'webgpu').order // ['webgpu', 'webgl', 'wasm', 'cpu']
 */
export function backendChain(
  host: Host,
  preferred?: BackendName,
): { order: BackendName[]; unavailable: Unavailable[] } {
  const defaults = DEFAULT_ORDER[host];
  if (preferred === undefined) return { order: [...defaults], unavailable: [] };
  if (ON_REQUEST.includes(preferred)) return { order: [preferred, ...defaults], unavailable: [] };
  if (!defaults.includes(preferred)) {
    return {
      order: [...defaults],
      unavailable: [
        {
          backend: preferred,
          reason: `${preferred} is not available in ${host === 'node' ? 'Node' : 'a browser'}`,
        },
      ],
    };
  }
  return { order: [preferred, ...defaults.filter((b) => b !== preferred)], unavailable: [] };
}

/** True when `name` is one of {@link BACKEND_NAMES}. */
export function isBackendName(name: string): name is BackendName {
  return (BACKEND_NAMES as readonly string[]).includes(name);
}
