/**
 * Version history: snapshots of a document's design, each with its time and a one-line summary of
 * the change. Bounded per document in number and in size; the oldest go first.
 */
import { STORES, done, request, type SnapshotRecord } from './db';

/** At most this many versions are kept per document. */
export const MAX_SNAPSHOTS = 40;
/** At most this many characters of design text are kept per document's history. */
export const MAX_HISTORY_CHARS = 4_000_000;

/** A stored version with its key. */
export interface Snapshot extends SnapshotRecord {
  readonly key: number;
}

/** History operations. */
export interface Snapshots {
  /** Adds a version and drops the oldest beyond the bounds; returns the new version's key. */
  addSnapshot(docId: string, text: string, summary: string, at?: number): Promise<number>;
  /** A document's versions, newest first. */
  snapshots(docId: string): Promise<Snapshot[]>;
}

/** The history operations over `db`. */
export function createSnapshots(db: IDBDatabase): Snapshots {
  const snapshots = async (docId: string): Promise<Snapshot[]> => {
    const tx = db.transaction(STORES.snapshots, 'readonly');
    const index = tx.objectStore(STORES.snapshots).index('docId');
    const [keys, values] = await Promise.all([
      request(index.getAllKeys(docId)),
      request(index.getAll(docId)) as Promise<SnapshotRecord[]>,
    ]);
    return values
      .map((v, i) => ({ ...v, key: Number(keys[i]) }))
      .filter((s) => typeof s.text === 'string' && typeof s.at === 'number')
      .sort((a, b) => b.at - a.at || b.key - a.key);
  };

  const addSnapshot = async (
    docId: string,
    text: string,
    summary: string,
    at = Date.now(),
  ): Promise<number> => {
    const existing = await snapshots(docId);
    const tx = db.transaction(STORES.snapshots, 'readwrite');
    const store = tx.objectStore(STORES.snapshots);
    const key = Number(
      await request(store.add({ docId, at, text, summary } satisfies SnapshotRecord)),
    );
    let chars = text.length;
    let count = 1;
    for (const old of existing) {
      count += 1;
      chars += old.text.length;
      if (count > MAX_SNAPSHOTS || chars > MAX_HISTORY_CHARS) store.delete(old.key);
    }
    await done(tx);
    return key;
  };

  return { snapshots, addSnapshot };
}
