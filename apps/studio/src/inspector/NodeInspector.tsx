/**
 * The inspector of one layer node: its name, its params form (generated from the kind's schema,
 * with units and defaults), what the compiler derived (shape, parameters, MACs) and its problems
 * with their one-click fixes.
 */
import {
  CATALOGUE,
  formatBytes,
  type CompiledDesign,
  type DesignNode,
} from '@unet-studio/compiler';
import { useMemo, type ReactNode } from 'react';
import type { z } from 'zod';
import { formatCount, formatShape } from '../flow/formatShape';
import { renameNode, setNodeParams } from '../state/designEdits';
import { useStores } from '../state/StoreProvider';
import { DiagnosticItem } from '../panels/DiagnosticItem';
import { DraftInput } from './DraftInput';
import { ParamField } from './ParamField';
import { fieldsOf } from './schemaForm';

/** Props: the node and the current compilation. */
export interface NodeInspectorProps {
  readonly node: DesignNode;
  readonly compiled: CompiledDesign;
}

/** Inspector body for a layer node. */
export function NodeInspector({ node, compiled }: NodeInspectorProps): ReactNode {
  const stores = useStores();
  const spec = CATALOGUE[node.kind];
  const schema = spec.params as unknown as z.ZodType;
  const fields = useMemo(() => fieldsOf(schema), [schema]);
  const defaults = useMemo(() => schema.parse({}) as Record<string, unknown>, [schema]);
  const help = spec.paramHelp as Readonly<Record<string, string | undefined>>;
  const c = compiled.nodes[node.id];
  const diagnostics = compiled.diagnostics.filter((d) => d.nodeId === node.id);
  const onCommit = (params: Record<string, unknown>, path: string): void =>
    stores.design
      .getState()
      .transact(
        `Edit ${node.name ?? node.id} ${path}`,
        (d) => setNodeParams(d, node.id, params),
        `${node.id}:${path}`,
      );
  return (
    <div className="node-inspector" data-testid={`inspector-${node.id}`}>
      <header className="inspector-header" style={{ borderColor: spec.color }}>
        <strong>{spec.label}</strong> <code>{node.id}</code>
        <p className="muted">{spec.description}</p>
      </header>
      <div className="param-field">
        <label htmlFor="node-name">name</label>
        <DraftInput
          id="node-name"
          key={node.id}
          value={node.name ?? ''}
          placeholder={node.id}
          data-testid="field-name"
          commit={(text) => {
            const { design } = stores;
            design
              .getState()
              .transact('Rename node', (d) => renameNode(d, node.id, text), `${node.id}:name`);
            return design.getState().design.model.nodes.find((n) => n.id === node.id)?.name ?? '';
          }}
        />
      </div>
      <dl className="derived" data-testid="inspector-derived">
        <dt>output</dt>
        <dd>{c?.shape ? formatShape(c.shape) : '—'}</dd>
        <dt>params</dt>
        <dd>
          {c?.cost && !Number.isNaN(c.cost.trainable)
            ? `${(c.cost.trainable + c.cost.nonTrainable).toLocaleString('en')}`
            : '—'}
        </dd>
        <dt>MACs</dt>
        <dd>{c?.cost && !Number.isNaN(c.cost.macs) ? formatCount(c.cost.macs) : '—'}</dd>
        <dt>activations</dt>
        <dd>
          {c?.cost && !Number.isNaN(c.cost.activationBytes)
            ? formatBytes(c.cost.activationBytes)
            : '—'}
        </dd>
      </dl>
      <form className="params-form" key={node.id} onSubmit={(e) => e.preventDefault()}>
        {fields.map((f) => {
          const key = f.path[0] ?? '';
          return (
            <ParamField
              key={f.path.join('.')}
              field={f}
              params={node.params}
              defaults={defaults}
              schema={schema}
              help={help[key]}
              onCommit={onCommit}
            />
          );
        })}
      </form>
      {diagnostics.length > 0 ? (
        <ul className="problem-list">
          {diagnostics.map((d, i) => (
            <DiagnosticItem key={`${d.code}-${i}`} diagnostic={d} index={i} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}
