/**
 * The document library: every design is a document with its own id, name and times. Opening
 * something creates a document; saving writes only the document being edited; deleting moves it to
 * Recently deleted first (undoable), and only a purge removes it with its history and attachments.
 */
import { parseDesign, serializeDesign, type Design, type ParseResult } from '@unet-studio/compiler';
import {
  RECORD_FORMAT,
  STORES,
  done,
  newDocumentId,
  openDatabase,
  request,
  type DocumentRecord,
} from './db';
import { readRecord, type LibraryEntry } from './records';
import { createSnapshots, type Snapshots } from './snapshots';

/** The library's operations over one open database. */
export interface Library extends Snapshots {
  /** Every record, readable or not, most recently modified first. */
  list(): Promise<LibraryEntry[]>;
  /** One record by id, or undefined when there is none. */
  get(id: string): Promise<LibraryEntry | undefined>;
  /** Stores `design` as a new document and returns its record. */
  create(design: Design, origin: string, now?: number): Promise<DocumentRecord>;
  /** Writes `design` into document `id`, creating it (from `origin`) when it is not stored yet. */
  save(id: string, design: Design, origin?: string, now?: number): Promise<DocumentRecord>;
  /** Removes every document deleted before `time` (Recently deleted is emptied after a while). */
  purgeDeletedBefore(time: number): Promise<number>;
  /** Copies document `id` (design and attachments) into a new document named "… (copy)". */
  duplicate(id: string, now?: number): Promise<DocumentRecord>;
  /** Moves a document to Recently deleted (`deletedAt` set) or back (`null`). */
  setDeleted(id: string, deletedAt: number | null): Promise<void>;
  /** Removes a document with its snapshots and attachments for good. */
  purge(id: string): Promise<void>;
  /** Stores a value with a document (trained weights, run records) under `key`. */
  putAttachment(docId: string, key: string, value: unknown): Promise<void>;
  /** The attachments of a document, by key. */
  attachments(docId: string): Promise<Map<string, unknown>>;
  /** One attachment of a document, or undefined when there is none under `key`. */
  attachment(docId: string, key: string): Promise<unknown>;
  /** The keys of a document's attachments (their values are not read). */
  attachmentKeys(docId: string): Promise<string[]>;
  /** Removes the attachments of a document under `keys` (absent ones are ignored). */
  removeAttachment(docId: string, ...keys: string[]): Promise<void>;
  readonly db: IDBDatabase;
}

