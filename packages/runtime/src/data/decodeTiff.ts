/**
 * TIFF decoding (baseline TIFF: uncompressed, LZW, PackBits, Deflate; 8- and 16-bit grey, RGB,
 * RGBA, palette) with UTIF (utif2, pure JavaScript, so it runs in Node and in the browser). The
 * first image of the file is read. 16-bit values are kept as they are when all are below 256
 * (masks of class indices), otherwise scaled to 8 bits. Sizes are checked before decoding.
 */
import './tiffInflate';
import UTIF from 'utif2';
import type { DecodedImage } from './imageOps';
import { checkImagePixels, sniffImageFormat } from './imageLimits';

/** True when `bytes` start with a TIFF signature (`II*\0` or `MM\0*`). */
export const isTiff = (bytes: Uint8Array): boolean => sniffImageFormat(bytes) === 'tiff';

const first = (tag: unknown): number | undefined =>
  Array.isArray(tag) && typeof tag[0] === 'number' ? tag[0] : undefined;

/** One-channel 16-bit samples as grey RGBA, kept when all are below 256, else scaled. */
function grey16(ifd: UTIF.IFD, bigEndian: boolean, width: number, height: number): DecodedImage {
  const raw = ifd.data;
  const n = width * height;
  if (raw.length < n * 2) throw new Error('TIFF image data is truncated');
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const values = new Uint16Array(n);
  let max = 0;
  for (let p = 0; p < n; p++) {
    values[p] = view.getUint16(p * 2, !bigEndian);
    if (values[p]! > max) max = values[p]!;
  }
  const data = new Uint8Array(n * 4);
  for (let p = 0; p < n; p++) {
    const v = max < 256 ? values[p]! : Math.round(values[p]! / 257);
    data.set([v, v, v, 255], p * 4);
  }
  return { width, height, data };
}

/**
 * Decodes TIFF bytes to RGBA.
 *
 * @throws an Error saying what is wrong (no image, too large, unsupported or corrupt data).
 */
export function decodeTiff(bytes: Uint8Array): DecodedImage {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const ifd = UTIF.decode(buffer as ArrayBuffer)[0];
  if (ifd === undefined) throw new Error('TIFF file holds no image');
  const width = first(ifd.t256) ?? 0;
  const height = first(ifd.t257) ?? 0;
  checkImagePixels(width, height, 'TIFF image');
  UTIF.decodeImage(buffer as ArrayBuffer, ifd);
  const samples = first(ifd.t277) ?? 1;
  const bits = first(ifd.t258) ?? 1;
  if (samples === 1 && bits === 16) return grey16(ifd, bytes[0] === 0x4d, width, height);
  const rgba = UTIF.toRGBA8(ifd);
  if (rgba.length !== width * height * 4)
    throw new Error('TIFF decoded to the wrong number of pixels');
  return { width, height, data: new Uint8Array(rgba.buffer, rgba.byteOffset, rgba.byteLength) };
}
