/**
 * A pause gate: `wait()` resolves at once while open and holds while closed, until opened.
 */

/** An open/closed gate awaited between training batches. */
export interface Gate {
  readonly closed: boolean;
  close(): void;
  open(): void;
  /** Resolves when the gate is (or becomes) open. */
  wait(): Promise<void>;
}

/** A new, open gate. */
export function createGate(): Gate {
  let waiters: (() => void)[] = [];
  let closed = false;
  return {
    get closed() {
      return closed;
    },
    close() {
      closed = true;
    },
    open() {
      closed = false;
      const ready = waiters;
      waiters = [];
      ready.forEach((resolve) => resolve());
    },
    wait() {
      return closed ? new Promise<void>((resolve) => waiters.push(resolve)) : Promise.resolve();
    },
  };
}
