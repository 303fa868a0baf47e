/**
 * The help overlay: every keyboard shortcut, from the same table the shortcut handler uses.
 */
import type { ReactNode } from 'react';
import { SHORTCUTS } from '../app/shortcuts';
import { useStores } from '../state/StoreProvider';

/** The shortcuts help dialog. */
export function HelpOverlay(): ReactNode {
  const stores = useStores();
  return (
    <div className="modal help" role="dialog" aria-label="Keyboard shortcuts" data-testid="help">
      <header className="drawer-header">
        <h2>Keyboard shortcuts</h2>
        <button
          type="button"
          className="close"
          aria-label="Close"
          onClick={() => stores.ui.getState().openPanel(null)}
        >
          ✕
        </button>
      </header>
      <table>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys}>
              <td>
                <kbd>{s.keys}</kbd>
              </td>
              <td>{s.label}</td>
            </tr>
          ))}
          <tr>
            <td>
              <kbd>Mod+C</kbd> / <kbd>Mod+X</kbd> / <kbd>Mod+V</kbd>
            </td>
            <td>Copy / cut / paste the selection (links between copied nodes kept)</td>
          </tr>
          <tr>
            <td>
              <kbd>Delete</kbd> / <kbd>Backspace</kbd>
            </td>
            <td>Delete the selection</td>
          </tr>
          <tr>
            <td>
              <kbd>Shift</kbd> + drag
            </td>
            <td>Box-select</td>
          </tr>
          <tr>
            <td>Double-click the canvas</td>
            <td>Search and add a node</td>
          </tr>
          <tr>
            <td>Drop a wire in empty space</td>
            <td>Add a node that takes it</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
