/**
 * Prediction at an image's full size, whatever size the network takes. The image is cut into
 * tiles the network accepts, each predicted on its own, and the tiles' probabilities are put
 * back together:
 * - valid-padding networks (output smaller than input by a border): the overlap-tile strategy
 *   of the U-Net paper, input tiles reaching `border` pixels past their output tile into the
 *   mirrored image, so the output tiles join without seams;
 * - same-padding networks: overlapping tiles blended with a smooth window;
 * - one tile covering the whole image when the network takes any size and it fits in `maxPixels`.
 */
import * as tf from '@tensorflow/tfjs';
import { headOf, predict } from '../build/predict';
import { reflectIndex } from '../data/augment/sampling';
import {
  acceptsSize,
  networkGeometry,
  outputSizeFor,
  validAtLeast,
  type NetworkGeometry,
} from './tileGeometry';
import { blendWindow, planAxis, type AxisPlan } from './tilePlan';

/** How to tile: `auto`, `off` (one pass over the whole image), or an input tile size `[H, W]`. */
export type TileMode = 'auto' | 'off' | readonly [number, number];

/** Options of {@link predictFullSize}. */
export interface FullSizeOptions {
  /** Default `auto`: the whole image when the network takes any size and it fits, else tiles. */
  readonly tile?: TileMode;
  /** Overlap of neighbouring output tiles in pixels (default: half a same-padding tile, 0 for valid padding). */
  readonly overlap?: number;
  /** Largest input, in pixels, predicted in one pass under `auto` (default 512 × 512, so the activations of a wide network stay in memory). */
  readonly maxPixels?: number;
  /** Decision threshold of a one-class output (default 0.5). */
  readonly threshold?: number;
}

/** An image as model input values, channels last. */
export interface InputImage {
  readonly height: number;
  readonly width: number;
  readonly channels: number;
  readonly data: Float32Array;
}

/** A full-size prediction. */
export interface FullSizePrediction {
  readonly height: number;
  readonly width: number;
  /** Output channels (1 = binary). */
  readonly classes: number;
  /** `height × width × classes` probabilities. */
  readonly probabilities: Float32Array;
  /** Class index per pixel (binary: 0/1). */
  readonly labels: Uint8Array;
  /** The tiles used: input tile size, output tile size, count per axis, overlap per axis. */
  readonly tiling: {
    readonly input: readonly [number, number];
    readonly output: readonly [number, number];
    readonly tiles: readonly [number, number];
    readonly overlap: readonly [number, number];
  };
}

/** Default input tile side under `auto` when the whole image is too large. */
const AUTO_TILE = 256;

/** The input tile size for `mode`. */
function chooseTile(
  model: tf.LayersModel,
  g: NetworkGeometry,
  image: InputImage,
  mode: TileMode,
  maxPixels: number,
): [number, number] {
  if (Array.isArray(mode)) {
    const size: [number, number] = [mode[0] as number, mode[1] as number];
    if (!acceptsSize(g, size)) {
      const want = g.fixed
        ? `only ${g.fixed.join('×')}`
        : `${g.rules!.map((r) => r.text).join(', ')}; nearest: ${size.map((n, i) => validAtLeast(n, g.rules![i])).join('×')}`;
      throw new Error(`the model does not take ${size.join('×')} tiles: it takes ${want}`);
    }
    return size;
  }
  if (g.fixed) return [g.fixed[0], g.fixed[1]];
  // The border of a valid-padding network, measured at its smallest accepted size.
  const probe: [number, number] = [validAtLeast(1, g.rules?.[0]), validAtLeast(1, g.rules?.[1])];
  if (probe[0] < 2 || probe[1] < 2) probe.fill(Math.max(64, g.modulus[0], g.modulus[1]));
  const out = outputSizeFor(model, g, probe);
  const border = [(probe[0] - out[0]) / 2, (probe[1] - out[1]) / 2];
  const whole: [number, number] = [
    validAtLeast(image.height + 2 * border[0]!, g.rules?.[0]),
    validAtLeast(image.width + 2 * border[1]!, g.rules?.[1]),
  ];
  if (mode === 'off' || whole[0] * whole[1] <= maxPixels) return whole;
  return [
    Math.min(whole[0], validAtLeast(AUTO_TILE + 2 * border[0]!, g.rules?.[0])),
    Math.min(whole[1], validAtLeast(AUTO_TILE + 2 * border[1]!, g.rules?.[1])),
  ];
}

/** Copies the input tile starting at image row `y0`, column `x0` (mirrored outside the image). */
function readTile(image: InputImage, y0: number, x0: number, h: number, w: number): Float32Array {
  const c = image.channels;
  const out = new Float32Array(h * w * c);
  for (let y = 0; y < h; y++) {
    const sy = reflectIndex(y0 + y, image.height);
    for (let x = 0; x < w; x++) {
      const from = (sy * image.width + reflectIndex(x0 + x, image.width)) * c;
      out.set(image.data.subarray(from, from + c), (y * w + x) * c);
    }
  }
  return out;
}

/** Progress of a tiled prediction: tiles done out of all. */
export interface TileProgress {
  readonly done: number;
  readonly total: number;
}

/** Largest number of tiles predicted in one batch. */
const MAX_BATCH = 64;

