/**
 * Tells other tabs that the library changed (BroadcastChannel): read-only tabs showing a document
 * reload it, open Designs panels refresh their lists.
 */

/** A message between tabs. */
export interface LibraryMessage {
  /** The document written, or null when only the list changed (delete, rename elsewhere). */
  readonly docId: string | null;
}

const NAME = 'unet-studio-library';

/** Posts a change to the other tabs (no-op where BroadcastChannel is missing). */
export function announce(message: LibraryMessage): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(NAME);
  channel.postMessage(message);
  channel.close();
}

/** Calls `listener` for every change announced by another tab; returns the unsubscribe. */
export function listen(listener: (message: LibraryMessage) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(NAME);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const data = event.data as { docId?: unknown } | null;
    if (data && (typeof data.docId === 'string' || data.docId === null))
      listener({ docId: data.docId });
  };
  return () => channel.close();
}
