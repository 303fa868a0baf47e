import { afterEach, describe, expect, it, vi } from 'vitest';
import { HELPER_LOAD_TIMEOUT_MS, watchThreadedStart, type WatchScope } from './threadedStartWatch';

/** An error event as a browser fires it (Node has no ErrorEvent). */
class FakeErrorEvent extends Event {
  constructor(
    readonly message: string,
    readonly error: unknown,
  ) {
    super('error', { cancelable: true });
  }
}

/**
 * A browser Worker's surface, recording what is posted to it. Like a browser's, an `on…`
 * handler takes its place among the listeners when it is first set.
 */
class FakeWorker extends EventTarget {
  readonly posted: unknown[] = [];
  terminated = false;
  private readonly handlers = new Map<string, ((event: Event) => void) | null>();
  constructor(readonly url: string | URL) {
    super();
  }
  private handler(type: string, fn: ((event: never) => void) | null): void {
    if (!this.handlers.has(type)) this.addEventListener(type, (e) => this.handlers.get(type)?.(e));
    this.handlers.set(type, fn as ((event: Event) => void) | null);
  }
  get onmessage(): ((event: MessageEvent) => void) | null {
    return this.handlers.get('message') ?? null;
  }
  set onmessage(fn: ((event: MessageEvent) => void) | null) {
    this.handler('message', fn);
  }
  set onerror(fn: ((event: Event) => void) | null) {
    this.handler('error', fn);
  }
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
}

/** The training worker's scope: `Worker` plus its own error events. */
class FakeScope extends EventTarget {
  Worker = FakeWorker as unknown as typeof Worker;
}

/**
 * The threaded glue's start as emscripten runs it: `count` helpers created from blob URLs, each
 * given a message handler (which runs the module's handlers on request) and an error handler
 * (which rethrows into the scope), then sent the module.
 */
function glueStart(scope: FakeScope, count: number) {
  const aborts: unknown[] = [];
  const module: Record<string, (...args: unknown[]) => void> = {
    onAbort: (...args) => aborts.push(args),
  };
  const helpers = Array.from(
    { length: count },
    () => new scope.Worker('blob:null/helper') as unknown as FakeWorker,
  );
  const rethrown: FakeErrorEvent[] = [];
  const listen = (helper: FakeWorker): void => {
    helper.onmessage = (event) => {
      const data = event.data as { cmd: string; handler: string; args: unknown[] };
      if (data.cmd === 'callHandler') module[data.handler]?.(...data.args);
    };
    helper.onerror = (event) => {
      const uncaught = new FakeErrorEvent('Uncaught [object ErrorEvent]', event);
      rethrown.push(uncaught);
      scope.dispatchEvent(uncaught);
    };
  };
  const load = (helper: FakeWorker): void => {
    listen(helper);
    (helper as unknown as Worker).postMessage({ cmd: 'load' });
  };
  return { helpers, aborts, rethrown, load, loadAll: () => helpers.forEach(load) };
}

const loaded = (helper: FakeWorker): boolean =>
  helper.dispatchEvent(new MessageEvent('message', { data: { cmd: 'loaded' } }));

afterEach(() => {
  vi.useRealTimers();
});

describe('watchThreadedStart', () => {
  it('lets a healthy start through and restores the Worker constructor', () => {
    const scope = new FakeScope();
    const watch = watchThreadedStart(scope as unknown as WatchScope);
    new scope.Worker('/assets/other-worker.js');
    const glue = glueStart(scope, 3);
    glue.loadAll();
    glue.helpers.forEach(loaded);
    expect(watch.helperCount()).toBe(3);
    expect(watch.stop()).toBeNull();
    expect(scope.Worker).toBe(FakeWorker);
    expect(glue.aborts).toEqual([]);
    expect(glue.helpers.every((h) => !h.terminated && h.posted.length === 1)).toBe(true);
  });

  it('turns a failing helper into an aborted start, kept from the app', () => {
    const scope = new FakeScope();
    const watch = watchThreadedStart(scope as unknown as WatchScope);
    const glue = glueStart(scope, 2);
    glue.loadAll();
    const failed = new FakeErrorEvent('Uncaught ReferenceError: e is not defined', null);
    glue.helpers[1]!.dispatchEvent(failed);
    expect(failed.defaultPrevented).toBe(true);
    expect(glue.rethrown.map((e) => e.defaultPrevented)).toEqual([true]);
    expect(glue.aborts).toHaveLength(1);
    expect(glue.helpers.every((h) => h.terminated)).toBe(true);
    expect(watch.stop()).toBe(
      'a helper thread failed to start (Uncaught ReferenceError: e is not defined)',
    );
    // Errors that are not a helper's still reach the app.
    const other = new FakeErrorEvent('Uncaught TypeError: x', new TypeError('x'));
    scope.dispatchEvent(other);
    expect(other.defaultPrevented).toBe(false);
  });

  it('aborts once the glue listens when a helper fails before it was sent the module', () => {
    const scope = new FakeScope();
    const watch = watchThreadedStart(scope as unknown as WatchScope);
    const glue = glueStart(scope, 2);
    glue.helpers[0]!.dispatchEvent(new FakeErrorEvent('Uncaught SyntaxError', null));
    expect(glue.aborts).toEqual([]);
    glue.loadAll();
    expect(glue.aborts).toHaveLength(1);
    expect(glue.helpers.flatMap((h) => h.posted)).toEqual([]);
    expect(watch.stop()).toMatch(/SyntaxError/);
  });

  it('aborts when the helpers do not load in time, counted from when they get the module', () => {
    vi.useFakeTimers();
    const scope = new FakeScope();
    const watch = watchThreadedStart(scope as unknown as WatchScope);
    const glue = glueStart(scope, 2);
    vi.advanceTimersByTime(HELPER_LOAD_TIMEOUT_MS * 2);
    expect(glue.aborts).toEqual([]);
    glue.loadAll();
    loaded(glue.helpers[0]!);
    vi.advanceTimersByTime(HELPER_LOAD_TIMEOUT_MS);
    expect(glue.aborts).toHaveLength(1);
    expect(watch.stop()).toBe('the helper threads did not load within 30 s');
  });

  it('does not time out once every helper has loaded', () => {
    vi.useFakeTimers();
    const scope = new FakeScope();
    const watch = watchThreadedStart(scope as unknown as WatchScope);
    const glue = glueStart(scope, 2);
    glue.loadAll();
    glue.helpers.forEach(loaded);
    vi.advanceTimersByTime(HELPER_LOAD_TIMEOUT_MS * 2);
    expect(glue.aborts).toEqual([]);
    expect(watch.stop()).toBeNull();
  });
});
