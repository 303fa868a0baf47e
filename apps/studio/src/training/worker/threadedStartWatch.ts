/**
 * A watch over TensorFlow.js's threaded wasm start, so that a failure there costs threads, not
 * the training worker.
 *
 * The threaded build's glue (emscripten) starts its helper threads as Web Workers from `blob:`
 * URLs and waits until every one has loaded before the backend is ready. If a helper dies, the
 * glue rethrows its error in the training worker (which the app would take for a crash) and
 * waits forever. While the watch runs, the worker's `Worker` constructor records the helpers;
 * when one fails, or they do not load in time, the watch
 * - stops the error from leaving the training worker,
 * - makes the pending start reject, by sending the glue the message its helpers use to call the
 *   module's `onAbort` handler (tfjs rejects its start there, and its backend chain moves on),
 * - and ends the helpers.
 * The caller then starts wasm again single-threaded.
 */

/** The parts of the worker's global scope the watch uses. */
export interface WatchScope {
  Worker: typeof Worker;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  removeEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
}

/** How long the helpers may take to load once the glue has sent them the compiled module. */
export const HELPER_LOAD_TIMEOUT_MS = 30_000;

/** A running watch. */
export interface ThreadedStartWatch {
  /** Helper threads started so far. */
  helperCount(): number;
  /** Ends the watch (the `Worker` constructor is restored); returns why threads failed, or null. */
  stop(): string | null;
}

/** The glue's message from a helper asking the main module to run one of its handlers. */
const ABORT_MESSAGE = { cmd: 'callHandler', handler: 'onAbort', args: [] } as const;

function commandOf(data: unknown): unknown {
  return typeof data === 'object' && data !== null ? (data as { cmd?: unknown }).cmd : undefined;
}

/**
 * Starts watching helper threads created through `scope.Worker` from `blob:` URLs.
 *
 * @param timeoutMs - How long the helpers may take to load, from the moment the glue sends them
 * the module.
 * @example const watch = watchThreadedStart(self); await initBackend('wasm'); watch.stop();
 */
export function watchThreadedStart(
  scope: WatchScope,
  timeoutMs = HELPER_LOAD_TIMEOUT_MS,
): ThreadedStartWatch {
  const Original = scope.Worker;
  const helpers: Worker[] = [];
  const loaded = new Set<Worker>();
  const errors = new Set<unknown>();
  let failure: string | null = null;
  let abortSent = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  // Delivered as if from `helper`, through the handler the glue set on it (once it has one).
  const sendAbort = (helper: Worker): void => {
    if (abortSent || helper.onmessage === null) return;
    abortSent = true;
    helper.dispatchEvent(new MessageEvent('message', { data: ABORT_MESSAGE }));
  };
  const fail = (reason: string): void => {
    if (failure !== null) return;
    failure = reason;
    clearTimeout(timer);
    for (const helper of helpers) sendAbort(helper);
    for (const helper of helpers) helper.terminate();
  };
  // The glue rethrows a helper's error event; only those events are kept from the app.
  const onScopeError = (event: ErrorEvent): void => {
    if (errors.has(event.error)) event.preventDefault();
  };

  class WatchedWorker extends Original {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      if (!String(url).startsWith('blob:')) return;
      helpers.push(this);
      this.addEventListener('message', (event: MessageEvent) => {
        if (commandOf(event.data) !== 'loaded') return;
        loaded.add(this);
        if (loaded.size === helpers.length) clearTimeout(timer);
      });
      this.addEventListener('error', (event: ErrorEvent) => {
        errors.add(event);
        event.preventDefault();
        fail(`a helper thread failed to start (${event.message || 'no message'})`);
      });
    }

    override postMessage(message: unknown, options?: StructuredSerializeOptions): void;
    override postMessage(message: unknown, transfer: Transferable[]): void;
    override postMessage(
      message: unknown,
      transferOrOptions?: Transferable[] | StructuredSerializeOptions,
    ): void {
      const load = commandOf(message) === 'load';
      // A helper that failed before the glue got to it: abort now that the glue listens.
      if (load && failure !== null) return sendAbort(this);
      if (load && loaded.size < helpers.length) {
        timer ??= setTimeout(
          () => fail(`the helper threads did not load within ${timeoutMs / 1000} s`),
          timeoutMs,
        );
      }
      if (Array.isArray(transferOrOptions)) super.postMessage(message, transferOrOptions);
      else super.postMessage(message, transferOrOptions);
    }
  }

  scope.Worker = WatchedWorker;
  scope.addEventListener('error', onScopeError);
  return {
    helperCount: () => helpers.length,
    stop() {
      scope.Worker = Original;
      clearTimeout(timer);
      // After a failure, late errors of the ended helpers may still arrive: keep filtering them.
      if (failure === null) scope.removeEventListener('error', onScopeError);
      return failure;
    },
  };
}
