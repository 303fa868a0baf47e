/**
 * The template gallery: a blank design and the compiler's templates, each as a card with a
 * miniature of its graph, a plain-language line of what it is and when to use it, its parameter
 * count and input size. Opening one is one undoable step.
 */
import { TEMPLATES } from '@unet-studio/compiler';
import { useMemo, type ReactNode } from 'react';
import { openDesign } from '../app/actions';
import { blankDesign } from '../state/blankDesign';
import { useStores } from '../state/StoreProvider';
import { cardFacts, cardText } from './templateCards';
import { TemplateThumbnail } from './TemplateThumbnail';

/** The template gallery dialog. */
export function TemplateGallery(): ReactNode {
  const stores = useStores();
  const close = (): void => stores.ui.getState().openPanel(null);
  // Built once per gallery opening: each card shows its template's laid-out design and figures.
  const cards = useMemo(
    () =>
      TEMPLATES.map((template) => {
        const design = template.build();
        return { template, design, text: cardText(template), facts: cardFacts(design) };
      }),
    [],
  );
  return (
    <div className="modal modal-wide" role="dialog" aria-label="Templates" data-testid="templates">
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
            <span className="template-blurb">
              An empty canvas. Drag layers from the palette on the left, or double-click the canvas
              to search for one.
            </span>
          </button>
        </li>
        {cards.map(({ template: t, design, text, facts }) => (
          <li key={t.name} data-testid={`template-card-${t.name}`}>
            <button
              type="button"
              className="template-card"
              data-testid={`template-${t.name}`}
              title={t.description}
              onClick={() => {
                openDesign(stores, t.build(), `Open template ${text.title}`);
                close();
              }}
            >
              <TemplateThumbnail design={design} label={text.title} />
              <strong>{text.title}</strong>
              <span className="template-blurb">{text.blurb}</span>
              <span className="template-facts">
                <span>{facts.params}</span>
                <span>{facts.input}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
