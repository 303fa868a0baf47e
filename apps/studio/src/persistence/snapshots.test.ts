import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openLibrary } from './library';
import { snapshotDue, SNAPSHOT_EVERY_EDITS, SNAPSHOT_EVERY_MS } from './snapshotPolicy';
import { MAX_HISTORY_CHARS, MAX_SNAPSHOTS } from './snapshots';

describe('version history', () => {
  it('lists versions newest first and drops the oldest beyond the count bound', async () => {
    const library = await openLibrary(new IDBFactory());
    for (let i = 0; i < MAX_SNAPSHOTS + 3; i++)
      await library.addSnapshot('a', `v${i}`, `edit ${i}`, i);
    await library.addSnapshot('b', 'other', 'other document', 1);
    const versions = await library.snapshots('a');
    expect(versions).toHaveLength(MAX_SNAPSHOTS);
    expect(versions[0]).toMatchObject({
      text: `v${MAX_SNAPSHOTS + 2}`,
      summary: `edit ${MAX_SNAPSHOTS + 2}`,
    });
    expect(versions.at(-1)?.text).toBe('v3');
    expect(await library.snapshots('b')).toHaveLength(1);
  });

  it('drops the oldest beyond the size bound, keeping the newest', async () => {
    const library = await openLibrary(new IDBFactory());
    const big = 'x'.repeat(Math.floor(MAX_HISTORY_CHARS / 3) - 10);
    for (let i = 0; i < 5; i++) await library.addSnapshot('a', `${i}${big}`, `edit ${i}`, i);
    const versions = await library.snapshots('a');
    expect(versions.map((v) => v.summary)).toEqual(['edit 4', 'edit 3', 'edit 2']);
  });

  it('takes a version at the first save, then every N edits or minutes of editing', () => {
    expect(snapshotDue({ edits: 1, lastAt: null }, 0)).toBe(true);
    expect(snapshotDue({ edits: SNAPSHOT_EVERY_EDITS - 1, lastAt: 0 }, 1000)).toBe(false);
    expect(snapshotDue({ edits: SNAPSHOT_EVERY_EDITS, lastAt: 0 }, 1000)).toBe(true);
    expect(snapshotDue({ edits: 1, lastAt: 0 }, SNAPSHOT_EVERY_MS)).toBe(true);
    expect(snapshotDue({ edits: 0, lastAt: 0 }, SNAPSHOT_EVERY_MS * 9)).toBe(false);
  });
});
