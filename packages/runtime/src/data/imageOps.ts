/**
 * Pixel work on decoded images, in plain TypeScript: resizing (bilinear for images, nearest for
 * masks, both with half-pixel centres), conversion to model inputs, and mask values to labels.
 */

/** A decoded image: 8-bit RGBA, row-major. */
export interface DecodedImage {
  readonly width: number;
  readonly height: number;
  /** `width × height × 4` bytes. */
  readonly data: Uint8Array;
}

/** Turns file bytes into a decoded image; throws with a reason when the bytes are not a readable image. */
export type ImageDecoder = (bytes: Uint8Array, name: string) => Promise<DecodedImage>;

/** Bilinear resize of an RGBA image (half-pixel centres, edge clamping). */
export function resizeBilinear(img: DecodedImage, width: number, height: number): DecodedImage {
  if (img.width === width && img.height === height) return img;
  const out = new Uint8Array(width * height * 4);
  const sy = img.height / height;
  const sx = img.width / width;
  for (let y = 0; y < height; y++) {
    const fy = Math.min(Math.max((y + 0.5) * sy - 0.5, 0), img.height - 1);
    const y0 = Math.floor(fy);
    const y1 = Math.min(y0 + 1, img.height - 1);
    const wy = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(Math.max((x + 0.5) * sx - 0.5, 0), img.width - 1);
      const x0 = Math.floor(fx);
      const x1 = Math.min(x0 + 1, img.width - 1);
      const wx = fx - x0;
      for (let c = 0; c < 4; c++) {
        const at = (yy: number, xx: number) => img.data[(yy * img.width + xx) * 4 + c]!;
        const top = at(y0, x0) * (1 - wx) + at(y0, x1) * wx;
        const bottom = at(y1, x0) * (1 - wx) + at(y1, x1) * wx;
        out[(y * width + x) * 4 + c] = Math.round(top * (1 - wy) + bottom * wy);
      }
    }
  }
  return { width, height, data: out };
}

/** Nearest-neighbour resize of one value per pixel (labels), half-pixel centres. */
export function resizeNearest<T extends Uint8Array | Float32Array>(
  values: T,
  fromW: number,
  fromH: number,
  width: number,
  height: number,
): T {
  if (fromW === width && fromH === height) return values;
  const out = new (values.constructor as new (n: number) => T)(width * height);
  for (let y = 0; y < height; y++) {
    const sy = Math.min(fromH - 1, Math.floor(((y + 0.5) * fromH) / height));
    for (let x = 0; x < width; x++) {
      const sx = Math.min(fromW - 1, Math.floor(((x + 0.5) * fromW) / width));
      out[y * width + x] = values[sy * fromW + sx]!;
    }
  }
  return out;
}

/**
 * Model input values in [0, 1], `height × width × channels`: 1 channel = luminance (Rec. 601),
 * 3 = RGB, 4 = RGBA.
 */
export function imageToInput(img: DecodedImage, channels: 1 | 3 | 4): Float32Array {
  const n = img.width * img.height;
  const out = new Float32Array(n * channels);
  for (let p = 0; p < n; p++) {
    const r = img.data[p * 4]!;
    const g = img.data[p * 4 + 1]!;
    const b = img.data[p * 4 + 2]!;
    if (channels === 1) out[p] = (0.299 * r + 0.587 * g + 0.114 * b) / 255;
    else for (let c = 0; c < channels; c++) out[p * channels + c] = img.data[p * 4 + c]! / 255;
  }
  return out;
}

/**
 * Mask pixel values → class labels. `binary`: 0/255 masks (foreground above 127) and 0/1 masks
 * (foreground above 0) are both understood; `indices`: the grey value is the class index, which
 * must be below `classes`. Colour masks use the brightest channel.
 *
 * @returns The labels, or a reason the mask does not fit.
 */
export function maskToLabels(
  img: DecodedImage,
  mode: 'binary' | 'indices',
  classes: number,
): { labels: Uint8Array } | { error: string } {
  const n = img.width * img.height;
  const grey = new Uint8Array(n);
  let max = 0;
  for (let p = 0; p < n; p++) {
    const v = Math.max(img.data[p * 4]!, img.data[p * 4 + 1]!, img.data[p * 4 + 2]!);
    grey[p] = v;
    if (v > max) max = v;
  }
  if (mode === 'binary') {
    const cut = max <= 1 ? 0 : 127;
    return { labels: grey.map((v) => (v > cut ? 1 : 0)) };
  }
  if (max >= classes)
    return { error: `mask holds value ${max}, not a class index below ${classes}` };
  return { labels: grey };
}
