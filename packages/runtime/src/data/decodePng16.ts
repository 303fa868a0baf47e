/**
 * A 16-bit PNG decoder in plain TypeScript (pako for the zlib stream), for the browser, whose
 * `createImageBitmap` reduces 16 bits to 8 by scaling: a mask of class indices stored in 16 bits
 * (0, 1, 2 …) would turn black. Values are kept as they are when every colour sample is below
 * 256 (class indices), otherwise scaled to 8 bits, as the Node decoder does.
 */
import pako from 'pako';
import type { DecodedImage } from './imageOps';
import { checkImagePixels } from './imageLimits';

const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 4: 2, 6: 4 };

/** True for PNG bytes whose IHDR says 16 bits per sample. */
export function isPng16(bytes: Uint8Array): boolean {
  const sig = [137, 80, 78, 71, 13, 10, 26, 10];
  return bytes.length > 24 && sig.every((b, i) => bytes[i] === b) && bytes[24] === 16;
}

const u32 = (b: Uint8Array, at: number): number =>
  ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Undoes the per-row filters in place; returns the raw rows without their filter bytes. */
function unfilter(data: Uint8Array, height: number, stride: number, bpp: number): Uint8Array {
  const out = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = data[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    const prev = row - stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? out[row + x - bpp]! : 0;
      const b = y > 0 ? out[prev + x]! : 0;
      const c = x >= bpp && y > 0 ? out[prev + x - bpp]! : 0;
      const v = data[src + x]!;
      let r: number;
      if (filter === 0) r = v;
      else if (filter === 1) r = v + a;
      else if (filter === 2) r = v + b;
      else if (filter === 3) r = v + ((a + b) >> 1);
      else if (filter === 4) r = v + paeth(a, b, c);
      else throw new Error(`row ${y} has an unknown filter type ${filter}`);
      out[row + x] = r & 255;
    }
  }
  return out;
}

/** Compressed bytes fed to the inflater at a time, so that an oversized stream stops early. */
const FEED = 64 * 1024;

/**
 * Inflates `compressed` into exactly `expected` bytes. A stream that would give more (a
 * decompression bomb inside an image of allowed size) is refused as soon as it passes `expected`,
 * without holding the excess; one that gives less is truncated.
 */
export function inflateBounded(compressed: Uint8Array, expected: number): Uint8Array {
  const out = new Uint8Array(expected);
  let filled = 0;
  let over = false;
  const inflator = new pako.Inflate({ chunkSize: FEED });
  inflator.onData = (chunk: Uint8Array) => {
    if (over) return;
    if (filled + chunk.length > expected) over = true;
    else {
      out.set(chunk, filled);
      filled += chunk.length;
    }
  };
  inflator.onEnd = () => undefined;
  for (let at = 0; at < compressed.length && !over; at += FEED) {
    const last = at + FEED >= compressed.length;
    inflator.push(compressed.subarray(at, at + FEED), last);
    if (inflator.err) throw new Error(`corrupt image data (${inflator.msg || 'inflate failed'})`);
  }
  if (over)
    throw new Error(
      `the image data inflates to more than the ${expected} bytes its header declares`,
    );
  if (filled < expected) throw new Error('truncated image data');
  return out;
}

/**
 * Decodes a non-interlaced 16-bit PNG (grey, grey + alpha, RGB or RGBA) to 8-bit RGBA.
 *
 * @throws when the data is truncated or corrupt, interlaced, or not a 16-bit PNG.
 */
export function decodePng16(bytes: Uint8Array): DecodedImage {
  if (!isPng16(bytes)) throw new Error('not a 16-bit PNG');
  let at = 8;
  let width = 0;
  let height = 0;
  let colorType = -1;
  const idat: Uint8Array[] = [];
  while (at + 8 <= bytes.length) {
    const length = u32(bytes, at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (body.length !== length) throw new Error(`truncated ${type} chunk`);
    if (type === 'IHDR') {
      width = u32(body, 0);
      height = u32(body, 4);
      colorType = body[9]!;
      if (body[12] !== 0)
        throw new Error('interlaced 16-bit PNGs are not read; save it without interlacing');
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  const channels = CHANNELS[colorType];
  if (channels === undefined) throw new Error(`16-bit PNG of colour type ${colorType}`);
  checkImagePixels(width, height);
  const joined = new Uint8Array(idat.reduce((n, c) => n + c.length, 0));
  idat.reduce((n, c) => (joined.set(c, n), n + c.length), 0);
  const stride = width * channels * 2;
  const inflated = inflateBounded(joined, height * (stride + 1));
  const raw = unfilter(inflated, height, stride, channels * 2);
  const n = width * height;
  const sample = (p: number, c: number): number =>
    (raw[(p * channels + c) * 2]! << 8) | raw[(p * channels + c) * 2 + 1]!;
  const colour = channels >= 3 ? 3 : 1;
  let max = 0;
  for (let p = 0; p < n; p++) for (let c = 0; c < colour; c++) max = Math.max(max, sample(p, c));
  const to8 = (v: number): number => (max < 256 ? v : Math.round(v / 257));
  const data = new Uint8Array(n * 4);
  for (let p = 0; p < n; p++) {
    const r = to8(sample(p, 0));
    data[p * 4] = r;
    data[p * 4 + 1] = colour === 3 ? to8(sample(p, 1)) : r;
    data[p * 4 + 2] = colour === 3 ? to8(sample(p, 2)) : r;
    data[p * 4 + 3] =
      channels === 2 || channels === 4 ? Math.round(sample(p, channels - 1) / 257) : 255;
  }
  return { width, height, data };
}
