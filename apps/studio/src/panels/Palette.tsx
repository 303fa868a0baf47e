/**
 * The palette: every node kind from the catalogue, grouped, with a search box. Drag an item onto
 * the canvas, or double-click it (or press Enter on it) to add it at the centre of the view.
 */
import { CATALOGUE, type LayerKind } from '@unet-studio/compiler';
import { useMemo, useState, type ReactNode } from 'react';
import { addNodeAt } from '../app/actions';
import { KIND_MIME } from '../canvas/dragKind';
import { useStores } from '../state/StoreProvider';
import { paletteGroups } from './paletteGroups';

/** The node palette. */
export function Palette(): ReactNode {
  const stores = useStores();
  const [query, setQuery] = useState('');
  const groups = useMemo(() => paletteGroups(query), [query]);
  const addAtCentre = (kind: LayerKind): void => {
    const rf = stores.flow.current;
    const box = document.querySelector('.canvas')?.getBoundingClientRect();
    const at =
      rf && box
        ? rf.screenToFlowPosition({
            x: box.left + box.width / 2 - 90,
            y: box.top + box.height / 2 - 40,
          })
        : { x: 0, y: 0 };
    addNodeAt(stores, kind, at);
  };
  return (
    <aside className="palette" aria-label="Node palette">
      <input
        type="search"
        className="palette-search"
        placeholder="Search nodes…"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        aria-label="Search nodes"
        data-testid="palette-search"
      />
      {groups.map((g) => (
        <section key={g.category} className="palette-group">
          <h3>{g.title}</h3>
          {g.kinds.map((kind) => {
            const spec = CATALOGUE[kind];
            return (
              <div
                key={kind}
                className="palette-item"
                draggable
                tabIndex={0}
                role="button"
                title={spec.description}
                data-testid={`palette-${kind}`}
                onDragStart={(e) => {
                  e.dataTransfer.setData(KIND_MIME, kind);
                  e.dataTransfer.effectAllowed = 'move';
                }}
                onDoubleClick={() => addAtCentre(kind)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') addAtCentre(kind);
                }}
              >
                <span className="swatch" style={{ background: spec.color }} />
                <span>{spec.label}</span>
              </div>
            );
          })}
        </section>
      ))}
      {groups.length === 0 ? <p className="muted">No node kind matches “{query}”.</p> : null}
    </aside>
  );
}
