import { serializeDesign } from '@unet-studio/compiler';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { chainDesign } from '../state/testDesign';
import { DB_NAME, LEGACY_AUTOSAVE_KEY, LEGACY_STORE, STORES, done } from './db';
import { openLibrary } from './library';
import { MAX_DESIGN_CHARS } from './records';

const design = (name: string) => ({ ...chainDesign(), name });

/** A database as version 1 of the studio left it: one store of `{ name, text, savedAt }`. */
async function legacyDatabase(records: unknown[]): Promise<IDBFactory> {
  const factory = new IDBFactory();
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = factory.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(LEGACY_STORE, { keyPath: 'name' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('open failed'));
  });
  const tx = db.transaction(LEGACY_STORE, 'readwrite');
  for (const value of records) tx.objectStore(LEGACY_STORE).put(value);
  await done(tx);
  db.close();
  return factory;
}

describe('document library', () => {
  it('keeps every opened design as its own document, most recent first', async () => {
    const library = await openLibrary(new IDBFactory());
    const edited = await library.create(design('edited'), 'a new blank design', 1000);
    await library.save(edited.id, design('edited more'), 'x', 2000);
    const template = await library.create(design('from a template'), 'the template “Small”', 3000);
    const list = await library.list();
    expect(list.map((e) => e.kind === 'document' && e.design.name)).toEqual([
      'from a template',
      'edited more',
    ]);
    expect(list[1]).toMatchObject({
      record: { id: edited.id, createdAt: 1000, modifiedAt: 2000, origin: 'a new blank design' },
    });
    expect(template.id).not.toBe(edited.id);
  });

  it('moves the single autosave of version 1 and its named designs into the library', async () => {
    const autosave = serializeDesign(design('my autosaved work'));
    const factory = await legacyDatabase([
      { name: LEGACY_AUTOSAVE_KEY, text: autosave, savedAt: 5 },
      { name: 'kept by name', text: serializeDesign(design('kept by name')), savedAt: 4 },
      { name: 'broken', text: 42, savedAt: 3 },
    ]);
    const library = await openLibrary(factory);
    const list = await library.list();
    expect(
      list.filter((e) => e.kind === 'document').map((e) => e.kind === 'document' && e.design.name),
    ).toEqual(['my autosaved work', 'kept by name']);
    const broken = list.find((e) => e.kind === 'unreadable');
    expect(broken).toMatchObject({ name: 'broken' });
    expect(broken?.kind === 'unreadable' && broken.reason).toMatch(/not as text/);
    expect(broken?.kind === 'unreadable' && (JSON.parse(broken.raw) as unknown)).toMatchObject({
      text: { name: 'broken', text: 42 },
    });
    library.db.close();
    // The old store stays as it was, and opening again does not copy twice.
    const again = await openLibrary(factory);
    expect(await again.list()).toHaveLength(3);
    expect(again.db.objectStoreNames.contains(LEGACY_STORE)).toBe(true);
  });

  it('lists records it cannot read with the reason, and never replaces them', async () => {
    const library = await openLibrary(new IDBFactory());
    const good = await library.create(design('good'), 'test');
    const newer = serializeDesign(design('future')).replace('"version": 1', '"version": 9');
    const tx = library.db.transaction(STORES.documents, 'readwrite');
    const docs = tx.objectStore(STORES.documents);
    docs.put({ ...good, id: 'truncated', name: 'truncated', text: good.text.slice(0, 40) });
    docs.put({ ...good, id: 'newer-design', name: 'newer-design', text: newer });
    docs.put({ ...good, id: 'newer-record', name: 'newer-record', format: 7 });
    docs.put({
      ...good,
      id: 'bad-field',
      name: 'bad-field',
      text: good.text.replace('"filters": 64', '"filters": "many"'),
    });
    docs.put({ ...good, id: 'huge', name: 'huge', text: ' '.repeat(MAX_DESIGN_CHARS + 1) });
    await done(tx);
    const unreadable = (await library.list()).filter((e) => e.kind === 'unreadable');
    const reasons = Object.fromEntries(
      unreadable.map((e) => [
        e.kind === 'unreadable' ? e.name : '',
        e.kind === 'unreadable' && e.reason,
      ]),
    );
    expect(reasons['truncated']).toMatch(/not valid JSON/);
    expect(reasons['newer-design']).toMatch(/version 9, newer/);
    expect(reasons['newer-record']).toMatch(/newer version of U-Net Studio/);
    expect(reasons['huge']).toMatch(/too large to open: 20\.0 million characters/);
    expect(reasons['bad-field']).toMatch(/at model\.nodes\[\d+\]\.params\.filters/);
    await expect(library.save('truncated', design('over it'))).rejects.toThrow(/not replaced/);
    expect((await library.get('truncated'))?.kind).toBe('unreadable');
  });

  it('duplicates and deletes a document with what is stored with it', async () => {
    const library = await openLibrary(new IDBFactory());
    const doc = await library.create(design('cells'), 'test');
    await library.putAttachment(doc.id, 'run-1', { weights: new Uint8Array([1, 2, 3]) });
    await library.addSnapshot(doc.id, doc.text, 'Started');
    const copy = await library.duplicate(doc.id);
    expect((await library.get(copy.id))?.kind === 'document' && copy.name).toBe('cells (copy)');
    expect([...(await library.attachments(copy.id)).keys()]).toEqual(['run-1']);
    await library.setDeleted(doc.id, 10);
    expect(await library.get(doc.id)).toMatchObject({ record: { deletedAt: 10 } });
    await library.setDeleted(doc.id, null);
    expect(await library.get(doc.id)).toMatchObject({ record: { deletedAt: null } });
    await library.setDeleted(doc.id, 10);
    expect(await library.purgeDeletedBefore(11)).toBe(1);
    expect(await library.get(doc.id)).toBeUndefined();
    expect((await library.attachments(doc.id)).size).toBe(0);
    expect(await library.snapshots(doc.id)).toEqual([]);
    expect((await library.attachments(copy.id)).size).toBe(1);
  });

  it('reads, lists and removes single attachments without touching the others', async () => {
    const library = await openLibrary(new IDBFactory());
    const doc = await library.create(design('cells'), 'test');
    const other = await library.create(design('other'), 'test');
    await library.putAttachment(doc.id, 'run-weights:a', { bytes: new Uint8Array([1, 2]).buffer });
    await library.putAttachment(doc.id, 'run-weights:b', { n: 2 });
    await library.putAttachment(other.id, 'run-weights:a', { n: 3 });
    expect((await library.attachmentKeys(doc.id)).sort()).toEqual([
      'run-weights:a',
      'run-weights:b',
    ]);
    const a = (await library.attachment(doc.id, 'run-weights:a')) as { bytes: ArrayBuffer };
    expect([...new Uint8Array(a.bytes)]).toEqual([1, 2]);
    expect(await library.attachment(doc.id, 'missing')).toBeUndefined();
    await library.removeAttachment(doc.id, 'run-weights:a', 'missing');
    expect(await library.attachmentKeys(doc.id)).toEqual(['run-weights:b']);
    expect(await library.attachment(other.id, 'run-weights:a')).toEqual({ n: 3 });
  });
});
