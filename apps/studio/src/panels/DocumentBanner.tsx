/**
 * A lasting notice when this tab does not save: another tab edits the document (read-only here),
 * or the browser keeps nothing. Either way the design can be downloaded or continued as a copy.
 */
import { serializeDesign } from '@unet-studio/compiler';
import type { ReactNode } from 'react';
import { downloadFile } from '../io/browserFiles';
import { openNewDocument } from '../persistence/openDocument';
import { useDoc, useStores } from '../state/StoreProvider';
import { exportFileName } from './exportFormats';

/** The banner (nothing while this tab edits and saves). */
export function DocumentBanner(): ReactNode {
  const stores = useStores();
  const access = useDoc((s) => s.access);
  if (access.mode !== 'read-only' && access.mode !== 'unsaved') return null;
  const download = (): void => {
    const { design } = stores.design.getState();
    downloadFile(exportFileName(design, 'design'), serializeDesign(design), 'application/json');
  };
  const copy = (): void => {
    const { design } = stores.design.getState();
    openNewDocument(
      stores,
      { ...design, name: `${design.name} (copy)`.slice(0, 120) },
      `a copy of “${design.name}”`,
    );
  };
  return (
    <div
      className="message message-error"
      role="alert"
      data-testid="document-banner"
      data-mode={access.mode}
    >
      <span>{access.mode === 'read-only' ? `Read-only. ${access.reason}` : access.reason}</span>
      {access.mode === 'read-only' ? (
        <button type="button" onClick={copy} data-testid="banner-copy">
          Edit a copy
        </button>
      ) : null}
      <button type="button" onClick={download} data-testid="banner-download">
        Download design
      </button>
    </div>
  );
}
