/**
 * The top bar: design menus, undo/redo (with what they would undo), layout, levels, export, help,
 * the autosave state and the totals.
 */
import type { ReactNode } from 'react';
import { TotalsHeader } from '../panels/TotalsHeader';
import { redoLabel, undoLabel } from '../state/history';
import { useDesign, useStores, useUi } from '../state/StoreProvider';
import type { Panel } from '../state/uiStore';
import { runAutoLayout } from './actions';

const SAVE_TEXT = { idle: '', pending: 'Saving…', saved: 'Saved', failed: 'Not saved' } as const;

/** The app's top bar. */
export function Toolbar(): ReactNode {
  const stores = useStores();
  const undoText = useDesign((s) => undoLabel(s.history));
  const redoText = useDesign((s) => redoLabel(s.history));
  const name = useDesign((s) => s.design.name);
  const panel = useUi((s) => s.panel);
  const save = useUi((s) => s.saveStatus);
  const toggle = (p: Panel) => (): void => stores.ui.getState().openPanel(p);
  const tab = (p: Panel, text: string): ReactNode => (
    <button type="button" aria-pressed={panel === p} onClick={toggle(p)} data-testid={`open-${p}`}>
      {text}
    </button>
  );
  return (
    <header className="toolbar">
      <div className="toolbar-row">
        <strong className="brand">U-Net Studio</strong>
        <span className="design-title" title={name} data-testid="design-title">
          {name}
        </span>
        <span className={`save-status ${save}`} data-testid="save-status" data-state={save}>
          {SAVE_TEXT[save]}
        </span>
        <nav className="toolbar-buttons" aria-label="Commands">
          {tab('templates', 'Templates')}
          {tab('designs', 'Designs')}
          <button
            type="button"
            disabled={undoText === null}
            title={undoText ? `Undo ${undoText} (Ctrl+Z)` : 'Nothing to undo'}
            onClick={() => stores.design.getState().undo()}
            data-testid="undo"
          >
            Undo
          </button>
          <button
            type="button"
            disabled={redoText === null}
            title={redoText ? `Redo ${redoText} (Ctrl+Shift+Z)` : 'Nothing to redo'}
            onClick={() => stores.design.getState().redo()}
            data-testid="redo"
          >
            Redo
          </button>
          <button
            type="button"
            onClick={() => void runAutoLayout(stores)}
            title="Auto-layout (L)"
            data-testid="auto-layout"
          >
            Auto-layout
          </button>
          {tab('levels', 'Levels')}
          {tab('export', 'Export')}
          {tab('help', '?')}
        </nav>
      </div>
      <TotalsHeader />
    </header>
  );
}
