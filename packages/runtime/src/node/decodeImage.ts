/**
 * Image decoding in Node: PNG (pngjs), JPEG (jpeg-js) and GIF (omggif, first frame), chosen by
 * the file's magic bytes rather than its name. Every file is treated as hostile: sizes are
 * checked from the headers (`guardImageDecoder`) before pixels are allocated, and decoder
 * failures become one clear message.
 */
import jpeg from 'jpeg-js';
import { GifReader } from 'omggif';
import { PNG } from 'pngjs';
import type { DecodedImage } from '../data/imageOps';
import { guardImageDecoder, MAX_IMAGE_PIXELS, sniffImageFormat } from '../data/imageLimits';

export { MAX_IMAGE_PIXELS, sniffImageFormat };

function decodePng(bytes: Uint8Array): DecodedImage {
  const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return {
    width: png.width,
    height: png.height,
    data: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength),
  };
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
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return Promise.reject(new Error(`${name}: corrupt ${format!.toUpperCase()} data (${reason})`));
  }
  return Promise.reject(new Error(`${name}: not a PNG, JPEG or GIF file`));
}

const guarded = guardImageDecoder(decodeUnguarded);

/**
 * Decodes PNG, JPEG or GIF bytes to RGBA. The headers are checked against the pixel limit
 * (every GIF frame, every JPEG frame header) before decoding. Throws an Error whose message
 * says what is wrong (unknown format, truncated or corrupt data, too large).
 *
 * @param name - Used in messages only.
 */
export function decodeImageNode(bytes: Uint8Array, name = 'image'): Promise<DecodedImage> {
  return guarded(bytes, name);
}
