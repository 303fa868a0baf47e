/**
 * PNG text chunks: writes the design into an exported PNG as a compressed iTXt chunk and reads it
 * back when the image is dropped on the canvas (PNG spec §11.3.4). Reading treats the file as
 * hostile: every length is bounds-checked and every CRC verified.
 */
import { fromUtf8, unzlibCapped, utf8, zlib } from './bytes';

/** The keyword under which the design is stored. */
export const PNG_DESIGN_KEYWORD = 'unet-studio/design';

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as PNG computes it (over chunk type and data). */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** True when `bytes` starts with the PNG signature. */
export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && SIGNATURE.every((b, i) => bytes[i] === b);
}

interface Chunk {
  readonly type: string;
  readonly start: number;
  readonly data: Uint8Array;
}

function chunks(png: Uint8Array): Chunk[] {
  if (!isPng(png)) throw new Error('the file is not a PNG image');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const out: Chunk[] = [];
  let at = 8;
  while (at + 12 <= png.length) {
    const length = view.getUint32(at);
    if (at + 12 + length > png.length) throw new Error('a PNG chunk runs past the end of the file');
    const typeAndData = png.subarray(at + 4, at + 8 + length);
    const type = String.fromCharCode(...typeAndData.subarray(0, 4));
    if (crc32(typeAndData) !== view.getUint32(at + 8 + length)) {
      throw new Error(`the PNG chunk ${type} is corrupt (bad CRC)`);
    }
    out.push({ type, start: at, data: typeAndData.subarray(4) });
    at += 12 + length;
    if (type === 'IEND') return out;
  }
  throw new Error('the PNG image has no end chunk');
}

/** One PNG chunk (length, type, data, CRC) as bytes. */
export function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** Returns `png` with `text` stored under `keyword` in a compressed iTXt chunk before IEND. */
export function embedPngText(
  png: Uint8Array,
  text: string,
  keyword = PNG_DESIGN_KEYWORD,
): Uint8Array {
  const end = chunks(png).find((c) => c.type === 'IEND');
  if (!end) throw new Error('the PNG image has no end chunk');
  // keyword \0, compressed = 1, method = 0, empty language tag \0, empty translated keyword \0
  const head = utf8(keyword);
  const body = zlib(utf8(text));
  const data = new Uint8Array(head.length + 5 + body.length);
  data.set(head, 0);
  data.set([0, 1, 0, 0, 0], head.length);
  data.set(body, head.length + 5);
  const extra = pngChunk('iTXt', data);
  const out = new Uint8Array(png.length + extra.length);
  out.set(png.subarray(0, end.start), 0);
  out.set(extra, end.start);
  out.set(png.subarray(end.start), end.start + extra.length);
  return out;
}

/**
 * The text stored under `keyword` (iTXt or tEXt), or null when the image has none.
 * Throws with a readable message when the file is not a valid PNG.
 */
export function extractPngText(png: Uint8Array, keyword = PNG_DESIGN_KEYWORD): string | null {
  for (const c of chunks(png)) {
    if (c.type !== 'iTXt' && c.type !== 'tEXt') continue;
    const zero = c.data.indexOf(0);
    if (zero < 0 || fromUtf8(c.data.subarray(0, zero)) !== keyword) continue;
    if (c.type === 'tEXt') return new TextDecoder('latin1').decode(c.data.subarray(zero + 1));
    const compressed = c.data[zero + 1] === 1;
    let at = zero + 3;
    for (let skip = 0; skip < 2; skip++) {
      const next = c.data.indexOf(0, at);
      if (next < 0) throw new Error('the PNG text chunk is malformed');
      at = next + 1;
    }
    const body = c.data.subarray(at);
    return fromUtf8(compressed ? unzlibCapped(body) : body);
  }
  return null;
}
