/**
 * When a document's next version is taken: the first time it is saved, then after every
 * {@link SNAPSHOT_EVERY_EDITS} saved edits, or {@link SNAPSHOT_EVERY_MS} after the last version
 * once anything changed.
 */

/** Saved edits between two versions. */
export const SNAPSHOT_EVERY_EDITS = 20;
/** Time between two versions while the user keeps editing. */
export const SNAPSHOT_EVERY_MS = 3 * 60_000;

/** Where a document stands since its last version. */
export interface SnapshotClock {
  /** Saved edits since the last version. */
  readonly edits: number;
  /** When the last version was taken, or null when it has none. */
  readonly lastAt: number | null;
}

/** True when a version should be taken now, after one more saved edit. */
export function snapshotDue(clock: SnapshotClock, now: number): boolean {
  if (clock.lastAt === null) return true;
  if (clock.edits >= SNAPSHOT_EVERY_EDITS) return true;
  return clock.edits > 0 && now - clock.lastAt >= SNAPSHOT_EVERY_MS;
}
