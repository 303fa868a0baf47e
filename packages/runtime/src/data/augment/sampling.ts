/**
 * Resampling a channels-last image at given source coordinates: bilinear for images, nearest
 * for masks and weight maps (labels must never be blended), with mirrored borders so a warped
 * sample has no empty corners and image and mask are extended the same way.
 */

/**
 * Mirrors an index into `[0, n)` without repeating the edge pixel (numpy's `reflect`): −1 → 1,
 * n → n − 2. Works for any distance outside, by folding repeatedly.
 */
export function reflectIndex(i: number, n: number): number {
  if (n <= 1) return 0;
  const period = 2 * (n - 1);
  let k = i % period;
  if (k < 0) k += period;
  return k < n ? k : period - k;
}

/** Source coordinates, one pair per output pixel (row-major), in pixel units of the source. */
export interface CoordinateMap {
  readonly height: number;
  readonly width: number;
  /** Column (x) of the source point of each output pixel. */
  readonly sx: Float32Array;
  /** Row (y) of the source point of each output pixel. */
  readonly sy: Float32Array;
}

/**
 * Bilinear sample of `src` (`srcH × srcW × channels`, channels last) at `map`'s coordinates.
 * Integer coordinates give the source values exactly.
 */
export function sampleBilinear(
  src: Float32Array,
  srcH: number,
  srcW: number,
  channels: number,
  map: CoordinateMap,
): Float32Array {
  const out = new Float32Array(map.height * map.width * channels);
  for (let p = 0; p < map.sx.length; p++) {
    const fx = map.sx[p]!;
    const fy = map.sy[p]!;
    const x0 = Math.floor(fx);
    const y0 = Math.floor(fy);
    const wx = fx - x0;
    const wy = fy - y0;
    const xa = reflectIndex(x0, srcW);
    const xb = reflectIndex(x0 + 1, srcW);
    const ya = reflectIndex(y0, srcH);
    const yb = reflectIndex(y0 + 1, srcH);
    const i00 = (ya * srcW + xa) * channels;
    const i01 = (ya * srcW + xb) * channels;
    const i10 = (yb * srcW + xa) * channels;
    const i11 = (yb * srcW + xb) * channels;
    for (let c = 0; c < channels; c++) {
      const top = src[i00 + c]! * (1 - wx) + src[i01 + c]! * wx;
      const bottom = src[i10 + c]! * (1 - wx) + src[i11 + c]! * wx;
      out[p * channels + c] = top * (1 - wy) + bottom * wy;
    }
  }
  return out;
}

/** Nearest-neighbour sample (whole pixel vectors copied: one-hot targets stay one-hot). */
export function sampleNearest(
  src: Float32Array,
  srcH: number,
  srcW: number,
  channels: number,
  map: CoordinateMap,
): Float32Array {
  const out = new Float32Array(map.height * map.width * channels);
  for (let p = 0; p < map.sx.length; p++) {
    const x = reflectIndex(Math.round(map.sx[p]!), srcW);
    const y = reflectIndex(Math.round(map.sy[p]!), srcH);
    const from = (y * srcW + x) * channels;
    for (let c = 0; c < channels; c++) out[p * channels + c] = src[from + c]!;
  }
  return out;
}
