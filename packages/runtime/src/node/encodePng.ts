/**
 * PNG encoding in Node (pngjs) for predicted masks.
 */
import { PNG } from 'pngjs';

/**
 * Encodes one 8-bit value per pixel as an RGBA PNG with R = G = B = value and opaque alpha, which
 * every viewer shows as greyscale and every decoder reads back unchanged.
 */
export function encodeGreyPng(values: Uint8Array, width: number, height: number): Uint8Array {
  if (values.length !== width * height)
    throw new Error(`${values.length} values for a ${width}×${height} image`);
  const png = new PNG({ width, height });
  for (let p = 0; p < values.length; p++) {
    const v = values[p]!;
    png.data[p * 4] = v;
    png.data[p * 4 + 1] = v;
    png.data[p * 4 + 2] = v;
    png.data[p * 4 + 3] = 255;
  }
  return new Uint8Array(PNG.sync.write(png));
}
