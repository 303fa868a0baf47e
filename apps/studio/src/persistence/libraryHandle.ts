/**
 * The app's one library, opened on first use. When the browser refuses storage the promise
 * rejects with the reason, and the app runs without saving (it says so, and downloads still work).
 */
import { openLibrary, type Library } from './library';

let opening: Promise<Library> | null = null;

/** The library of this browser profile. */
export function getLibrary(): Promise<Library> {
  if (typeof indexedDB === 'undefined')
    return Promise.reject(new Error('this browser offers no IndexedDB storage'));
  opening ??= openLibrary(indexedDB).catch((error: unknown) => {
    opening = null;
    throw error;
  });
  return opening;
}

/** The key under which this tab remembers its document across reloads. */
export const TAB_DOCUMENT_KEY = 'unet-studio.document';

/** The document this tab had open before a reload, if any. */
export function rememberedDocument(): string | null {
  try {
    return sessionStorage.getItem(TAB_DOCUMENT_KEY);
  } catch {
    return null;
  }
}

/** Remembers this tab's document for the next reload. */
export function rememberDocument(id: string): void {
  try {
    sessionStorage.setItem(TAB_DOCUMENT_KEY, id);
  } catch {
    // Storage off: a reload opens the most recent document instead.
  }
}
