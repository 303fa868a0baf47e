/**
 * Image decoding in Node: PNG (pngjs), JPEG (jpeg-js), GIF (omggif, first frame) and TIFF
 * (utif2, first image), chosen by
 * the file's magic bytes rather than its name. Every file is treated as hostile: sizes are
 * checked before pixels are allocated and decoder failures become one clear message.
 */
import jpeg from 'jpeg-js';
import { GifReader } from 'omggif';
import { PNG } from 'pngjs';
import { decodeTiff, isTiff } from '../data/decodeTiff';
import type { DecodedImage } from '../data/imageOps';

/** Largest image accepted, in pixels (64 megapixels). */
export const MAX_IMAGE_PIXELS = 64 * 1024 * 1024;

/** The format of some bytes, from their signature. */
export function sniffImageFormat(bytes: Uint8Array): 'png' | 'jpeg' | 'gif' | 'tiff' | null {
  if (isTiff(bytes)) return 'tiff';
  if (
    bytes.length >= 8 &&
    bytes[0] === 0x89 &&
    bytes[1] === 0x50 &&
    bytes[2] === 0x4e &&
    bytes[3] === 0x47
  )
    return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return 'jpeg';
  if (
    bytes.length >= 6 &&
    bytes[0] === 0x47 &&
    bytes[1] === 0x49 &&
    bytes[2] === 0x46 &&
    bytes[3] === 0x38
  )
    return 'gif';
  return null;
}

function checkSize(width: number, height: number): void {
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0))
    throw new Error(`invalid image size ${width}×${height}`);
  if (width * height > MAX_IMAGE_PIXELS)
    throw new Error(
      `image is ${width}×${height}, above the ${MAX_IMAGE_PIXELS / 1024 / 1024} MP limit`,
    );
}

function decodePng(bytes: Uint8Array): DecodedImage {
  // The IHDR chunk holds width and height at bytes 16–23.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 24) throw new Error('PNG file is truncated');
  checkSize(view.getUint32(16), view.getUint32(20));
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes[24] === 16) return decodePng16(PNG.sync.read(buffer, { skipRescale: true }));
  const png = PNG.sync.read(buffer);
  return {
    width: png.width,
    height: png.height,
    data: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength),
  };
}

/**
 * A 16-bit PNG: values kept as they are when all colour samples are below 256 (masks of class
 * indices, which rescaling would zero), otherwise scaled to 8 bits.
 */
function decodePng16(png: {
  width: number;
  height: number;
  data: ArrayLike<number>;
}): DecodedImage {
  const n = png.width * png.height * 4;
  let max = 0;
  for (let i = 0; i < n; i++) if (i % 4 !== 3 && png.data[i]! > max) max = png.data[i]!;
  const data = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = png.data[i]!;
    data[i] = i % 4 === 3 ? Math.round(v / 257) : max < 256 ? v : Math.round(v / 257);
  }
  return { width: png.width, height: png.height, data };
}

function decodeJpeg(bytes: Uint8Array): DecodedImage {
  const img = jpeg.decode(bytes, {
    useTArray: true,
    formatAsRGBA: true,
    maxResolutionInMP: MAX_IMAGE_PIXELS / 1e6,
    maxMemoryUsageInMB: 1024,
  });
  checkSize(img.width, img.height);
  if (img.data.length !== img.width * img.height * 4)
    throw new Error('JPEG decoded to the wrong number of pixels');
  return { width: img.width, height: img.height, data: img.data };
}

function decodeGif(bytes: Uint8Array): DecodedImage {
  const reader = new GifReader(bytes);
  checkSize(reader.width, reader.height);
  if (reader.numFrames() < 1) throw new Error('GIF has no frames');
  const data = new Uint8Array(reader.width * reader.height * 4);
  reader.decodeAndBlitFrameRGBA(0, data);
  return { width: reader.width, height: reader.height, data };
}

/**
 * Decodes PNG, JPEG or GIF bytes to RGBA. Throws an Error whose message says what is wrong
 * (unknown format, truncated or corrupt data, too large).
 *
 * @param name - Used in messages only.
 */
export function decodeImageNode(bytes: Uint8Array, name = 'image'): Promise<DecodedImage> {
  const format = sniffImageFormat(bytes);
  try {
    if (format === 'png') return Promise.resolve(decodePng(bytes));
    if (format === 'jpeg') return Promise.resolve(decodeJpeg(bytes));
    if (format === 'gif') return Promise.resolve(decodeGif(bytes));
    if (format === 'tiff') return Promise.resolve(decodeTiff(bytes));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return Promise.reject(new Error(`${name}: corrupt ${format!.toUpperCase()} data (${reason})`));
  }
  return Promise.reject(new Error(`${name}: not a PNG, JPEG, GIF or TIFF file`));
}
