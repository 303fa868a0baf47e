/**
 * The frame of an expanded group, drawn behind its members, with the group's name (editable) and a
 * button to collapse it into one block. Its outline is the union of a padded box per member (the
 * outline of the boxes drawn thick, then their fills over it), so a node lying between members
 * but outside the group stays outside the frame.
 */
import type { NodeProps } from '@xyflow/react';
import { memo, useState, type ReactNode } from 'react';
import type { FrameRect } from '../flow/groupBlocks';
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
  const first = data.rects.reduce<FrameRect | undefined>(
    (a, r) => (!a || r.y < a.y || (r.y === a.y && r.x < a.x) ? r : a),
    undefined,
  );
  return (
    <div className="frame-node" style={{ width, height }} data-testid={`frame-${data.groupId}`}>
      <svg className="frame-outline" width={width} height={height} aria-hidden="true">
        <g className="frame-outline-stroke">
          {data.rects.map((r, i) => (
            <rect key={i} x={r.x} y={r.y} width={r.width} height={r.height} rx={10} />
          ))}
        </g>
        <g className="frame-outline-fill">
          {data.rects.map((r, i) => (
            <rect
              key={i}
              x={r.x}
              y={r.y}
              width={r.width}
              height={r.height}
              rx={10}
              data-testid={`frame-part-${data.groupId}`}
            />
          ))}
        </g>
      </svg>
      <div
        className="frame-header nodrag nokey"
        style={{ left: first?.x ?? 0, top: first?.y ?? 0 }}
      >
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
