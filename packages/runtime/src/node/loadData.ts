/**
 * One entry point for command-line data: `synthetic` or a folder of images and masks, shaped for
 * a model, with a line for every file that could not be used.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { SegmentationData } from '../data/dataset';
import { DEFAULT_SYNTHETIC_SAMPLES } from '../data/defaults';
import { syntheticFor, type SampleSpec } from '../data/syntheticFor';
import { colorHex, type MaskCoding } from '../data/maskColors';
import { readImageFolder } from './imageFolder';
import { readMaskLegend } from './maskLegend';
import { findSplitFolders, loadSplit } from './splitFolders';

/** Options of {@link loadSegmentationData}. */
export interface LoadDataOptions {
  /** Synthetic samples (default {@link DEFAULT_SYNTHETIC_SAMPLES}). */
  readonly samples?: number;
  readonly seed?: number;
  /** Folder paths are resolved against this (default: the process's). */
  readonly cwd?: string;
  /**
   * How masks code classes: grey `values` (default), the Pascal VOC palette (`voc`), or RGB
   * colour codes (`rgb`, the legend read from the folder's masks).
   */
  readonly masks?: 'values' | 'voc' | 'rgb';
  /** With `masks: 'rgb'`: the legend's colours (`0xRRGGBB`, class i = colours[i]) instead of reading it. */
  readonly colors?: readonly number[];
}

/**
 * Loads `source` (`synthetic` or a folder) for a model taking `spec`.
 *
 * @returns The data and report lines (what was read, each skipped file and why).
 * @throws when the folder is missing, holds no usable pair, or a 1D model is given image files.
 */
export async function loadSegmentationData(
  source: string,
  spec: SampleSpec,
  options: LoadDataOptions = {},
): Promise<{
  data: SegmentationData;
  /** The `val/` set of a split folder. */
  validation?: SegmentationData;
  /** The `test/` set of a split folder. */
  test?: SegmentationData;
  lines: string[];
}> {
  if (source === 'synthetic') {
    const count = options.samples ?? DEFAULT_SYNTHETIC_SAMPLES;
    const data = syntheticFor(spec, count, options.seed ?? 0);
    const what = spec.size.length === 2 ? 'images (shapes on noise)' : 'signals (pulses on noise)';
    return {
      data,
      lines: [
        `data: ${count} synthetic ${what}, ${spec.size.join('×')}×${spec.channels}, ${spec.classes === 1 ? 'binary' : `${spec.classes} classes`}`,
      ],
    };
  }
  const dir = resolve(options.cwd ?? process.cwd(), source);
  const info = await stat(dir).catch(() => null);
  if (info === null || !info.isDirectory())
    throw new Error(
      `${source}: no such folder (give a folder of images and masks, or "synthetic")`,
    );
  if (spec.size.length !== 2)
    throw new Error(
      `${source}: this model is 1D; image folders need a 2D model (use --data synthetic for 1D)`,
    );
  const channels = spec.channels;
  if (channels !== 1 && channels !== 3 && channels !== 4)
    throw new Error(`the model takes ${channels} input channels; images give 1, 3 or 4`);
  const split = await findSplitFolders(dir);
  if (split !== null) {
    // One legend for all sets, so a colour is the same class in each.
    const colors =
      options.masks === 'rgb' && options.colors === undefined
        ? (await readMaskLegend([split.train, split.val, split.test])).colors
        : options.colors;
    return loadSplit(split, (sub) =>
      loadSegmentationData(sub, spec, { ...options, ...(colors ? { colors } : {}) }),
    );
  }
  let maskCoding: MaskCoding = options.masks === 'voc' ? 'voc' : 'values';
  const legendLines: string[] = [];
  if (options.masks === 'rgb' && options.colors !== undefined)
    maskCoding = { colors: options.colors };
  else if (options.masks === 'rgb') {
    const legend = await readMaskLegend([dir]);
    maskCoding = { colors: legend.colors };
    legendLines.push(
      `legend: ${legend.colors.map((c, i) => `${legend.names[i]} ${colorHex(c)}`).join(', ')}`,
    );
  }
  const { data, report } = await readImageFolder(dir, {
    size: [spec.size[0]!, spec.size[1]!],
    channels,
    classes: spec.classes,
    maskCoding,
  });
  const lines = [...legendLines, ...report.skipped.map((s) => `skipped ${s.file}: ${s.reason}`)];
  if (data === null)
    throw new Error(
      `${source}: no usable image/mask pair${lines.length > 0 ? `\n${lines.join('\n')}` : ''}`,
    );
  lines.unshift(
    `data: ${data.count} image/mask pairs from ${source}, resized to ${spec.size.join('×')}${report.skipped.length > 0 ? `, ${report.skipped.length} file(s) skipped` : ''}`,
  );
  return { data, lines };
}
