/**
 * Data sets that come split: a folder with `train/` and `val/` (or `validation/`) and optionally
 * `test/` sub-folders, each of them a folder of images and masks. The split is taken as it is:
 * nothing is shuffled between the sets.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SegmentationData } from '../data/dataset';

/** The sub-folders of a split data set (absolute paths). */
export interface SplitFolders {
  readonly train: string;
  readonly val: string | null;
  readonly test: string | null;
}

const isDir = async (path: string) => (await stat(path).catch(() => null))?.isDirectory() === true;

/** The split sub-folders of `dir`, or null when it has no `train/` folder. */
export async function findSplitFolders(dir: string): Promise<SplitFolders | null> {
  const train = join(dir, 'train');
  if (!(await isDir(train))) return null;
  let val: string | null = null;
  for (const name of ['val', 'validation', 'valid'])
    if (val === null && (await isDir(join(dir, name)))) val = join(dir, name);
  const test = (await isDir(join(dir, 'test'))) ? join(dir, 'test') : null;
  return { train, val, test };
}

/** A loaded split: the training set, and the validation and test sets when present. */
export interface LoadedSplit {
  readonly data: SegmentationData;
  readonly validation?: SegmentationData;
  readonly test?: SegmentationData;
  readonly lines: string[];
}

/**
 * Loads each folder of `split` with `load` and names the sets in the report lines.
 */
export async function loadSplit(
  split: SplitFolders,
  load: (dir: string) => Promise<{ data: SegmentationData; lines: string[] }>,
): Promise<LoadedSplit> {
  const train = await load(split.train);
  const lines = ['split: train/ for training', ...train.lines.map((l) => `train: ${l}`)];
  const out: { validation?: SegmentationData; test?: SegmentationData } = {};
  if (split.val !== null) {
    const val = await load(split.val);
    out.validation = val.data;
    lines.push('split: val/ for validation', ...val.lines.map((l) => `val: ${l}`));
  }
  if (split.test !== null) {
    const test = await load(split.test);
    out.test = test.data;
    lines.push('split: test/ for testing', ...test.lines.map((l) => `test: ${l}`));
  }
  return { data: train.data, ...out, lines };
}
