/**
 * One writer per document across tabs, with the Web Locks API: the tab holding a document's lock
 * edits it; any other tab showing it is read-only until the lock is free. Browsers without Web Locks
 * (or outside a secure context) get no guard: each tab edits.
 */

/** The lock name of document `id`. */
export const lockName = (id: string): string => `unet-studio-document:${id}`;

/** A held or awaited document lock. */
export interface DocumentLock {
  /** True when this tab holds the lock now. */
  readonly held: boolean;
  /** Resolves when this tab gets the lock (at once when `held`); never when released first. */
  readonly granted: Promise<void>;
  /** Gives the lock back (or stops waiting for it). */
  release(): void;
}

function locks(): LockManager | null {
  return typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : null;
}

/** Takes document `id`'s lock when it is free; otherwise waits for it until released. */
export async function acquireDocumentLock(id: string): Promise<DocumentLock> {
  const manager = locks();
  if (!manager) return { held: true, granted: Promise.resolve(), release: () => undefined };
  let release = (): void => undefined;
  const releasing = new Promise<void>((resolve) => {
    release = resolve;
  });
  const abort = new AbortController();
  const now = await new Promise<boolean>((answer) => {
    void manager
      .request(lockName(id), { ifAvailable: true }, async (lock) => {
        answer(lock !== null);
        if (lock) await releasing;
      })
      .catch(() => answer(false));
  });
  if (now) return { held: true, granted: Promise.resolve(), release };
  const granted = new Promise<void>((resolve) => {
    manager
      .request(lockName(id), { signal: abort.signal }, async () => {
        resolve();
        await releasing;
      })
      .catch(() => undefined);
  });
  return {
    held: false,
    granted,
    release: () => {
      abort.abort();
      release();
    },
  };
}

/**
 * Runs `run` while holding document `id`'s lock; returns false without running it when another tab
 * holds the lock (the document is open there).
 */
export async function whileUnlocked(id: string, run: () => Promise<void>): Promise<boolean> {
  const manager = locks();
  if (!manager) {
    await run();
    return true;
  }
  return manager.request(lockName(id), { ifAvailable: true }, async (lock) => {
    if (!lock) return false;
    await run();
    return true;
  });
}
