/**
 * Seeded synthetic segmentation data: discs, rectangles and triangles on noise. Binary (every
 * shape is foreground) or multi-class (class = shape kind: 1 disc, 2 rectangle, 3 triangle).
 * Shapes are brighter than the background, so a small U-Net learns the task in a few epochs.
 */
import type { SegmentationData } from './dataset';
import { labelsToTargets } from './dataset';
import { createRandom, type Random } from './random';

/** The shape kinds, in class order (class 1 = disc…). */
export const SHAPE_KINDS = ['disc', 'rectangle', 'triangle'] as const;

/** Options of {@link makeSyntheticShapes}. */
export interface SyntheticShapesOptions {
  readonly count: number;
  /** `[height, width]`. */
  readonly size: readonly [number, number];
  /** Input channels (grey: 1, RGB: 3, any count works). Default 3. */
  readonly channels?: number;
  /** 1 for a binary mask (default), or 2…4: background plus the first classes − 1 shape kinds. */
  readonly classes?: number;
  readonly seed?: number;
  /** Standard deviation of the pixel noise (default 0.1). */
  readonly noise?: number;
  /** Shapes per image: 1 … maxShapes (default 3). */
  readonly maxShapes?: number;
}

type Inside = (r: number, c: number) => boolean;

function randomShape(
  kind: (typeof SHAPE_KINDS)[number],
  h: number,
  w: number,
  rng: Random,
): Inside {
  const m = Math.min(h, w);
  const cy = rng.uniform(0.15, 0.85) * h;
  const cx = rng.uniform(0.15, 0.85) * w;
  if (kind === 'disc') {
    const rad = rng.uniform(0.1, 0.22) * m;
    return (r, c) => (r + 0.5 - cy) ** 2 + (c + 0.5 - cx) ** 2 <= rad * rad;
  }
  if (kind === 'rectangle') {
    const hh = rng.uniform(0.08, 0.2) * h;
    const hw = rng.uniform(0.08, 0.2) * w;
    return (r, c) => Math.abs(r + 0.5 - cy) <= hh && Math.abs(c + 0.5 - cx) <= hw;
  }
  const rad = rng.uniform(0.14, 0.28) * m;
  const turn = rng.uniform(0, (2 * Math.PI) / 3);
  const pts = [0, 1, 2].map(
    (i) =>
      [
        cy + rad * Math.sin(turn + (i * 2 * Math.PI) / 3),
        cx + rad * Math.cos(turn + (i * 2 * Math.PI) / 3),
      ] as const,
  );
  const [a, b, c] = pts as [
    readonly [number, number],
    readonly [number, number],
    readonly [number, number],
  ];
  const side = (p: readonly [number, number], q: readonly [number, number], y: number, x: number) =>
    (q[1] - p[1]) * (y - p[0]) - (q[0] - p[0]) * (x - p[1]);
  return (r, col) => {
    const y = r + 0.5;
    const x = col + 0.5;
    const s1 = side(a, b, y, x);
    const s2 = side(b, c, y, x);
    const s3 = side(c, a, y, x);
    return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
  };
}

/**
 * Generates `count` images with their masks. The same options always give the same data.
 *
 * @example const data = makeSyntheticShapes({ count: 64, size: [64, 64], seed: 1 });
 */
export function makeSyntheticShapes(options: SyntheticShapesOptions): SegmentationData {
  const { count, size } = options;
  const [h, w] = size;
  const channels = options.channels ?? 3;
  const classes = options.classes ?? 1;
  const noise = options.noise ?? 0.1;
  const maxShapes = options.maxShapes ?? 3;
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`count must be a positive integer, got ${count}`);
  if (!(Number.isInteger(h) && Number.isInteger(w) && h >= 4 && w >= 4))
    throw new Error(`size must be two integers ≥ 4, got [${size.join(', ')}]`);
  if (!Number.isInteger(channels) || channels < 1)
    throw new Error(`channels must be a positive integer, got ${channels}`);
  if (!Number.isInteger(classes) || classes < 1 || classes > SHAPE_KINDS.length + 1)
    throw new Error(`classes must be 1 … ${SHAPE_KINDS.length + 1}, got ${classes}`);
  const kinds = classes === 1 ? SHAPE_KINDS : SHAPE_KINDS.slice(0, classes - 1);
  const rng = createRandom(options.seed ?? 0);
  const pixels = h * w;
  const x = new Float32Array(count * pixels * channels);
  const labels = new Uint8Array(count * pixels);
  for (let n = 0; n < count; n++) {
    const base = Array.from({ length: channels }, () => rng.uniform(0.1, 0.35));
    const img = x.subarray(n * pixels * channels, (n + 1) * pixels * channels);
    const lab = labels.subarray(n * pixels, (n + 1) * pixels);
    for (let p = 0; p < pixels; p++)
      for (let ch = 0; ch < channels; ch++) img[p * channels + ch] = base[ch]!;
    const shapes = rng.int(1, maxShapes + 1);
    for (let s = 0; s < shapes; s++) {
      const kindIndex = rng.int(0, kinds.length);
      const inside = randomShape(kinds[kindIndex]!, h, w, rng);
      const colour = base.map((b) => Math.min(1, b + rng.uniform(0.35, 0.6)));
      for (let r = 0; r < h; r++) {
        for (let c = 0; c < w; c++) {
          if (!inside(r, c)) continue;
          const p = r * w + c;
          lab[p] = classes === 1 ? 1 : kindIndex + 1;
          for (let ch = 0; ch < channels; ch++) img[p * channels + ch] = colour[ch]!;
        }
      }
    }
    for (let i = 0; i < img.length; i++)
      img[i] = Math.min(1, Math.max(0, img[i]! + noise * rng.normal()));
  }
  return {
    count,
    inputShape: [h, w, channels],
    targetShape: [h, w, classes === 1 ? 1 : classes],
    classes,
    x,
    y: labelsToTargets(labels, classes),
  };
}
