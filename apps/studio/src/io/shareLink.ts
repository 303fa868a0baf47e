/**
 * Share links: the design document, deflated and base64url-encoded, in the URL hash
 * (`#design=…`). The hash never reaches a server.
 */
import { deflate, fromBase64, fromUtf8, inflateCapped, toBase64, utf8 } from './bytes';

const PREFIX = '#design=';

/** The longest link hash read (4 MiB of text: far more than an 8 MiB design needs deflated). */
export const MAX_HASH_LENGTH = 4 * 1024 * 1024;

/** The URL hash carrying `documentText` (a serialised design). */
export function encodeShareHash(documentText: string): string {
  const b64 = toBase64(deflate(utf8(documentText)));
  return PREFIX + b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** What a hash holds: nothing, a document's text, or a reason it cannot be read. */
export type ShareHash =
  | { readonly kind: 'none' }
  | { readonly kind: 'document'; readonly text: string }
  | { readonly kind: 'invalid'; readonly message: string };

/** Reads a URL hash written by `encodeShareHash`. Never throws. */
export function decodeShareHash(hash: string): ShareHash {
  if (!hash.startsWith(PREFIX)) return { kind: 'none' };
  if (hash.length > MAX_HASH_LENGTH)
    return {
      kind: 'invalid',
      message: `The shared link is ${(hash.length / 1024 / 1024).toFixed(1)} MiB long; a link is read up to 4 MiB.`,
    };
  try {
    const bytes = inflateCapped(fromBase64(hash.slice(PREFIX.length)));
    return { kind: 'document', text: fromUtf8(bytes) };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { kind: 'invalid', message: `The shared link is damaged (${why}).` };
  }
}
