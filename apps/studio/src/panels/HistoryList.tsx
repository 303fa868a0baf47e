/**
 * The current document's versions, newest first, each with its time and what changed; one click
 * restores a version (the present state is kept as a version first, and the restore can be undone).
 */
import { useEffect, useState, type ReactNode } from 'react';
import { getLibrary } from '../persistence/libraryHandle';
import { restoreVersion } from '../persistence/libraryActions';
import type { Snapshot } from '../persistence/snapshots';
import { useDoc, useStores } from '../state/StoreProvider';

/** The version history of the document open in this tab. */
export function HistoryList(): ReactNode {
  const stores = useStores();
  const id = useDoc((s) => s.id);
  const version = useDoc((s) => s.libraryVersion);
  const [versions, setVersions] = useState<readonly Snapshot[]>([]);
  useEffect(() => {
    let cancelled = false;
    if (!id) return undefined;
    getLibrary()
      .then((library) => library.snapshots(id))
      .then(
        (list) => !cancelled && setVersions(list),
        () => !cancelled && setVersions([]),
      );
    return () => {
      cancelled = true;
    };
  }, [id, version]);
  return (
    <section>
      <h3>Version history</h3>
      <ul className="record-list" data-testid="history-list">
        {versions.map((v) => (
          <li key={v.key} data-testid="history-item">
            <span className="muted">{new Date(v.at).toLocaleString()}</span>{' '}
            <span data-testid="history-summary">{v.summary}</span>{' '}
            <button
              type="button"
              data-testid="history-restore"
              onClick={() => void restoreVersion(stores, v)}
            >
              Restore
            </button>
          </li>
        ))}
        {versions.length === 0 ? <li className="muted">No versions yet.</li> : null}
      </ul>
    </section>
  );
}
