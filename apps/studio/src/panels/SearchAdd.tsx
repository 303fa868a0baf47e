/**
 * Search-and-add: opened by double-clicking the canvas or by dropping a wire in empty space (then
 * only kinds that can take the wire are offered, and the new node is wired to it).
 */
import { CATALOGUE, type LayerKind } from '@unet-studio/compiler';
import { useState, type ReactNode } from 'react';
import { addNodeAt } from '../app/actions';
import { useStores, useUi } from '../state/StoreProvider';
import type { SearchRequest } from '../state/uiStore';
import { searchKinds } from './paletteGroups';

/** The search box, shown while a search request is open. */
export function SearchAdd(): ReactNode {
  const request = useUi((s) => s.search);
  // Remount per request so the query and highlight start fresh.
  return request ? (
    <SearchBox key={`${request.screen.x},${request.screen.y}`} request={request} />
  ) : null;
}

function SearchBox({ request }: { request: SearchRequest }): ReactNode {
  const stores = useStores();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const kinds = searchKinds(query, request.kinds);
  const close = (): void => stores.ui.getState().openSearch(null);
  const pick = (kind: LayerKind): void => {
    close();
    addNodeAt(stores, kind, request.flow, request.from);
  };
  return (
    <div
      className="search-add"
      style={{ left: request.screen.x, top: request.screen.y }}
      data-testid="search-add"
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget)) close();
      }}
    >
      <input
        autoFocus
        value={query}
        placeholder={request.from ? 'Add a node to this wire…' : 'Add a node…'}
        aria-label="Search node kinds"
        data-testid="search-add-input"
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') close();
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, kinds.length - 1));
          if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          const kind = kinds[active];
          if (e.key === 'Enter' && kind) pick(kind);
        }}
      />
      <ul role="listbox" aria-label="Node kinds">
        {kinds.map((kind, i) => (
          <li
            key={kind}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            data-testid={`search-option-${kind}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(kind)}
          >
            <span className="swatch" style={{ background: CATALOGUE[kind].color }} />
            {CATALOGUE[kind].label}
            <span className="muted"> · {CATALOGUE[kind].category}</span>
          </li>
        ))}
        {kinds.length === 0 ? <li className="muted">No match</li> : null}
      </ul>
    </div>
  );
}
