/**
 * The right column's width: clamped to a usable range and remembered in localStorage, where a
 * hostile or stale value is ignored.
 */

/** Where the width is remembered. */
export const SIDEBAR_WIDTH_KEY = 'unet-studio.sidebar-width';
/** The width of a first visit. */
export const DEFAULT_SIDEBAR_WIDTH = 360;
/** The narrowest the column may be dragged. */
export const MIN_SIDEBAR_WIDTH = 280;
/** The widest the column may be dragged. */
export const MAX_SIDEBAR_WIDTH = 720;

/** `width` rounded into the allowed range; the default for anything not a finite number. */
export function clampSidebarWidth(width: number): number {
  if (!Number.isFinite(width)) return DEFAULT_SIDEBAR_WIDTH;
  return Math.round(Math.min(MAX_SIDEBAR_WIDTH, Math.max(MIN_SIDEBAR_WIDTH, width)));
}

/** The remembered width, or the default when none (or an unreadable one) is stored. */
export function readSidebarWidth(storage: Pick<Storage, 'getItem'> | undefined): number {
  try {
    const raw = storage?.getItem(SIDEBAR_WIDTH_KEY);
    if (!raw || raw.length > 12) return DEFAULT_SIDEBAR_WIDTH;
    return clampSidebarWidth(Number(raw));
  } catch {
    return DEFAULT_SIDEBAR_WIDTH;
  }
}

/** Remembers `width`; a storage that refuses (private mode, quota) is not an error. */
export function writeSidebarWidth(
  storage: Pick<Storage, 'setItem'> | undefined,
  width: number,
): void {
  try {
    storage?.setItem(SIDEBAR_WIDTH_KEY, String(clampSidebarWidth(width)));
  } catch {
    // Nothing to do: the width just is not remembered.
  }
}
