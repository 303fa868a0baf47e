/**
 * Builds a data set from paired image and mask files: reads and decodes them (any decoder, so
 * Node files and browser File objects share this code), checks sizes, resizes and maps mask
 * values. Files that cannot be used are reported with the reason, never dropped silently.
 */
import { checkAllocation } from './allocation';
import type { SegmentationData } from './dataset';
import { labelsToTargets } from './dataset';
import type { ImageDecoder } from './imageOps';
import { imageToInput, resizeBilinear, resizeNearest } from './imageOps';
import { guardImageDecoder } from './imageLimits';
import { maskLabelsFor, type MaskCoding } from './maskColors';
import type { ImagePair, SkippedFile } from './pairing';

/** Options of {@link buildImageDataset}. */
export interface ImageDatasetOptions {
  /** Size every sample is resized to: `[height, width]`. */
  readonly size: readonly [number, number];
  /** Input channels (default 3). */
  readonly channels?: 1 | 3 | 4;
  /** 1 = binary masks (default); ≥ 2 = masks hold class indices. */
  readonly classes?: number;
  /** How mask pixels become classes (default `values`: grey values as above). */
  readonly maskCoding?: MaskCoding;
}

/** What happened to the files. */
export interface ImageDatasetReport {
  readonly used: number;
  /** Files not used (unpaired, undecodable, size mismatch, bad mask values), with reasons. */
  readonly skipped: readonly SkippedFile[];
}

/**
 * Decodes and assembles the pairs. `data` is null when no pair could be used.
 *
 * @param read - Returns a file's bytes by the path given in the pair.
 */
export async function buildImageDataset(
  pairs: readonly ImagePair[],
  read: (path: string) => Promise<Uint8Array>,
  decode: ImageDecoder,
  options: ImageDatasetOptions,
  alreadySkipped: readonly SkippedFile[] = [],
): Promise<{ data: SegmentationData | null; report: ImageDatasetReport }> {
  const [height, width] = options.size;
  const channels = options.channels ?? 3;
  const classes = options.classes ?? 1;
  checkAllocation(`${pairs.length} image(s) resized to ${width}×${height}`, [
    pairs.length,
    height,
    width,
    Math.max(channels, classes, 4),
  ]);
  const skipped: SkippedFile[] = [...alreadySkipped];
  const inputs: Float32Array[] = [];
  const labels: Uint8Array[] = [];
  const names: string[] = [];
  // Whatever decoder is given, the headers pass the pixel limit before it runs.
  const guarded = guardImageDecoder(decode);
  const load = async (path: string) => {
    try {
      return await guarded(await read(path), path);
    } catch (error) {
      skipped.push({
        file: path,
        reason: `cannot be decoded: ${error instanceof Error ? error.message : String(error)}`,
      });
      return null;
    }
  };
  for (const pair of pairs) {
    const image = await load(pair.image);
    const mask = await load(pair.mask);
    if (image === null || mask === null) continue;
    if (image.width !== mask.width || image.height !== mask.height) {
      skipped.push({
        file: pair.mask,
        reason: `mask is ${mask.width}×${mask.height} but its image ${pair.image} is ${image.width}×${image.height}`,
      });
      continue;
    }
    const mapped = maskLabelsFor(mask, options.maskCoding ?? 'values', classes);
    if ('error' in mapped) {
      skipped.push({ file: pair.mask, reason: mapped.error });
      continue;
    }
    inputs.push(imageToInput(resizeBilinear(image, width, height), channels));
    labels.push(resizeNearest(mapped.labels, mask.width, mask.height, width, height));
    names.push(pair.key);
  }
  if (inputs.length === 0) return { data: null, report: { used: 0, skipped } };
  const pixels = height * width;
  const x = new Float32Array(inputs.length * pixels * channels);
  inputs.forEach((v, i) => x.set(v, i * pixels * channels));
  const allLabels = new Uint8Array(labels.length * pixels);
  labels.forEach((v, i) => allLabels.set(v, i * pixels));
  const k = classes === 1 ? 1 : classes;
  return {
    data: {
      count: inputs.length,
      inputShape: [height, width, channels],
      targetShape: [height, width, k],
      classes,
      x,
      y: labelsToTargets(allLabels, classes),
      names,
    },
    report: { used: inputs.length, skipped },
  };
}
