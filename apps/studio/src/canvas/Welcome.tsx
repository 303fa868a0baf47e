/**
 * The welcome card on an empty canvas (the first visit, or after choosing Blank): the three ways
 * to start — a template, a blank design (with how to add the first layer), or a config file to
 * import. It goes away by itself as soon as the design has a node; drops and double-clicks
 * around it still reach the canvas.
 */
import type { ReactNode } from 'react';
import { useImport } from '../app/useImport';
import { pickFile } from '../io/browserFiles';
import { OPEN_ACCEPT } from '../panels/DesignsPanel';
import { useDesign, useStores } from '../state/StoreProvider';

/** The welcome card, shown while the design has no nodes. */
export function Welcome(): ReactNode {
  const stores = useStores();
  const empty = useDesign((s) => s.design.model.nodes.length === 0);
  const importFile = useImport();
  if (!empty) return null;
  return (
    <div className="welcome-layer">
      <section className="welcome" data-testid="welcome" aria-label="Start a design">
        <h2>Design a U-Net</h2>
        <p className="muted">Three ways to start:</p>
        <ol className="welcome-ways">
          <li>
            <button
              type="button"
              data-testid="welcome-template"
              onClick={() => stores.ui.getState().openPanel('templates')}
            >
              Start from a template
            </button>
            <span className="muted">
              A ready network to train or adapt, from tiny to the 2015 U-Net.
            </span>
          </li>
          <li>
            <strong>Build from scratch</strong>
            <span className="muted" data-testid="welcome-blank-hint">
              Drag an <em>Input</em> from the palette onto the canvas, or double-click the canvas
              and type a layer name; then wire each node’s right port to the next node’s left port.
            </span>
          </li>
          <li>
            <button
              type="button"
              data-testid="welcome-import"
              onClick={() => void pickFile(OPEN_ACCEPT).then((f) => f && importFile(f))}
            >
              Import a config…
            </button>
            <span className="muted">
              A ModelManager config (JSON, YAML or a <code>create_model</code> line), a UNetParams
              JSON or a saved design — or drop the file here.
            </span>
          </li>
        </ol>
      </section>
    </div>
  );
}
