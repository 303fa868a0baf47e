/**
 * The export panel: live output of every format, updated on every edit, each with copy and download
 * buttons; when a format cannot express the graph, it says which node breaks it, and when the
 * target system cannot run what it expresses (ModelManager's `bilinear: false`), it says so. Also
 * the canvas as PNG or SVG with the design embedded.
 */
import { modelManagerWarnings, type Design, type Model } from '@unet-studio/compiler';
import type { ReactNode } from 'react';
import { exportImage } from '../app/imageExport';
import { downloadFile } from '../io/browserFiles';
import { pytorchZip } from '../io/pytorchZip';
import { useDesign, useStores } from '../state/StoreProvider';
import {
  EXPORT_FORMATS,
  EXPORT_INFO,
  exportFileName,
  exportLive,
  type ExportFormat,
} from './exportFormats';

const notesByModel = new WeakMap<Model, readonly string[]>();

/**
 * What a user of the format should know although it can express the graph: a ModelManager
 * config with `bilinear: false` runs here but crashes the real platform. It reads the model only,
 * so it is worked out once per model, not on every moved node.
 */
function formatWarnings(design: Design, format: ExportFormat): readonly string[] {
  if (!format.startsWith('model-manager')) return [];
  let notes = notesByModel.get(design.model);
  if (!notes) {
    notes = modelManagerWarnings(design).map((w) => w.message);
    notesByModel.set(design.model, notes);
  }
  return notes;
}

function FormatOutput({
  design,
  format,
  warnings,
}: {
  design: Design;
  format: ExportFormat;
  warnings: readonly string[];
}): ReactNode {
  const stores = useStores();
  const info = EXPORT_INFO[format];
  const output = exportLive(design, format);
  const copy = (): void => {
    if (!output.ok) return;
    navigator.clipboard.writeText(output.text).then(
      () => stores.ui.getState().notify('info', `${info.title} copied.`),
      () =>
        stores.ui
          .getState()
          .notify('error', 'The clipboard is not available; select the text and copy it.'),
    );
  };
  return (
    <section className="export-format">
      <header>
        <h3>{info.title}</h3>
        <button type="button" disabled={!output.ok} onClick={copy} data-testid={`copy-${format}`}>
          Copy
        </button>
        <button
          type="button"
          disabled={!output.ok}
          onClick={() =>
            output.ok && downloadFile(exportFileName(design, format), output.text, info.mime)
          }
          data-testid={`download-${format}`}
        >
          Download
        </button>
      </header>
      {output.ok && warnings.length > 0 && (
        <div
          className="export-unfit export-warning"
          role="note"
          data-testid={`export-warning-${format}`}
        >
          {warnings.map((w) => (
            <p key={w}>Warning: {w}.</p>
          ))}
        </div>
      )}
      {output.ok ? (
        <pre className="export-text" data-testid={`export-${format}`} tabIndex={0}>
          {output.text}
        </pre>
      ) : (
        <div className="export-unfit" data-testid={`export-${format}`} data-unfit="true">
          This format cannot express the graph:
          <ul>
            {output.issues.map((issue, i) => (
              <li key={i}>
                {issue.nodeId ? (
                  <button
                    type="button"
                    className="link"
                    onClick={() => stores.ui.getState().focusNode(issue.nodeId ?? '')}
                  >
                    node {issue.nodeId}
                  </button>
                ) : (
                  'the design'
                )}
                : {issue.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** The export drawer. */
export function ExportPanel(): ReactNode {
  const stores = useStores();
  const design = useDesign((s) => s.design);
  return (
    <div
      className="drawer export-panel"
      role="dialog"
      aria-label="Export"
      data-testid="export-panel"
    >
      <header className="drawer-header">
        <h2>Export</h2>
        <button
          type="button"
          onClick={() => void exportImage(stores, 'png')}
          data-testid="export-png"
        >
          PNG image
        </button>
        <button
          type="button"
          onClick={() => void exportImage(stores, 'svg')}
          data-testid="export-svg"
        >
          SVG image
        </button>
        <button
          type="button"
          title="model.py, train.py (one GPU or many, with torchrun) and README.md, zipped"
          onClick={() => {
            const zip = pytorchZip(stores.design.getState().design);
            if (zip.ok) downloadFile(zip.fileName, zip.bytes, 'application/zip');
            else stores.ui.getState().notify('error', `PyTorch export: ${zip.errors.join('; ')}`);
          }}
          data-testid="export-pytorch"
        >
          PyTorch (.zip)
        </button>
        <button
          type="button"
          className="close"
          aria-label="Close"
          onClick={() => stores.ui.getState().openPanel(null)}
        >
          ✕
        </button>
      </header>
      <p className="muted">Images carry the design: drop one on the canvas to reopen it.</p>
      {EXPORT_FORMATS.map((f) => (
        <FormatOutput key={f} design={design} format={f} warnings={formatWarnings(design, f)} />
      ))}
    </div>
  );
}
