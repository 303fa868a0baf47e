/**
 * Noticing a lost WebGL context while a run is inside a computation. When the GPU is reset or
 * reclaimed, tfjs's pending reads never resolve, so a run waiting on one would show "Epoch 1/30"
 * forever and ignore Stop. The context's canvas fires `webglcontextlost`, and the context answers
 * `isContextLost()`; either one ends the wait with a {@link ContextLostError}.
 */

/** The part of a WebGL context this module reads. */
export interface LosableContext {
  isContextLost(): boolean;
  /** An OffscreenCanvas (in a worker) or a canvas element: both are event targets. */
  readonly canvas: unknown;
}

/** The run's WebGL context was lost; its tensors are gone. */
export class ContextLostError extends Error {
  constructor() {
    super('WebGL context lost');
    this.name = 'ContextLostError';
  }
}

/** How often the context is asked, for browsers that do not fire the event (ms). */
const POLL_MS = 250;

function isEventTarget(v: unknown): v is EventTarget {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as EventTarget).addEventListener === 'function' &&
    typeof (v as EventTarget).removeEventListener === 'function'
  );
}

/**
 * Resolves with `work`'s result, or rejects with a {@link ContextLostError} as soon as `gl` is
 * lost, even when `work` never settles. `onLost` runs first (e.g. to abort the run). With no
 * context (wasm, cpu), this is `work` itself.
 *
 * @example const history = await untilContextLost(train(model, data), webglContext(), () => abort());
 */
export function untilContextLost<T>(
  work: Promise<T>,
  gl: LosableContext | null,
  onLost: () => void = () => undefined,
): Promise<T> {
  if (gl === null) return work;
  let stop = () => undefined as void;
  const lost = new Promise<never>((_, reject) => {
    const fire = () => {
      stop();
      onLost();
      reject(new ContextLostError());
    };
    if (gl.isContextLost()) {
      fire();
      return;
    }
    const canvas = isEventTarget(gl.canvas) ? gl.canvas : null;
    const timer = setInterval(() => {
      if (gl.isContextLost()) fire();
    }, POLL_MS);
    canvas?.addEventListener('webglcontextlost', fire);
    stop = () => {
      clearInterval(timer);
      canvas?.removeEventListener('webglcontextlost', fire);
    };
  });
  return Promise.race([work, lost]).finally(() => stop());
}