/** Opens the library in `factory` (the browser's `indexedDB` by default). */
export async function openLibrary(
  factory: IDBFactory = indexedDB,
  name?: string,
): Promise<Library> {
  const db = await openDatabase(factory, name);
  const store = (mode: IDBTransactionMode, names: string[] = [STORES.documents]) =>
    db.transaction(names, mode);

  // Lists are read after every save while the Designs panel is open: parse only what changed.
  const parsed = new Map<IDBValidKey, { readonly text: string; readonly result: ParseResult }>();
  const readCached = (key: IDBValidKey, value: unknown): LibraryEntry =>
    readRecord(key, value, (text) => {
      const known = parsed.get(key);
      if (known?.text === text) return known.result;
      const result = parseDesign(text);
      parsed.set(key, { text, result });
      return result;
    });

  const list = async (): Promise<LibraryEntry[]> => {
    const tx = store('readonly');
    const entries: LibraryEntry[] = [];
    const cursorReq = tx.objectStore(STORES.documents).openCursor();
    await new Promise<void>((resolve, reject) => {
      cursorReq.onsuccess = () => {
        const cursor = cursorReq.result;
        if (!cursor) return resolve();
        entries.push(readCached(cursor.primaryKey, cursor.value as unknown));
        cursor.continue();
      };
      cursorReq.onerror = () => reject(cursorReq.error ?? new Error('IndexedDB read failed'));
    });
    return entries.sort((a, b) => modified(b) - modified(a));
  };

  const get = async (id: string): Promise<LibraryEntry | undefined> => {
    const value: unknown = await request(store('readonly').objectStore(STORES.documents).get(id));
    return value === undefined ? undefined : readRecord(id, value);
  };

  const put = async (record: DocumentRecord): Promise<DocumentRecord> => {
    const tx = store('readwrite');
    tx.objectStore(STORES.documents).put(record);
    await done(tx);
    return record;
  };

  const create = (design: Design, origin: string, now = Date.now()): Promise<DocumentRecord> =>
    put({
      id: newDocumentId(),
      format: RECORD_FORMAT,
      name: design.name,
      createdAt: now,
      modifiedAt: now,
      text: serializeDesign(design),
      origin,
      deletedAt: null,
    });

  const save = async (
    id: string,
    design: Design,
    origin = 'this browser',
    now = Date.now(),
  ): Promise<DocumentRecord> => {
    // One transaction: a delete or rename from another step cannot slip between read and write.
    const tx = store('readwrite');
    const docs = tx.objectStore(STORES.documents);
    const stored: unknown = await request(docs.get(id));
    const entry = stored === undefined ? undefined : readRecord(id, stored);
    if (entry?.kind === 'unreadable')
      throw new Error('the stored record cannot be read, so it is not replaced');
    const old = entry?.record;
    const record: DocumentRecord = {
      id,
      format: RECORD_FORMAT,
      name: design.name,
      createdAt: old?.createdAt ?? now,
      modifiedAt: now,
      text: serializeDesign(design),
      origin: old?.origin ?? origin,
      deletedAt: old?.deletedAt ?? null,
    };
    docs.put(record);
    await done(tx);
    return record;
  };

  const attachments = async (docId: string): Promise<Map<string, unknown>> => {
    const tx = store('readonly', [STORES.attachments]);
    const rows = (await request(
      tx.objectStore(STORES.attachments).index('docId').getAll(docId),
    )) as { key: string; value: unknown }[];
    return new Map(rows.map((r) => [r.key, r.value]));
  };

  const duplicate = async (id: string, now = Date.now()): Promise<DocumentRecord> => {
    const entry = await get(id);
    if (entry?.kind !== 'document')
      throw new Error('this design cannot be read, so it cannot be copied');
    const copy: DocumentRecord = {
      ...entry.record,
      id: newDocumentId(),
      name: `${entry.design.name} (copy)`.slice(0, 120),
      text: serializeDesign({ ...entry.design, name: `${entry.design.name} (copy)`.slice(0, 120) }),
      createdAt: now,
      modifiedAt: now,
      origin: `a copy of “${entry.design.name}”`,
      deletedAt: null,
    };
    const carried = await attachments(id);
    const tx = store('readwrite', [STORES.documents, STORES.attachments]);
    tx.objectStore(STORES.documents).put(copy);
    for (const [key, value] of carried)
      tx.objectStore(STORES.attachments).put({ docId: copy.id, key, value });
    await done(tx);
    return copy;
  };

  const setDeleted = async (id: string, deletedAt: number | null): Promise<void> => {
    const tx = store('readwrite');
    const docs = tx.objectStore(STORES.documents);
    const value = (await request(docs.get(id))) as DocumentRecord | undefined;
    if (value) docs.put({ ...value, deletedAt });
    await done(tx);
  };

  const purge = async (id: string): Promise<void> => {
    const tx = store('readwrite', [STORES.documents, STORES.snapshots, STORES.attachments]);
    tx.objectStore(STORES.documents).delete(id);
    for (const name of [STORES.snapshots, STORES.attachments]) {
      const keys = await request(tx.objectStore(name).index('docId').getAllKeys(id));
      for (const key of keys) tx.objectStore(name).delete(key);
    }
    await done(tx);
  };

  const putAttachment = async (docId: string, key: string, value: unknown): Promise<void> => {
    const tx = store('readwrite', [STORES.attachments]);
    tx.objectStore(STORES.attachments).put({ docId, key, value });
    await done(tx);
  };

  const attachment = async (docId: string, key: string): Promise<unknown> => {
    const tx = store('readonly', [STORES.attachments]);
    const row = (await request(tx.objectStore(STORES.attachments).get([docId, key]))) as
      { value: unknown } | undefined;
    return row?.value;
  };

  const attachmentKeys = async (docId: string): Promise<string[]> => {
    const tx = store('readonly', [STORES.attachments]);
    const keys = await request(tx.objectStore(STORES.attachments).index('docId').getAllKeys(docId));
    // Primary keys are `[docId, key]`.
    return keys.flatMap((k) => (Array.isArray(k) && typeof k[1] === 'string' ? [k[1]] : []));
  };

  const removeAttachment = async (docId: string, ...keys: string[]): Promise<void> => {
    if (keys.length === 0) return;
    const tx = store('readwrite', [STORES.attachments]);
    for (const key of keys) tx.objectStore(STORES.attachments).delete([docId, key]);
    await done(tx);
  };

  const purgeDeletedBefore = async (time: number): Promise<number> => {
    const old = (await list()).filter(
      (e) => e.kind === 'document' && e.record.deletedAt !== null && e.record.deletedAt < time,
    );
    for (const e of old) if (e.kind === 'document') await purge(e.record.id);
    return old.length;
  };

  return {
    db,
    purgeDeletedBefore,
    list,
    get,
    create,
    save,
    duplicate,
    setDeleted,
    purge,
    putAttachment,
    attachments,
    attachment,
    attachmentKeys,
    removeAttachment,
    ...createSnapshots(db),
  };
}

function modified(entry: LibraryEntry): number {
  return entry.kind === 'document' ? entry.record.modifiedAt : (entry.modifiedAt ?? 0);
}
