/**
 * Designs: named designs kept in the browser (IndexedDB), open/save a design file, import a config
 * (file or pasted text: ModelManager JSON/YAML/Python line, UNetParams JSON), and a share link.
 */
import { parseDesign, serializeDesign } from '@unet-studio/compiler';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { openDesign } from '../app/actions';
import { importTextInto, useImport } from '../app/useImport';
import { downloadFile, pickFile } from '../io/browserFiles';
import { encodeShareHash } from '../io/shareLink';
import { deleteRecord, listRecords, putRecord, type StoredRecord } from '../persistence/idb';
import { useDesign, useStores } from '../state/StoreProvider';
import { exportFileName } from './exportFormats';

/** Accepted by the file picker. */
export const OPEN_ACCEPT =
  '.json,.yaml,.yml,.py,.txt,.png,.svg,application/json,image/png,image/svg+xml';

/** The designs drawer. */
export function DesignsPanel(): ReactNode {
  const stores = useStores();
  const name = useDesign((s) => s.design.name);
  const importFile = useImport();
  const [records, setRecords] = useState<StoredRecord[]>([]);
  const [pasted, setPasted] = useState('');
  const refresh = useCallback(() => {
    listRecords().then(setRecords, () => setRecords([]));
  }, []);
  useEffect(refresh, [refresh]);
  const notify = (kind: 'error' | 'info', text: string): void =>
    stores.ui.getState().notify(kind, text);
  const saveNamed = async (): Promise<void> => {
    const { design } = stores.design.getState();
    await putRecord({ name: design.name, text: serializeDesign(design), savedAt: Date.now() });
    notify('info', `Saved “${design.name}” in this browser.`);
    refresh();
  };
  const openNamed = (r: StoredRecord): void => {
    const parsed = parseDesign(r.text);
    if (parsed.ok) openDesign(stores, parsed.value, `Open ${r.name}`);
    else
      notify(
        'error',
        `“${r.name}” could not be read: ${parsed.issues[0]?.path ?? ''} ${parsed.issues[0]?.message ?? ''}`,
      );
  };
  const share = (): void => {
    const url = `${window.location.origin}${window.location.pathname}${encodeShareHash(serializeDesign(stores.design.getState().design))}`;
    navigator.clipboard.writeText(url).then(
      () => notify('info', 'Share link copied: it carries the whole design.'),
      () => notify('error', 'The clipboard is not available.'),
    );
  };
  return (
    <div className="drawer designs-panel" role="dialog" aria-label="Designs" data-testid="designs">
      <header className="drawer-header">
        <h2>Designs</h2>
        <button
          type="button"
          className="close"
          aria-label="Close"
          onClick={() => stores.ui.getState().openPanel(null)}
        >
          ✕
        </button>
      </header>
      <div className="button-row">
        <button type="button" onClick={() => void saveNamed()} data-testid="save-named">
          Save “{name}” in the browser
        </button>
        <button
          type="button"
          data-testid="save-file"
          onClick={() => {
            const { design } = stores.design.getState();
            downloadFile(
              exportFileName(design, 'design'),
              serializeDesign(design),
              'application/json',
            );
          }}
        >
          Save file
        </button>
        <button
          type="button"
          data-testid="open-file"
          onClick={() => void pickFile(OPEN_ACCEPT).then((f) => f && importFile(f))}
        >
          Open or import a file…
        </button>
        <button type="button" onClick={share} data-testid="share-link">
          Copy share link
        </button>
      </div>
      <h3>Saved in this browser</h3>
      <ul className="record-list" data-testid="record-list">
        {records.map((r) => (
          <li key={r.name}>
            <button type="button" className="link" onClick={() => openNamed(r)}>
              {r.name}
            </button>
            <span className="muted"> {new Date(r.savedAt).toLocaleString()}</span>
            <button
              type="button"
              aria-label={`Delete ${r.name}`}
              onClick={() => void deleteRecord(r.name).then(refresh)}
            >
              ✕
            </button>
          </li>
        ))}
        {records.length === 0 ? <li className="muted">Nothing saved yet.</li> : null}
      </ul>
      <h3>Import a config</h3>
      <p className="muted">
        Paste a ModelManager config (JSON or YAML), a <code>create_model(&apos;unet&apos;, …)</code>{' '}
        line, a UNetParams JSON or a design.
      </p>
      <textarea
        rows={6}
        value={pasted}
        onChange={(e) => setPasted(e.target.value)}
        spellCheck={false}
        aria-label="Config text"
        data-testid="import-text"
      />
      <button
        type="button"
        disabled={pasted.trim() === ''}
        data-testid="import-submit"
        onClick={() => importTextInto(stores, pasted) && setPasted('')}
      >
        Import
      </button>
    </div>
  );
}
