/**
 * Tile placement along one axis. Output tiles of `out` pixels start every `step` pixels (a
 * multiple of the network's downsampling, so every tile sees the same pooling grid as one large
 * input would); each input tile starts `border` pixels earlier and is `out + 2·border` long, read
 * from the image mirrored past its edges (the overlap-tile strategy of Ronneberger et al. 2015).
 */

/** The tiles along one axis. */
export interface AxisPlan {
  /** Output (image) position of each tile's first output pixel. */
  readonly starts: readonly number[];
  /** Output pixels per tile. */
  readonly out: number;
  /** Input pixels per tile (`out + 2·border`). */
  readonly input: number;
  readonly border: number;
  /** Pixels shared by neighbouring tiles (`out − step`, 0 for one tile; the last pair may share more). */
  readonly overlap: number;
}

/**
 * Places tiles over an axis of `length` pixels.
 *
 * @param overlap - Wanted overlap of neighbouring output tiles; the step is `out − overlap`
 *   rounded down to a multiple of `modulus`.
 * @throws when the overlap leaves no room for a step.
 */
export function planAxis(
  length: number,
  input: number,
  out: number,
  overlap: number,
  modulus: number,
): AxisPlan {
  const border = (input - out) / 2;
  if (!(out >= 1 && Number.isInteger(border) && border >= 0))
    throw new Error(
      `a ${input}-pixel input gives ${out} output pixels: tiling needs an output of the input's size or smaller by an even border`,
    );
  const m = Math.max(1, modulus);
  const step = Math.floor((out - Math.max(0, overlap)) / m) * m;
  if (step < 1)
    throw new Error(
      `an overlap of ${overlap} leaves no step on a ${out}-pixel output tile (steps are multiples of ${m}); lower --overlap or use larger tiles`,
    );
  const count = length <= out ? 1 : Math.ceil((length - out) / step) + 1;
  const starts = Array.from({ length: count }, (_, k) => k * step);
  // A same-padding network sees the image's own edge, not a mirrored one, when the last tile
  // ends flush with it (possible when that keeps the pooling grid).
  if (count > 1 && border === 0 && (length - out) % m === 0) starts[count - 1] = length - out;
  return { starts, out, input, border, overlap: count > 1 ? out - step : 0 };
}

/**
 * The blend weight of each output pixel of tile `k` along an axis: 1 inside, falling smoothly
 * (raised cosine) to 0 towards a side shared with a neighbour, 0 on the quarter of the overlap
 * nearest that side, where the tile's own edge effects are. Sides at the image edge keep 1.
 */
export function blendWindow(plan: AxisPlan, k: number): Float32Array {
  const w = new Float32Array(plan.out).fill(1);
  const start = plan.starts[k]!;
  const before = k > 0 ? plan.starts[k - 1]! + plan.out - start : 0;
  const after = k < plan.starts.length - 1 ? start + plan.out - plan.starts[k + 1]! : 0;
  const ramp = (d: number, ov: number) => {
    const lo = ov / 4;
    const hi = (3 * ov) / 4;
    if (d < lo) return 0;
    if (d >= hi) return 1;
    return 0.5 - 0.5 * Math.cos((Math.PI * (d - lo)) / (hi - lo));
  };
  for (let t = 0; t < plan.out; t++) {
    if (before > 0) w[t] = w[t]! * ramp(t + 0.5, before);
    if (after > 0) w[t] = w[t]! * ramp(plan.out - t - 0.5, after);
  }
  return w;
}
