/**
 * The inspector: what is selected, and its form. Nothing selected shows the design's name and
 * description; several nodes show group and delete actions; a block shows its group.
 */
import type { ReactNode } from 'react';
import { BLOCK_PREFIX } from '../flow/types';
import { renameGroup, setGroupCollapsed } from '../state/groupEdits';
import { useCompiled } from '../state/useCompiled';
import { useDesign, useStores, useUi } from '../state/StoreProvider';
import { DraftInput } from './DraftInput';
import { NodeInspector } from './NodeInspector';
import { SelectionActions } from './SelectionActions';

/** The inspector panel. */
export function Inspector(): ReactNode {
  const stores = useStores();
  const selected = useUi((s) => s.selectedNodes);
  // Narrow selections: moving nodes changes the layout, which the inspector does not show.
  const model = useDesign((s) => s.design.model);
  const groups = useDesign((s) => s.design.layout.groups);
  const name = useDesign((s) => s.design.name);
  const description = useDesign((s) => s.design.description);
  const compiled = useCompiled();
  const [only] = selected;
  let body: ReactNode;
  if (selected.length > 1) {
    body = <SelectionActions selected={selected} groups={groups} />;
  } else if (only?.startsWith(BLOCK_PREFIX)) {
    const group = groups.find((g) => g.id === only.slice(BLOCK_PREFIX.length));
    body = group ? (
      <div>
        <label htmlFor="group-name">block name</label>
        <DraftInput
          id="group-name"
          key={group.id}
          value={group.name}
          commit={(text) => {
            const { design } = stores;
            design
              .getState()
              .transact('Rename block', (d) => renameGroup(d, group.id, text), `${group.id}:name`);
            return (
              design.getState().design.layout.groups.find((g) => g.id === group.id)?.name ?? ''
            );
          }}
        />
        <p>{group.nodeIds.length} nodes.</p>
        <button
          type="button"
          onClick={() =>
            stores.design
              .getState()
              .transact('Expand block', (d) => setGroupCollapsed(d, group.id, false))
          }
        >
          Expand
        </button>
      </div>
    ) : null;
  } else {
    const node = model.nodes.find((n) => n.id === only);
    body = node ? (
      <NodeInspector node={node} compiled={compiled} />
    ) : (
      <div>
        <label htmlFor="design-name">design name</label>
        <input
          id="design-name"
          value={name}
          data-testid="design-name"
          onChange={(e) => {
            const name = e.target.value.slice(0, 120);
            stores.design
              .getState()
              .transact('Rename design', (d) => ({ ...d, name }), 'design:name');
          }}
        />
        <label htmlFor="design-description">description</label>
        <textarea
          id="design-description"
          value={description}
          rows={4}
          onChange={(e) => {
            const description = e.target.value.slice(0, 4000);
            stores.design
              .getState()
              .transact('Edit description', (d) => ({ ...d, description }), 'design:description');
          }}
        />
        <p className="muted">
          Select a node to edit it. Drag nodes from the palette, or double-click the canvas to add
          one.
        </p>
      </div>
    );
  }
  return (
    <section className="inspector" aria-label="Inspector" data-testid="inspector">
      <h2>Inspector</h2>
      {body}
    </section>
  );
}
