/**
 * Image + mask data sets from browser `File` objects (a folder picked with
 * `<input type="file" webkitdirectory>` or dropped files), decoded with `createImageBitmap` and
 * an `OffscreenCanvas` behind the same {@link ImageDecoder} interface the Node decoder implements.
 */
import type { SegmentationData } from './dataset';
import { decodePng16, isPng16 } from './decodePng16';
import { decodeTiff, isTiff } from './decodeTiff';
import type { DecodedImage, ImageDecoder } from './imageOps';
import {
  buildImageDataset,
  type ImageDatasetOptions,
  type ImageDatasetReport,
} from './imageDataset';
import { guardImageDecoder } from './imageLimits';
import { pairImageFiles } from './pairing';

/** The part of a browser `File` this module uses. */
export interface FileLike {
  readonly name: string;
  /** Set for files picked from a folder (`folder/images/a.png`). */
  readonly webkitRelativePath?: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

// The DOM types are not in this package's lib; these are the members used.
interface Bitmap {
  readonly width: number;
  readonly height: number;
  close(): void;
}
interface Canvas2D {
  drawImage(image: Bitmap, x: number, y: number): void;
  getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
}
interface BrowserGlobals {
  createImageBitmap?: (
    blob: Blob,
    options?: { colorSpaceConversion?: 'none'; premultiplyAlpha?: 'none' },
  ) => Promise<Bitmap>;
  OffscreenCanvas?: new (w: number, h: number) => { getContext(kind: '2d'): Canvas2D | null };
}

// The browser's decoders (TIFF with utif2), unguarded: used only through decodeImageInBrowser below.
const decodeUnguarded: ImageDecoder = async (bytes, name) => {
  // Browsers have no TIFF decoder of their own.
  if (isTiff(bytes)) {
    try {
      return decodeTiff(bytes);
    } catch (error) {
      throw new Error(
        `${name}: corrupt TIFF data (${error instanceof Error ? error.message : String(error)})`,
      );
    }
  }
  // The browser scales 16 bits to 8, which turns 16-bit class-index masks black.
  if (isPng16(bytes)) {
    try {
      return decodePng16(bytes);
    } catch (error) {
      throw new Error(
        `${name}: corrupt PNG data (${error instanceof Error ? error.message : String(error)})`,
      );
    }
  }
  const g = globalThis as BrowserGlobals;
  if (g.createImageBitmap === undefined || g.OffscreenCanvas === undefined) {
    throw new Error(
      'this environment has no createImageBitmap/OffscreenCanvas to decode images with',
    );
  }
  let bitmap: Bitmap;
  try {
    // Copy into a plain ArrayBuffer: a view over a SharedArrayBuffer is not a valid BlobPart.
    // Mask values must come out as stored: no colour management, no premultiplied alpha.
    bitmap = await g.createImageBitmap(new Blob([new Uint8Array(bytes).buffer]), {
      colorSpaceConversion: 'none',
      premultiplyAlpha: 'none',
    });
  } catch (error) {
    throw new Error(
      `${name}: not a readable image (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  try {
    const ctx = new g.OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d');
    if (ctx === null) throw new Error('no 2D canvas context');
    ctx.drawImage(bitmap, 0, 0);
    const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    return {
      width: bitmap.width,
      height: bitmap.height,
      data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    } satisfies DecodedImage;
  } finally {
    bitmap.close();
  }
};

/**
 * Decodes PNG, JPEG or GIF bytes with the browser's own decoders (TIFF with utif2, 16-bit PNG
 * with {@link decodePng16}), once their
 * headers passed
 * the pixel limit ({@link guardImageDecoder}).
 *
 * @throws when the browser lacks `createImageBitmap`/`OffscreenCanvas`, the image is too large,
 *   or the bytes cannot be decoded.
 */
export const decodeImageInBrowser: ImageDecoder = guardImageDecoder(decodeUnguarded);

/**
 * Pairs, decodes and assembles browser files into a data set, reporting unusable files.
 *
 * @param decode - Defaults to {@link decodeImageInBrowser}.
 */
export async function readImageFiles(
  files: readonly FileLike[],
  options: ImageDatasetOptions,
  decode: ImageDecoder = decodeImageInBrowser,
): Promise<{ data: SegmentationData | null; report: ImageDatasetReport }> {
  const byPath = new Map<string, FileLike>();
  for (const f of files) byPath.set(f.webkitRelativePath || f.name, f);
  const { pairs, skipped } = pairImageFiles([...byPath.keys()]);
  const read = async (path: string) => new Uint8Array(await byPath.get(path)!.arrayBuffer());
  return buildImageDataset(pairs, read, decode, options, skipped);
}
