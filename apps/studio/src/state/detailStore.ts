/**
 * The canvas's level of detail. Below a readable zoom (`DETAIL_ZOOM`: node texts under about
 * 4 px) the canvas draws nodes by colour, name and problem badge only, without their shape and
 * parameter lines, and hides the edge labels, as node editors do when zoomed out (ComfyUI,
 * LiteGraph's low-quality mode). Texts that follow the compiler are then not written at all: a
 * write that falls due while the canvas is zoomed out is kept (one per element, the latest wins)
 * and done when the canvas zooms back in. An edit of the input size on a zoomed-out 500-node design
 * so costs no DOM writes, and the frame after it no layout of a thousand texts.
 */

/** The zoom below which node and edge texts are not drawn. */
export const DETAIL_ZOOM = 0.4;

/** Whether the canvas draws texts, and the writes held back while it does not. */
export interface DetailStore {
  /** True while the canvas is zoomed out below `DETAIL_ZOOM`. */
  isCoarse(): boolean;
  /** Sets the level of detail; switching to full detail does the writes held back. */
  setCoarse(coarse: boolean): void;
  /**
   * Runs `write` now at full detail; while coarse, keeps it under `key` (replacing an earlier one)
   * until full detail returns.
   */
  write(key: object, write: () => void): void;
  /** Forgets the write kept under `key` (its element is gone). */
  forget(key: object): void;
}

/** A level-of-detail store, at full detail. */
export function createDetailStore(): DetailStore {
  let coarse = false;
  const held = new Map<object, () => void>();
  return {
    isCoarse: () => coarse,
    setCoarse(next) {
      if (next === coarse) return;
      coarse = next;
      if (coarse) return;
      const due = [...held.values()];
      held.clear();
      for (const write of due) write();
    },
    write(key, write) {
      if (coarse) held.set(key, write);
      else write();
    },
    forget(key) {
      held.delete(key);
    },
  };
}