/**
 * {@link predictFullSize} one batch of tiles at a time: yields the progress after each batch and
 * returns the prediction, so a caller can report progress, let other work in between, or stop
 * early (by not asking for the next step). Tiles go through the network in batches whose pixels
 * stay within `maxPixels`, the size of one whole-image pass.
 *
 * @throws as {@link predictFullSize}.
 */
export function* predictFullSizeSteps(
  model: tf.LayersModel,
  image: InputImage,
  options: FullSizeOptions = {},
): Generator<TileProgress, FullSizePrediction, void> {
  const g = networkGeometry(model);
  if (g.channels !== image.channels)
    throw new Error(`the model takes ${g.channels} channel(s); the image has ${image.channels}`);
  const mode = options.tile ?? 'auto';
  const maxPixels = options.maxPixels ?? 512 * 512;
  const [th, tw] = chooseTile(model, g, image, mode, maxPixels);
  const [oh, ow] = outputSizeFor(model, g, [th, tw]);
  const same = th === oh && tw === ow;
  const overlap = options.overlap ?? (same ? Math.floor(Math.min(oh, ow) / 2) : 0);
  const rows: AxisPlan = planAxis(image.height, th, oh, overlap, g.modulus[0]);
  const cols: AxisPlan = planAxis(image.width, tw, ow, overlap, g.modulus[1]);
  if (mode === 'off' && rows.starts.length * cols.starts.length > 1)
    throw new Error(
      `the model takes only ${th}×${tw} inputs (${oh}×${ow} out), too small for this ${image.height}×${image.width} image in one pass: use tiling or resizing`,
    );
  const head = headOf(model);
  const { height: H, width: W } = image;
  const tiles = rows.starts.flatMap((_, ky) => cols.starts.map((__, kx) => [ky, kx] as const));
  const batch = Math.max(1, Math.min(MAX_BATCH, Math.floor(maxPixels / (th * tw))));
  const rowWindows = rows.starts.map((_, k) => blendWindow(rows, k));
  const colWindows = cols.starts.map((_, k) => blendWindow(cols, k));
  let classes = 0;
  let sum = new Float32Array(0);
  const weight = new Float32Array(H * W);
  const tileSize = th * tw * g.channels;
  for (let first = 0; first < tiles.length; first += batch) {
    const group = tiles.slice(first, first + batch);
    const input = new Float32Array(group.length * tileSize);
    group.forEach(([ky, kx], i) =>
      input.set(
        readTile(image, rows.starts[ky]! - rows.border, cols.starts[kx]! - cols.border, th, tw),
        i * tileSize,
      ),
    );
    const probs = tf.tidy(() => {
      const x = tf.tensor4d(input, [group.length, th, tw, g.channels]);
      const { probabilities, mask } = predict(model, x, {
        head,
        ...(options.threshold === undefined ? {} : { threshold: options.threshold }),
      });
      mask.dispose();
      return probabilities.dataSync() as Float32Array;
    });
    if (classes === 0) {
      classes = probs.length / (group.length * oh * ow);
      sum = new Float32Array(H * W * classes);
    }
    group.forEach(([ky, kx], i) => {
      const [y0, x0, wy, wx] = [
        rows.starts[ky]!,
        cols.starts[kx]!,
        rowWindows[ky]!,
        colWindows[kx]!,
      ];
      const offset = i * oh * ow * classes;
      for (let y = 0; y < oh && y0 + y < H; y++) {
        for (let x = 0; x < ow && x0 + x < W; x++) {
          const w = wy[y]! * wx[x]!;
          if (w === 0) continue;
          const p = (y0 + y) * W + x0 + x;
          weight[p] = weight[p]! + w;
          for (let c = 0; c < classes; c++)
            sum[p * classes + c] =
              sum[p * classes + c]! + w * probs[offset + (y * ow + x) * classes + c]!;
        }
      }
    });
    yield { done: first + group.length, total: tiles.length };
  }
  const labels = new Uint8Array(H * W);
  const threshold = options.threshold ?? 0.5;
  for (let p = 0; p < H * W; p++) {
    let best = 0;
    for (let c = 0; c < classes; c++) {
      const v = (sum[p * classes + c]! /= weight[p]!);
      if (v > sum[p * classes + best]!) best = c;
    }
    labels[p] = classes === 1 ? (sum[p]! > threshold ? 1 : 0) : best;
  }
  return {
    height: H,
    width: W,
    classes,
    probabilities: sum,
    labels,
    tiling: {
      input: [th, tw],
      output: [oh, ow],
      tiles: [rows.starts.length, cols.starts.length],
      overlap: [rows.overlap, cols.overlap],
    },
  };
}

/**
 * Predicts `image` at its full size with `model` (a 2D segmentation model).
 *
 * @throws when the model is not a 2D model taking `image.channels` channels, a tile size is not
 *   accepted, or `tile: 'off'` asks a fixed-size model for another size.
 * @example const p = predictFullSize(model, { height: 500, width: 700, channels: 1, data }, { tile: 'auto' });
 */
export function predictFullSize(
  model: tf.LayersModel,
  image: InputImage,
  options: FullSizeOptions = {},
): FullSizePrediction {
  const steps = predictFullSizeSteps(model, image, options);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}
