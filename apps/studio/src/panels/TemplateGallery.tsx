/**
 * The template gallery: the compiler's templates (each seed system and the small study designs),
 * and a blank design. Opening one is one undoable step.
 */
import { TEMPLATES } from '@unet-studio/compiler';
import type { ReactNode } from 'react';
import { openDesign } from '../app/actions';
import { blankDesign } from '../state/blankDesign';
import { useStores } from '../state/StoreProvider';

/** The template gallery dialog. */
export function TemplateGallery(): ReactNode {
  const stores = useStores();
  const close = (): void => stores.ui.getState().openPanel(null);
  return (
    <div className="modal" role="dialog" aria-label="Templates" data-testid="templates">
      <header className="drawer-header">
        <h2>Start from a template</h2>
        <button type="button" className="close" aria-label="Close" onClick={close}>
          ✕
        </button>
      </header>
      <ul className="template-list">
        <li>
          <button
            type="button"
            className="template-card"
            data-testid="template-blank"
            onClick={() => {
              openDesign(stores, blankDesign(), 'New blank design');
              close();
            }}
          >
            <strong>Blank</strong>
            <span className="muted">An empty canvas.</span>
          </button>
        </li>
        {TEMPLATES.map((t) => (
          <li key={t.name}>
            <button
              type="button"
              className="template-card"
              data-testid={`template-${t.name}`}
              onClick={() => {
                openDesign(stores, t.build(), `Open template ${t.title}`);
                close();
              }}
            >
              <strong>{t.title}</strong>
              {t.seed ? <span className="tag">seed {t.seed}</span> : null}
              <span className="muted">{t.description}</span>
              <code>?template={t.name}</code>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
