/**
 * Own images in the browser as the command line reads a folder: `train/`, `val/` and `test/`
 * folders taken as the split when the training folder pairs on its own, and masks coded as grey
 * values, the Pascal VOC palette, or RGB colour codes with one legend read from every mask.
 */
import type { SegmentationData } from './dataset';
import type { ImageDecoder } from './imageOps';
import type { ImageDatasetOptions, ImageDatasetReport } from './imageDataset';
import { guardImageDecoder } from './imageLimits';
import { legendFromMasks, type MaskCoding, type PackedColor } from './maskColors';
import { pairImageFiles, type SkippedFile } from './pairing';
import { decodeImageInBrowser, readImageFiles, type FileLike } from './browserImages';
import { splitPaths, type SplitSet } from './splitPaths';

/** How masks code classes, as the command line's `--masks`. */
export type MaskCodingName = 'values' | 'voc' | 'rgb';

/** Options of {@link readImageSet}. */
export interface ImageSetOptions extends Omit<ImageDatasetOptions, 'maskCoding'> {
  /** Default `values`. */
  readonly masks?: MaskCodingName;
  /**
   * With `masks: 'rgb'`: known colours (a design's classes), class i = colors[i]; colours the
   * masks hold besides them follow as further classes, black first then by frequency.
   */
  readonly colors?: readonly PackedColor[];
}

/** What {@link readImageSet} read. */
export interface ImageSet {
  /** The training set (every pair when the files are not split); null when no pair could be used. */
  readonly data: SegmentationData | null;
  /** The `val/` set of split files. */
  readonly validation?: SegmentationData;
  /** The `test/` set of split files. */
  readonly test?: SegmentationData;
  /** Pairs used (all sets) and the files skipped, with reasons. */
  readonly report: ImageDatasetReport;
  /** Pairs used per set, when the files came split. */
  readonly split?: Readonly<Record<SplitSet, number>>;
  /** With `masks: 'rgb'`: the colours found, class i = colours[i] (black first). */
  readonly colors?: readonly PackedColor[];
}

/** The legend of the masks among `files` (every set's, so a colour is one class everywhere). */
async function readLegend(
  files: ReadonlyMap<string, FileLike>,
  decode: ImageDecoder,
): Promise<PackedColor[] | { error: string }> {
  const masks = [];
  for (const pair of pairImageFiles([...files.keys()]).pairs) {
    try {
      masks.push(
        await decode(new Uint8Array(await files.get(pair.mask)!.arrayBuffer()), pair.mask),
      );
    } catch {
      // Reported with its reason when the set is built.
    }
  }
  const legend = legendFromMasks(masks);
  return 'error' in legend ? legend : [...legend.colors];
}

/**
 * Reads picked files into training (and validation, test) sets.
 *
 * @param decode - Defaults to {@link decodeImageInBrowser}.
 * @throws when the RGB masks hold too many colours to be a colour code.
 */
export async function readImageSet(
  files: readonly FileLike[],
  options: ImageSetOptions,
  decode: ImageDecoder = decodeImageInBrowser,
): Promise<ImageSet> {
  const guarded = guardImageDecoder(decode);
  const byPath = new Map<string, FileLike>();
  for (const f of files) byPath.set(f.webkitRelativePath || f.name, f);
  let colors: PackedColor[] | undefined;
  let coding: MaskCoding = options.masks === 'voc' ? 'voc' : 'values';
  if (options.masks === 'rgb') {
    const legend = await readLegend(byPath, guarded);
    if ('error' in legend) throw new Error(legend.error);
    const known = options.colors ?? [];
    colors = [...known, ...legend.filter((c) => !known.includes(c))];
    coding = { colors };
  }
  const dataOptions: ImageDatasetOptions = { ...options, maskCoding: coding };
  const pick = (paths: readonly string[]) => paths.map((p) => byPath.get(p)!);
  const split = splitPaths([...byPath.keys()]);
  // Carvana's train/ + train_masks/ is no split: train/ must pair on its own.
  if (split === null || pairImageFiles(split.train).pairs.length === 0) {
    const all = await readImageFiles(files, dataOptions, guarded);
    return { ...all, ...(colors ? { colors } : {}) };
  }
  const train = await readImageFiles(pick(split.train), dataOptions, guarded);
  const val = await readImageFiles(pick(split.val), dataOptions, guarded);
  const test = await readImageFiles(pick(split.test), dataOptions, guarded);
  const outside: SkippedFile[] = split.outside.map((file) => ({
    file,
    reason: 'outside the train/, val/ and test/ folders',
  }));
  return {
    data: train.data,
    ...(val.data ? { validation: val.data } : {}),
    ...(test.data ? { test: test.data } : {}),
    report: {
      used: train.report.used + val.report.used + test.report.used,
      skipped: [...train.report.skipped, ...val.report.skipped, ...test.report.skipped, ...outside],
    },
    split: { train: train.report.used, val: val.report.used, test: test.report.used },
    ...(colors ? { colors } : {}),
  };
}
