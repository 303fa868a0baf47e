/**
 * Image decoding in Node: PNG (pngjs), JPEG (jpeg-js), GIF (omggif, first frame) and TIFF
 * (utif2, first image), chosen by
 * the file's magic bytes rather than its name. Every file is treated as hostile: sizes are
 * checked from the headers (`guardImageDecoder`) before pixels are allocated, and decoder
 * failures become one clear message.
 */
import jpeg from 'jpeg-js';
import { GifReader } from 'omggif';
import { PNG } from 'pngjs';
import { decodeTiff } from '../data/decodeTiff';
import type { DecodedImage } from '../data/imageOps';
import { guardImageDecoder, MAX_IMAGE_PIXELS, sniffImageFormat } from '../data/imageLimits';

export { MAX_IMAGE_PIXELS, sniffImageFormat };

function decodePng(bytes: Uint8Array): DecodedImage {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Bit depth is byte 24 (in IHDR); the header guard has already read and checked the size.
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
  return { width: img.width, height: img.height, data: img.data };
}

function decodeGif(bytes: Uint8Array): DecodedImage {
  const reader = new GifReader(bytes);
  if (reader.numFrames() < 1) throw new Error('GIF has no frames');
  const data = new Uint8Array(reader.width * reader.height * 4);
  reader.decodeAndBlitFrameRGBA(0, data);
  return { width: reader.width, height: reader.height, data };
}

function decodeUnguarded(bytes: Uint8Array, name: string): Promise<DecodedImage> {
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

const guarded = guardImageDecoder(decodeUnguarded);

/**
 * Decodes PNG, JPEG, GIF or TIFF bytes to RGBA. The headers are checked against the pixel limit
 * (every GIF frame, every JPEG frame header, every TIFF image) before decoding. Throws an Error whose message
 * says what is wrong (unknown format, truncated or corrupt data, too large).
 *
 * @param name - Used in messages only.
 */
export function decodeImageNode(bytes: Uint8Array, name = 'image'): Promise<DecodedImage> {
  return guarded(bytes, name);
}
