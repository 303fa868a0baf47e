/**
 * Designs: the library of designs kept in this browser (search, open, rename, duplicate, delete),
 * the open design's version history, stored records that could not be opened, open/save a design
 * file, import a config (file or pasted text) and a share link.
 */
import { serializeDesign } from '@unet-studio/compiler';
import { useState, type ReactNode } from 'react';
import { importTextInto, useImport } from '../app/useImport';
import { downloadFile, pickFile } from '../io/browserFiles';
import { encodeShareHash } from '../io/shareLink';
import type { ReadableDocument, UnreadableRecord } from '../persistence/records';
import { useLibraryEntries } from '../persistence/useLibraryEntries';
import { useStores } from '../state/StoreProvider';
import { DocumentList } from './DocumentList';
import { exportFileName } from './exportFormats';
import { HistoryList } from './HistoryList';
import { UnreadableList } from './UnreadableList';

/** Accepted by the file picker. */
export const OPEN_ACCEPT =
  '.json,.yaml,.yml,.py,.txt,.png,.svg,application/json,image/png,image/svg+xml';

/** The designs drawer. */
export function DesignsPanel(): ReactNode {
  const stores = useStores();
  const importFile = useImport();
  const library = useLibraryEntries();
  const [pasted, setPasted] = useState('');
  const documents = library.entries.filter((e): e is ReadableDocument => e.kind === 'document');
  const unreadable = library.entries.filter((e): e is UnreadableRecord => e.kind === 'unreadable');
  const notify = (kind: 'error' | 'info', text: string): void =>
    stores.ui.getState().notify(kind, text);
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
      <h3>Designs in this browser</h3>
      {library.problem ? (
        <p className="muted" data-testid="library-problem">
          Designs cannot be kept in this browser: {library.problem}. Use Save file to keep your
          work.
        </p>
      ) : (
        <DocumentList documents={documents} />
      )}
      <UnreadableList records={unreadable} />
      {library.problem ? null : <HistoryList />}
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
