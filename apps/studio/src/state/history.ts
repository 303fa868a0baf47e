/**
 * Undo/redo history as pure functions over an immutable record. A step is one transaction
 * (a drag, a paste, an auto-layout, a fix), never a single drag tick.
 */

/** How many steps are kept; older ones are dropped. */
export const HISTORY_LIMIT = 200;

/** One undoable step: the value before it and a label for the undo button's tooltip. */
export interface HistoryStep<T> {
  readonly value: T;
  readonly label: string;
}

/** The history of a value. `key` is the coalescing key of the last committed step. */
export interface History<T> {
  readonly past: readonly HistoryStep<T>[];
  readonly present: T;
  readonly future: readonly HistoryStep<T>[];
  readonly key: string | null;
}

/** A history that starts at `value` with nothing to undo. */
export function createHistory<T>(value: T): History<T> {
  return { past: [], present: value, future: [], key: null };
}

function pushPast<T>(past: readonly HistoryStep<T>[], step: HistoryStep<T>): HistoryStep<T>[] {
  const next = [...past, step];
  return next.length > HISTORY_LIMIT ? next.slice(next.length - HISTORY_LIMIT) : next;
}

/**
 * Records `next` as a new step labelled `label`. When `key` equals the previous step's key the two
 * steps merge (typing into one field is one step). Committing the present value changes nothing.
 */
export function commit<T>(h: History<T>, next: T, label: string, key?: string): History<T> {
  if (next === h.present) return h;
  if (key !== undefined && key === h.key && h.past.length > 0) {
    return { ...h, present: next, future: [] };
  }
  return {
    past: pushPast(h.past, { value: h.present, label }),
    present: next,
    future: [],
    key: key ?? null,
  };
}

/**
 * Records the change from `base` to the present value as one step: used at the end of a
 * transient sequence (drag ticks applied with `replacePresent`).
 */
export function commitFrom<T>(h: History<T>, base: T, label: string): History<T> {
  if (base === h.present) return h;
  return {
    past: pushPast(h.past, { value: base, label }),
    present: h.present,
    future: [],
    key: null,
  };
}

/** Replaces the present value without recording a step (a drag tick). */
export function replacePresent<T>(h: History<T>, next: T): History<T> {
  return next === h.present ? h : { ...h, present: next };
}

/** Steps back one transaction; a no-op when there is nothing to undo. */
export function undo<T>(h: History<T>): History<T> {
  const step = h.past[h.past.length - 1];
  if (!step) return h;
  return {
    past: h.past.slice(0, -1),
    present: step.value,
    future: [{ value: h.present, label: step.label }, ...h.future],
    key: null,
  };
}

/** Re-applies the last undone transaction; a no-op when there is nothing to redo. */
export function redo<T>(h: History<T>): History<T> {
  const [step, ...rest] = h.future;
  if (!step) return h;
  return {
    past: pushPast(h.past, { value: h.present, label: step.label }),
    present: step.value,
    future: rest,
    key: null,
  };
}

/** The label of the step `undo` would revert, or null. */
export function undoLabel<T>(h: History<T>): string | null {
  return h.past[h.past.length - 1]?.label ?? null;
}

/** The label of the step `redo` would re-apply, or null. */
export function redoLabel<T>(h: History<T>): string | null {
  return h.future[0]?.label ?? null;
}
