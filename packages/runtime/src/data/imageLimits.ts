/**
 * The pixel limit every image decoder goes through. Dimensions are read from the file's headers
 * (PNG IHDR; every JPEG frame header; the GIF screen and every frame descriptor; every TIFF
 * image directory) in one linear
 * pass, and checked before any decoder allocates or loops over pixels: a 35-byte GIF declaring a
 * 65535×65535 frame is refused at once instead of costing a minute of CPU. A format this module
 * cannot read headers of is refused, so a decoder added later must add its header reader here.
 */
import type { ImageDecoder } from './imageOps';

/** Largest image (or image frame) accepted, in pixels (64 megapixels). */
export const MAX_IMAGE_PIXELS = 64 * 1024 * 1024;

/** An image format the header reader knows. */
export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'tiff';

/** What the headers say: the format, the image size and every frame's size. */
export interface ImageHeader {
  readonly format: ImageFormat;
  readonly width: number;
  readonly height: number;
  /** Every frame (GIF), frame header (JPEG) or image directory (TIFF); the image itself for PNG. */
  readonly frames: readonly { readonly width: number; readonly height: number }[];
}

/** The format of some bytes, from their signature. */
export function sniffImageFormat(b: Uint8Array): ImageFormat | null {
  if (
    b.length >= 8 &&
    ((b[0] === 0x49 && b[1] === 0x49 && b[2] === 42 && b[3] === 0) ||
      (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 42))
  )
    return 'tiff';
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47)
    return 'png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 6 && b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38)
    return 'gif';
  return null;
}

const u16le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u16be = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u32be = (b: Uint8Array, at: number) => u16be(b, at) * 65536 + u16be(b, at + 2);

function truncated(format: string): Error {
  return new Error(`${format} file is truncated (its headers end early)`);
}

function pngHeader(b: Uint8Array): ImageHeader {
  if (b.length < 24) throw truncated('PNG');
  if (String.fromCharCode(b[12]!, b[13]!, b[14]!, b[15]!) !== 'IHDR')
    throw new Error('PNG file does not start with an IHDR chunk');
  const frame = { width: u32be(b, 16), height: u32be(b, 20) };
  return { format: 'png', ...frame, frames: [frame] };
}

/** Walks the JPEG markers up to the first scan, collecting every SOFn frame header. */
function jpegHeader(b: Uint8Array): ImageHeader {
  const frames: { width: number; height: number }[] = [];
  let at = 2;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) throw new Error(`JPEG marker expected at byte ${at}`);
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) break; // end of image, start of scan
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const length = u16be(b, at + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
    if (isFrame) {
      if (at + 9 > b.length) throw truncated('JPEG');
      frames.push({ height: u16be(b, at + 5), width: u16be(b, at + 7) });
    }
    at += 2 + length;
  }
  const first = frames[0];
  if (first === undefined) throw new Error('JPEG file has no frame header before its image data');
  return { format: 'jpeg', width: first.width, height: first.height, frames };
}

/** Skips GIF data sub-blocks (a size byte, then that many bytes, up to a zero size). */
function skipSubBlocks(b: Uint8Array, at: number): number {
  while (at < b.length && b[at] !== 0) at += 1 + b[at]!;
  if (at >= b.length) throw truncated('GIF');
  return at + 1;
}

/** Reads the GIF screen and every image descriptor (all frames), without decoding pixels. */
function gifHeader(b: Uint8Array): ImageHeader {
  if (b.length < 13) throw truncated('GIF');
  const flags = b[10]!;
  let at = 13 + (flags & 0x80 ? 3 * 2 ** ((flags & 7) + 1) : 0);
  const frames: { width: number; height: number }[] = [];
  while (at < b.length && b[at] !== 0x3b) {
    if (b[at] === 0x21) at = skipSubBlocks(b, at + 2);
    else if (b[at] === 0x2c) {
      if (at + 10 > b.length) throw truncated('GIF');
      frames.push({ width: u16le(b, at + 5), height: u16le(b, at + 7) });
      const local = b[at + 9]!;
      at = skipSubBlocks(b, at + 11 + (local & 0x80 ? 3 * 2 ** ((local & 7) + 1) : 0));
    } else throw new Error(`GIF block of unknown type 0x${b[at]!.toString(16)} at byte ${at}`);
  }
  if (frames.length === 0) throw new Error('GIF has no frames');
  return { format: 'gif', width: u16le(b, 6), height: u16le(b, 8), frames };
}

