/**
 * The frame of an expanded group, drawn behind its members, with the group's name (editable) and a
 * button to collapse it into one block.
 */
import type { NodeProps } from '@xyflow/react';
import { memo, useState, type ReactNode } from 'react';
import type { FrameFlowNode } from '../flow/types';
import { renameGroup, setGroupCollapsed, ungroup } from '../state/groupEdits';
import { useStores } from '../state/StoreProvider';

function FrameNodeView({ data, width, height }: NodeProps<FrameFlowNode>): ReactNode {
  const stores = useStores();
  const [editing, setEditing] = useState(false);
  const run = (
    label: string,
    recipe: Parameters<ReturnType<typeof stores.design.getState>['transact']>[1],
  ): void => stores.design.getState().transact(label, recipe);
  return (
    <div className="frame-node" style={{ width, height }} data-testid={`frame-${data.groupId}`}>
      <div className="frame-header nodrag nokey">
        {editing ? (
          <input
            className="frame-name-input"
            defaultValue={data.name}
            autoFocus
            aria-label="Block name"
            onBlur={(e) => {
              setEditing(false);
              run('Rename block', (d) => renameGroup(d, data.groupId, e.currentTarget.value));
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') e.currentTarget.blur();
              if (e.key === 'Escape') setEditing(false);
            }}
          />
        ) : (
          <span
            className="frame-name"
            onDoubleClick={() => setEditing(true)}
            title="Double-click to rename"
          >
            {data.name}
          </span>
        )}
        <button
          type="button"
          className="icon-button"
          title="Collapse into one block"
          data-testid={`collapse-${data.groupId}`}
          onClick={() =>
            run(`Collapse ${data.name}`, (d) => setGroupCollapsed(d, data.groupId, true))
          }
        >
          ⊟
        </button>
        <button
          type="button"
          className="icon-button"
          title="Ungroup"
          onClick={() => run(`Ungroup ${data.name}`, (d) => ungroup(d, data.groupId))}
        >
          ✕
        </button>
      </div>
    </div>
  );
}

/** The memoised frame node component. */
export const FrameNode = memo(FrameNodeView);
