/**
 * A collapsed group drawn as one node, with its members' totals and problems and a button to
 * expand it back.
 */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, type ReactNode } from 'react';
import { formatCount } from '../flow/formatShape';
import type { BlockFlowNode } from '../flow/types';
import { setGroupCollapsed } from '../state/groupEdits';
import { useStores } from '../state/StoreProvider';
import { ProblemBadge, worstSeverity } from './ProblemBadge';

function BlockNodeView({ id, data, selected }: NodeProps<BlockFlowNode>): ReactNode {
  const stores = useStores();
  const severity = worstSeverity(data.problems);
  const expand = (): void =>
    stores.design
      .getState()
      .transact(`Expand ${data.name}`, (d) => setGroupCollapsed(d, data.groupId, false));
  return (
    <div
      className={`block-node${selected ? ' selected' : ''}${severity ? ` has-${severity}` : ''}`}
      data-testid={`node-${id}`}
    >
      <div className="layer-node-header block-header">
        <span className="layer-node-kind">Block</span>
        <ProblemBadge problems={data.problems} testId={`node-badge-${id}`} />
        <button
          type="button"
          className="nodrag nokey icon-button"
          onClick={expand}
          title="Expand the block"
          data-testid={`expand-${data.groupId}`}
        >
          ⊞
        </button>
      </div>
      <div className="layer-node-body">
        <div className="layer-node-name">{data.name}</div>
        <div className="layer-node-shape">{data.shape ?? '—'}</div>
        <div className="layer-node-params">
          {data.members} nodes
          {data.params === null || Number.isNaN(data.params)
            ? ''
            : ` · ${formatCount(data.params)} params`}
        </div>
      </div>
      <Handle
        id="in"
        type="target"
        position={Position.Left}
        className="port"
        isConnectable={false}
      />
      <Handle
        id="out"
        type="source"
        position={Position.Right}
        className="port"
        isConnectable={false}
      />
    </div>
  );
}

/** The memoised block node component. */
export const BlockNode = memo(BlockNodeView);
