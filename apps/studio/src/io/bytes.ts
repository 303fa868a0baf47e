/**
 * Byte helpers shared by the share link and the image formats: UTF-8, base64 and size-capped
 * inflation (a hostile link or image must not expand into gigabytes).
 */
import { Inflate, Unzlib, deflateSync, zlibSync } from 'fflate';

/** The largest decompressed document accepted from a link or an image (8 MiB). */
export const MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;

/** UTF-8 bytes of `text`. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** `bytes` decoded as UTF-8; invalid sequences throw. */
export function fromUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** Standard base64 of `bytes`. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) {
    binary += String.fromCharCode(...bytes.subarray(i, i + step));
  }
  return btoa(binary);
}

/** Bytes of a standard or URL-safe base64 string; throws on characters outside the alphabet. */
export function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) throw new Error('not base64');
  const padded = clean + '='.repeat((4 - (clean.length % 4)) % 4);
  const binary = atob(padded);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** Raw deflate of `bytes`. */
export function deflate(bytes: Uint8Array): Uint8Array {
  return deflateSync(bytes, { level: 9 });
}

/** Zlib-wrapped deflate of `bytes` (what PNG text chunks use). */
export function zlib(bytes: Uint8Array): Uint8Array {
  return zlibSync(bytes, { level: 9 });
}

function capped(
  make: (ondata: (chunk: Uint8Array, final: boolean) => void) => {
    push(d: Uint8Array, f: boolean): void;
  },
  input: Uint8Array,
  limit: number,
): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  let done = false;
  const stream = make((chunk, final) => {
    total += chunk.length;
    if (total > limit) throw new Error(`the document is larger than ${limit} bytes`);
    parts.push(chunk);
    done ||= final;
  });
  stream.push(input, true);
  if (!done) throw new Error('the compressed data is truncated');
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Inflates raw deflate data, refusing more than `limit` bytes of output. */
export function inflateCapped(input: Uint8Array, limit = MAX_DOCUMENT_BYTES): Uint8Array {
  return capped((ondata) => new Inflate(ondata), input, limit);
}

/** Inflates zlib data, refusing more than `limit` bytes of output. */
export function unzlibCapped(input: Uint8Array, limit = MAX_DOCUMENT_BYTES): Uint8Array {
  return capped((ondata) => new Unzlib(ondata), input, limit);
}