/** The most image directories a TIFF may chain (a loop or a hostile chain is refused). */
const MAX_TIFF_DIRECTORIES = 1024;

/**
 * Walks a TIFF's chain of image directories (each read once: a loop is refused) and reads every
 * directory's ImageWidth (256) and ImageLength (257) tags, SHORT or LONG.
 */
function tiffHeader(b: Uint8Array): ImageHeader {
  const little = b[0] === 0x49;
  const u16 = (at: number) => (little ? u16le(b, at) : u16be(b, at));
  const u32 = (at: number) => (little ? u16le(b, at) + u16le(b, at + 2) * 65536 : u32be(b, at));
  const frames: { width: number; height: number }[] = [];
  const seen = new Set<number>();
  let ifd = u32(4);
  while (ifd !== 0) {
    if (seen.has(ifd)) throw new Error(`TIFF image directories loop back to byte ${ifd}`);
    if (seen.size >= MAX_TIFF_DIRECTORIES)
      throw new Error(`TIFF has more than ${MAX_TIFF_DIRECTORIES} image directories`);
    seen.add(ifd);
    if (ifd + 2 > b.length) throw truncated('TIFF');
    const count = u16(ifd);
    if (ifd + 2 + count * 12 + 4 > b.length) throw truncated('TIFF');
    let width = 0;
    let height = 0;
    for (let i = 0; i < count; i++) {
      const entry = ifd + 2 + i * 12;
      const tag = u16(entry);
      if (tag !== 256 && tag !== 257) continue;
      const value = u16(entry + 2) === 3 ? u16(entry + 8) : u32(entry + 8);
      if (tag === 256) width = value;
      else height = value;
    }
    frames.push({ width, height });
    ifd = u32(ifd + 2 + count * 12);
  }
  const first = frames[0];
  if (first === undefined) throw new Error('TIFF file holds no image');
  return { format: 'tiff', width: first.width, height: first.height, frames };
}

/**
 * Reads an image's format and dimensions from its headers, in time linear in its length.
 *
 * @throws when the bytes are not PNG, JPEG, GIF or TIFF, or their headers are truncated or corrupt.
 */
export function readImageHeader(bytes: Uint8Array): ImageHeader {
  const format = sniffImageFormat(bytes);
  if (format === 'png') return pngHeader(bytes);
  if (format === 'jpeg') return jpegHeader(bytes);
  if (format === 'gif') return gifHeader(bytes);
  if (format === 'tiff') return tiffHeader(bytes);
  throw new Error('not a PNG, JPEG, GIF or TIFF file');
}

/**
 * Throws when `width × height` is not a positive size within {@link MAX_IMAGE_PIXELS}.
 *
 * @param what - Named in the message (`image`, `frame 3`).
 */
export function checkImagePixels(width: number, height: number, what = 'image'): void {
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0))
    throw new Error(`${what} has an invalid size ${width}×${height}`);
  if (width * height > MAX_IMAGE_PIXELS)
    throw new Error(
      `${what} is ${width}×${height} (${((width * height) / 1024 / 1024).toFixed(0)} MP), above the ${MAX_IMAGE_PIXELS / 1024 / 1024} MP limit`,
    );
}

/**
 * Wraps a decoder so that the headers are read and every frame checked against the pixel limit
 * before it runs, and its result checked after. Errors name the file.
 *
 * @example const decode = guardImageDecoder(rawDecoder);
 */
export function guardImageDecoder(decode: ImageDecoder): ImageDecoder {
  return async (bytes, name) => {
    let header: ImageHeader;
    try {
      header = readImageHeader(bytes);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const format = sniffImageFormat(bytes);
      throw new Error(
        format === null
          ? `${name}: ${reason}`
          : `${name}: corrupt ${format.toUpperCase()} data (${reason})`,
      );
    }
    try {
      checkImagePixels(header.width, header.height);
      header.frames.forEach((f, i) =>
        checkImagePixels(f.width, f.height, header.frames.length > 1 ? `frame ${i + 1}` : 'frame'),
      );
    } catch (error) {
      throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const image = await decode(bytes, name);
    checkImagePixels(image.width, image.height, `${name}: decoded image`);
    if (image.data.length !== image.width * image.height * 4)
      throw new Error(`${name}: decoded to the wrong number of pixels`);
    return image;
  };
}
