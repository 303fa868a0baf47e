/**
 * A layer node: header in the kind's colour, name, output shape and parameter count, a problem
 * badge, and one typed handle per catalogue port. What the compiler derived is the node's own view
 * (`viewStore.ts`): the node re-renders only when its problems change, and its shape and parameter
 * texts follow the view without rendering, so an edit of the input size, which changes every
 * shape, renders no node at all. The handles render once.
 */
import { CATALOGUE, type LayerKind } from '@unet-studio/compiler';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, type ReactNode } from 'react';
import { formatCount } from '../flow/formatShape';
import type { LayerFlowNode } from '../flow/types';
import type { NodeView } from '../flow/views';
import { useNodeProblems, useNodeWriter } from '../state/useViews';
import { setText } from './setText';
import { inputPortColor, outputPortColor, portOffset } from './ports';
import { ProblemBadge, worstSeverity } from './ProblemBadge';

/** The handles of a kind; they depend on the kind alone, so this renders once per node. */
const Ports = memo(function Ports({ kind }: { kind: LayerKind }): ReactNode {
  const spec = CATALOGUE[kind];
  return (
    <>
      {spec.inputs.map((p, i) => (
        <Handle
          key={p.name}
          id={p.name}
          type="target"
          position={Position.Left}
          className="port"
          style={{ top: portOffset(i, spec.inputs.length), background: inputPortColor(p.name) }}
          title={`${p.label} (input)`}
        >
          {spec.inputs.length > 1 ? <span className="port-label in">{p.label}</span> : null}
        </Handle>
      ))}
      {spec.outputs.map((p, i) => (
        <Handle
          key={p.name}
          id={p.name}
          type="source"
          position={Position.Right}
          className="port"
          style={{ top: portOffset(i, spec.outputs.length), background: outputPortColor(kind) }}
          title={`${p.label} (output)`}
        />
      ))}
    </>
  );
});

/** Writes the shape into the node's shape line and the parameter count into the line after it. */
function writeFacts(shapeLine: HTMLDivElement, { shape, params }: NodeView): void {
  setText(shapeLine, shape ?? '—');
  const paramsLine = shapeLine.nextElementSibling;
  if (paramsLine instanceof HTMLElement) {
    setText(
      paramsLine,
      params === null || Number.isNaN(params) ? '' : `${formatCount(params)} params`,
    );
  }
}

function LayerNodeView({ id, data, selected }: NodeProps<LayerFlowNode>): ReactNode {
  const { kind, name } = data;
  const problems = useNodeProblems(id);
  const facts = useNodeWriter(id, writeFacts);
  const spec = CATALOGUE[kind];
  const severity = worstSeverity(problems);
  return (
    <div
      className={`layer-node${spec.inputs.length > 1 ? ' multi-input' : ''}${selected ? ' selected' : ''}${severity ? ` has-${severity}` : ''}`}
      data-testid={`node-${id}`}
      data-kind={kind}
    >
      <div className="layer-node-header" style={{ background: spec.color }}>
        <span className="layer-node-kind">{spec.label}</span>
        <ProblemBadge problems={problems} testId={`node-badge-${id}`} />
      </div>
      <div className="layer-node-body">
        <div className="layer-node-name" title={name ?? id}>
          {name ?? id}
        </div>
        <div className="layer-node-shape" data-testid={`node-shape-${id}`} ref={facts} />
        <div className="layer-node-params" />
      </div>
      <Ports kind={kind} />
    </div>
  );
}

/** The memoised layer node component (one for every kind). */
export const LayerNode = memo(LayerNodeView);
