/**
 * Switching this tab's document: a new one (template, link, file, image, blank) or one from the
 * library. The document being left keeps everything saved; nothing is replaced.
 */
import type { Design } from '@unet-studio/compiler';
import type { Stores } from '../state/StoreProvider';
import { newDocumentId } from './db';

/** Opens `design` as a new document of the library (stored on its first save). */
export function openNewDocument(stores: Stores, design: Design, origin: string): void {
  stores.doc.getState().setDocument(newDocumentId(), origin, true);
  stores.design.getState().reset(design);
}

/** Opens library document `id`, whose design is `design`. */
export function openStoredDocument(
  stores: Stores,
  id: string,
  design: Design,
  origin: string,
): void {
  if (stores.doc.getState().id === id) return;
  stores.doc.getState().setDocument(id, origin, false);
  stores.design.getState().reset(design);
}
