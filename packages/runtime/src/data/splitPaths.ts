/**
 * Picked files that come split: paths with a `train/` folder, and `val/` (or `validation/`,
 * `valid/`) and `test/` folders beside it, as the command line takes a folder with these
 * sub-folders. Pure path work, so the browser (which has paths, not folders) and tests share it.
 */

/** The sets of a split. */
export const SPLIT_SETS = ['train', 'val', 'test'] as const;
/** One set of a split. */
export type SplitSet = (typeof SPLIT_SETS)[number];

const FOLDERS: Readonly<Record<string, SplitSet>> = {
  train: 'train',
  val: 'val',
  validation: 'val',
  valid: 'val',
  test: 'test',
};

/** The set a path's folders put it in (its first split folder), or null. */
export function splitSetOf(path: string): SplitSet | null {
  const folders = path.replace(/\\/g, '/').split('/').slice(0, -1);
  for (const f of folders) {
    const set = FOLDERS[f.toLowerCase()];
    if (set !== undefined) return set;
  }
  return null;
}

/** Paths grouped by set, and those outside every split folder. */
export interface PathSplit {
  readonly train: readonly string[];
  readonly val: readonly string[];
  readonly test: readonly string[];
  readonly outside: readonly string[];
}

/**
 * Groups `paths` by split folder.
 *
 * @returns The groups, or null when no path lies in a `train/` folder (the files are one set).
 * @example splitPaths(['d/train/images/a.png', 'd/val/images/b.png'])?.val // ['d/val/images/b.png']
 */
export function splitPaths(paths: readonly string[]): PathSplit | null {
  const groups: Record<SplitSet | 'outside', string[]> = {
    train: [],
    val: [],
    test: [],
    outside: [],
  };
  for (const p of paths) groups[splitSetOf(p) ?? 'outside'].push(p);
  return groups.train.length === 0 ? null : groups;
}
