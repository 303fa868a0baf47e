/**
 * Valid-padding networks (the original U-Net: 572×572 in, 388×388 out) predict only the centre of
 * their input. Their targets are the matching centre of the masks, as in the paper's overlap-tile
 * training: this module crops targets (and per-pixel weights) to the output size.
 */
import type { SegmentationData } from './dataset';

/** Copies the centre `out` window of a channels-last sample of spatial size `full`. */
function cropSample(
  src: Float32Array,
  srcOffset: number,
  full: readonly number[],
  out: readonly number[],
  channels: number,
  dst: Float32Array,
  dstOffset: number,
): void {
  const begin = full.map((n, i) => Math.floor((n - out[i]!) / 2));
  if (full.length === 1) {
    const start = srcOffset + begin[0]! * channels;
    dst.set(src.subarray(start, start + out[0]! * channels), dstOffset);
    return;
  }
  const [h, w] = [out[0]!, out[1]!];
  const rowLen = w * channels;
  for (let r = 0; r < h; r++) {
    const start = srcOffset + ((r + begin[0]!) * full[1]! + begin[1]!) * channels;
    dst.set(src.subarray(start, start + rowLen), dstOffset + r * rowLen);
  }
}

/**
 * `data` with targets (and weights) centre-cropped to `outputSpatial`, or `data` itself when the
 * sizes already agree or the output is not smaller on every axis (the caller reports that).
 *
 * @example cropTargetsTo(data, [388, 388]) // for the original U-Net at 572×572
 */
export function cropTargetsTo(
  data: SegmentationData,
  outputSpatial: readonly (number | null)[],
): SegmentationData {
  const full = data.targetShape.slice(0, -1);
  const k = data.targetShape[data.targetShape.length - 1]!;
  if (outputSpatial.length !== full.length) return data;
  const out = outputSpatial.map((d, i) => d ?? full[i]!);
  const same = out.every((d, i) => d === full[i]);
  const smaller = out.every((d, i) => d >= 1 && d <= full[i]!);
  if (same || !smaller) return data;
  const fullPixels = full.reduce((a, b) => a * b, 1);
  const outPixels = out.reduce((a, b) => a * b, 1);
  const y = new Float32Array(data.count * outPixels * k);
  const weights = data.weights ? new Float32Array(data.count * outPixels) : undefined;
  for (let s = 0; s < data.count; s++) {
    cropSample(data.y, s * fullPixels * k, full, out, k, y, s * outPixels * k);
    if (weights && data.weights) {
      cropSample(data.weights, s * fullPixels, full, out, 1, weights, s * outPixels);
    }
  }
  return { ...data, targetShape: [...out, k], y, ...(weights ? { weights } : {}) };
}
