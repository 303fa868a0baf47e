/**
 * The studio's IndexedDB database: its object stores, the upgrade from the single autosave slot of
 * version 1, and promise wrappers over requests and transactions.
 *
 * Layout (version 2):
 * - `documents` (key `id`): one record per design, see {@link DocumentRecord};
 * - `snapshots` (auto-increment key, index `docId`): version history, see {@link SnapshotRecord};
 * - `attachments` (key `[docId, key]`, index `docId`): anything stored with a document (trained
 *   weights, run records); copied when the document is duplicated, removed when it is deleted;
 * - `designs`: version 1's store (the autosave and named designs), kept untouched as a backup.
 */

/** The database's name. */
export const DB_NAME = 'unet-studio';
/** The database's schema version. */
export const DB_VERSION = 2;
/** The format of a document record this version writes and reads (newer ones are kept aside). */
export const RECORD_FORMAT = 1;
/** Version 1's store and its autosave key. */
export const LEGACY_STORE = 'designs';
/** Version 1's autosave key in {@link LEGACY_STORE}. */
export const LEGACY_AUTOSAVE_KEY = '\u0000autosave';

/** The object stores of version 2. */
export const STORES = {
  documents: 'documents',
  snapshots: 'snapshots',
  attachments: 'attachments',
} as const;

/** One design in the library. */
export interface DocumentRecord {
  readonly id: string;
  /** The record's format ({@link RECORD_FORMAT}). */
  readonly format: number;
  /** The design's name when it was written (the design's own `name` is the truth). */
  readonly name: string;
  readonly createdAt: number;
  readonly modifiedAt: number;
  /** The serialised design. */
  readonly text: string;
  /** Where the document came from ("template small", "shared link", "file unet.json"). */
  readonly origin: string;
  /** When it was moved to Recently deleted, or null. */
  readonly deletedAt: number | null;
}

/** One version in a document's history. */
export interface SnapshotRecord {
  readonly docId: string;
  readonly at: number;
  readonly text: string;
  /** A one-line summary of what changed since the previous version. */
  readonly summary: string;
}

/** Wraps a request in a promise. */
export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** Resolves when `tx` commits; rejects when it fails or aborts (quota, a failed request). */
export function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction was aborted'));
  });
}

/** A fresh document id (random, 128 bits; works outside secure contexts too). */
export function newDocumentId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Opens (creating or upgrading) the database through `factory`. */
export function openDatabase(factory: IDBFactory, name = DB_NAME): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open(name, DB_VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      const tx = req.transaction;
      if (!tx) return;
      if (!db.objectStoreNames.contains(STORES.documents))
        db.createObjectStore(STORES.documents, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(STORES.snapshots))
        db.createObjectStore(STORES.snapshots, { autoIncrement: true }).createIndex(
          'docId',
          'docId',
        );
      if (!db.objectStoreNames.contains(STORES.attachments))
        db.createObjectStore(STORES.attachments, { keyPath: ['docId', 'key'] }).createIndex(
          'docId',
          'docId',
        );
      if (db.objectStoreNames.contains(LEGACY_STORE)) migrateLegacy(tx);
    };
    req.onsuccess = () => {
      // Another tab of a newer version may need to upgrade: let it, this tab stops writing.
      req.result.onversionchange = () => req.result.close();
      resolve(req.result);
    };
    req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'));
    req.onblocked = () =>
      reject(new Error('an older U-Net Studio tab keeps the storage open; close it and reload'));
  });
}

/**
 * Copies every record of version 1's store into `documents`, each as a new document. Records that
 * are not what version 1 wrote are copied as they are (the library lists them as unreadable).
 * The old store itself is left in place.
 */
function migrateLegacy(tx: IDBTransaction): void {
  const docs = tx.objectStore(STORES.documents);
  const cursorReq = tx.objectStore(LEGACY_STORE).openCursor();
  cursorReq.onsuccess = () => {
    const cursor = cursorReq.result;
    if (!cursor) return;
    docs.put(legacyToDocument(cursor.key, cursor.value as unknown));
    cursor.continue();
  };
}

/** The document record for one record of version 1 (exported for tests). */
export function legacyToDocument(
  key: IDBValidKey,
  value: unknown,
): Omit<DocumentRecord, 'text'> & { readonly text: unknown } {
  const v = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const autosave = key === LEGACY_AUTOSAVE_KEY;
  const at = typeof v.savedAt === 'number' && Number.isFinite(v.savedAt) ? v.savedAt : Date.now();
  const name = autosave
    ? (designName(v.text) ?? 'Autosaved design')
    : (typeof key === 'string' ? key : JSON.stringify(key)).slice(0, 120);
  return {
    id: newDocumentId(),
    format: RECORD_FORMAT,
    name,
    createdAt: at,
    modifiedAt: at,
    // A record that is not what version 1 wrote is kept whole, for the library to list as unreadable.
    text: typeof v.text === 'string' ? v.text : value,
    origin: autosave
      ? 'the autosave of an earlier version'
      : 'a design saved by an earlier version',
    deletedAt: null,
  };
}

function designName(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  try {
    const parsed = JSON.parse(text) as unknown;
    const name = (parsed as { name?: unknown } | null)?.name;
    return typeof name === 'string' && name !== '' ? name.slice(0, 120) : null;
  } catch {
    return null;
  }
}

/** A sentence for a storage failure: full, unavailable, or what the browser said. */
export function describeStorageError(error: unknown): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError')
    return 'the browser storage is full (free space by deleting designs, or download this one)';
  const why = error instanceof Error ? error.message : String(error);
  return why || 'the browser refused to store it';
}
