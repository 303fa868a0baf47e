/**
 * The inspector for several selected nodes: when they are exactly one block's members (as right
 * after grouping them) it shows that block, with collapse and ungroup; otherwise the count of
 * nodes and the actions to group or delete them.
 */
import type { Group } from '@unet-studio/compiler';
import type { ReactNode } from 'react';
import { deleteSelection, groupSelection } from '../app/actions';
import { setGroupCollapsed, ungroup } from '../state/groupEdits';
import type { Recipe } from '../state/designStore';
import { useStores } from '../state/StoreProvider';

/** The group whose members are exactly `selected`, if any. */
export function groupOfSelection(
  selected: readonly string[],
  groups: readonly Group[],
): Group | undefined {
  const set = new Set(selected);
  return groups.find((g) => g.nodeIds.length === set.size && g.nodeIds.every((id) => set.has(id)));
}

/** Actions on a multiple selection of nodes. */
export function SelectionActions(props: {
  selected: readonly string[];
  groups: readonly Group[];
}): ReactNode {
  const stores = useStores();
  const group = groupOfSelection(props.selected, props.groups);
  if (group) {
    const transact = (label: string, recipe: Recipe): void =>
      stores.design.getState().transact(label, recipe);
    return (
      <div data-testid="selected-group">
        <p>
          Block <b>{group.name}</b> · {group.nodeIds.length} nodes.
        </p>
        <div className="button-row">
          <button
            type="button"
            onClick={() =>
              transact(`Collapse ${group.name}`, (d) => setGroupCollapsed(d, group.id, true))
            }
          >
            Collapse
          </button>
          <button
            type="button"
            onClick={() => transact(`Ungroup ${group.name}`, (d) => ungroup(d, group.id))}
          >
            Ungroup
          </button>
        </div>
      </div>
    );
  }
  return (
    <div>
      <p>{props.selected.length} nodes selected.</p>
      <div className="button-row">
        <button type="button" onClick={() => groupSelection(stores)} data-testid="group-selection">
          Group into a block
        </button>
        <button type="button" onClick={() => deleteSelection(stores)}>
          Delete
        </button>
      </div>
    </div>
  );
}
