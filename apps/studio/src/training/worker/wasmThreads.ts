/**
 * How many threads the wasm backend runs, and how the panel says so. TensorFlow.js's threaded
 * wasm build needs SharedArrayBuffer, which a browser only gives a cross-origin isolated page
 * (served with `Cross-Origin-Opener-Policy: same-origin` and `Cross-Origin-Embedder-Policy:
 * require-corp`), plus wasm SIMD; without them it runs on one thread.
 */

/**
 * The most threads asked for. The threaded build starts 8 helper workers up front; a pool
 * larger than that would have to start more from inside a blocking call, which cannot finish.
 */
export const MAX_WASM_THREADS = 8;

/** What the browser offers the wasm backend. */
export interface ThreadEnvironment {
  /** `crossOriginIsolated`: SharedArrayBuffer is available. */
  readonly isolated: boolean;
  /** `navigator.hardwareConcurrency` (logical cores), when the browser reports it. */
  readonly cores: number | undefined;
}

/** The thread count to ask for, and why it is one when it is. */
export interface ThreadPlan {
  readonly threads: number;
  /** Why wasm runs single-threaded (null when threads are asked for). */
  readonly reason: string | null;
}

/** Why threads are off on a page that is not cross-origin isolated. */
export const NOT_ISOLATED =
  'the page is not cross-origin isolated (it needs the COOP and COEP headers), so wasm cannot share memory between threads';

/**
 * One thread per logical core the browser reports (at most {@link MAX_WASM_THREADS}); one
 * thread when the page is not cross-origin isolated or reports a single core.
 *
 * @example planWasmThreads({ isolated: true, cores: 2 }) // { threads: 2, reason: null }
 */
export function planWasmThreads(env: ThreadEnvironment): ThreadPlan {
  if (!env.isolated) return { threads: 1, reason: NOT_ISOLATED };
  const cores = env.cores !== undefined && Number.isFinite(env.cores) ? Math.floor(env.cores) : 1;
  if (cores < 2) return { threads: 1, reason: 'the browser reports a single core' };
  return { threads: Math.min(cores, MAX_WASM_THREADS), reason: null };
}

/** What the wasm start ended with, for {@link wasmSummary}. */
export interface WasmOutcome {
  /** `getThreadsCount()` once the backend runs. */
  readonly threads: number;
  readonly simd: boolean;
  /** Why one thread: the plan's reason or the threaded start's failure. */
  readonly singleThreadReason: string | null;
  /** The backend chain's own fallback reason (e.g. WebGL renders only float16), if any. */
  readonly fellBack: string | null;
}

/**
 * The panel's one-line description of the wasm backend, naming the thread count.
 *
 * @example wasmSummary({ threads: 2, simd: true, singleThreadReason: null, fellBack: null })
 * // 'wasm, 2 threads, SIMD'
 */
export function wasmSummary(outcome: WasmOutcome): string {
  const count = outcome.threads === 1 ? '1 thread' : `${outcome.threads} threads`;
  const simd = outcome.simd ? ', SIMD' : '';
  const why: string[] = [];
  if (outcome.threads === 1) {
    const reason =
      outcome.singleThreadReason ??
      (outcome.simd ? 'this browser offers no wasm threads' : 'no wasm SIMD, which threads need');
    why.push(`single-threaded: ${reason}`);
  }
  if (outcome.fellBack !== null) why.push(`fell back: ${outcome.fellBack}`);
  return `wasm, ${count}${simd}${why.length > 0 ? ` (${why.join('; ')})` : ''}`;
}
