/**
 * A tiny promise wrapper over IndexedDB: one database, one object store of records keyed by name.
 * Enough for autosave and named designs without a dependency.
 */

/** A stored record. */
export interface StoredRecord {
  /** The key: a design name, or `AUTOSAVE_KEY`. */
  readonly name: string;
  /** The serialised design. */
  readonly text: string;
  /** Milliseconds since the epoch. */
  readonly savedAt: number;
}

/** The key the autosave is stored under. */
export const AUTOSAVE_KEY = '\u0000autosave';

const DB_NAME = 'unet-studio';
const STORE = 'designs';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE)) {
        req.result.createObjectStore(STORE, { keyPath: 'name' });
      }
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'));
    req.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  }).catch((error: unknown) => {
    opening = null;
    throw error;
  });
  return opening;
}

async function withStore<T>(
  mode: IDBTransactionMode,
  run: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const db = await open();
  return request(run(db.transaction(STORE, mode).objectStore(STORE)));
}

/** Writes (or replaces) a record. */
export function putRecord(record: StoredRecord): Promise<IDBValidKey> {
  return withStore('readwrite', (s) => s.put(record));
}

/** Reads a record, or undefined when there is none or it is not a record this app wrote. */
export async function getRecord(name: string): Promise<StoredRecord | undefined> {
  const value: unknown = await withStore('readonly', (s) => s.get(name));
  return isRecord(value) ? value : undefined;
}

/** Deletes a record (no error when it does not exist). */
export function deleteRecord(name: string): Promise<undefined> {
  return withStore('readwrite', (s) => s.delete(name));
}

/** Every named record (the autosave excluded), newest first. */
export async function listRecords(): Promise<StoredRecord[]> {
  const all: unknown[] = await withStore('readonly', (s) => s.getAll());
  return all
    .filter(isRecord)
    .filter((r) => r.name !== AUTOSAVE_KEY)
    .sort((a, b) => b.savedAt - a.savedAt);
}

function isRecord(value: unknown): value is StoredRecord {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.name === 'string' && typeof v.text === 'string' && typeof v.savedAt === 'number';
}
