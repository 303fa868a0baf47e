/**
 * Lowers every node reachable from the input, in topological order, through its catalogue spec.
 * A node whose inputs are unknown (unconnected, or downstream of an error) gets no shape and no
 * diagnostic, so one mistake is reported once. The shapes pass and the input-size analysis share it.
 */
import { CATALOGUE } from '../catalogue/catalogue';
import type { LayerKind } from '../catalogue/params';
import type { LayerSpec } from '../catalogue/types';
import type { DesignNode } from '../design/schema';
import type { Diagnostic } from '../diagnostics/types';
import type { PrimitiveOp } from '../lowering/ops';
import type { Shape } from '../shape/shape';
import type { DivisionSink, SizeDivision } from '../shape/sizeRules';
import type { Structure } from './structure';

/** One node after lowering. */
export interface LoweredNode {
  readonly inputs: Readonly<Record<string, Shape | null>>;
  readonly shape: Shape | null;
  readonly ops: readonly PrimitiveOp[] | null;
  readonly outputOp: string | null;
}

/** How to lower. */
export interface LowerGraphOptions {
  /** Receives each diagnostic (with its node id). */
  readonly report: (d: Diagnostic) => void;
  /** Replaces the input node's spatial size. */
  readonly inputSize?: readonly (number | null)[];
  /** Receives every downsampling division, with the node that performs it. */
  readonly onDivision?: (nodeId: string, division: SizeDivision) => void;
}

/** Lowers the graph; nodes that are not reachable from the input are left out of the map. */
export function lowerGraph(s: Structure, options: LowerGraphOptions): Map<string, LoweredNode> {
  const out = new Map<string, LoweredNode>();
  // One report and one division callback for the whole walk (not one per node): `current` says
  // which node they speak for.
  let current = '';
  const report = (d: Omit<Diagnostic, 'nodeId'>): void => options.report({ ...d, nodeId: current });
  const sink = options.onDivision;
  const onDivision = sink ? (division: SizeDivision): void => sink(current, division) : undefined;
  for (const id of s.order) {
    if (!s.fromInput.has(id)) continue;
    const node = s.nodes.get(id);
    if (!node) continue;
    current = id;
    out.set(id, lowerOne(s, node, out, options.inputSize, report, onDivision));
  }
  return out;
}

function lowerOne(
  s: Structure,
  node: DesignNode,
  done: ReadonlyMap<string, LoweredNode>,
  inputSize: readonly (number | null)[] | undefined,
  report: (d: Omit<Diagnostic, 'nodeId'>) => void,
  onDivision: DivisionSink | undefined,
): LoweredNode {
  // The union of specs is called through the widest signature; `node.params` matches `node.kind`.
  const spec = CATALOGUE[node.kind] as unknown as LayerSpec<LayerKind>;
  const inputs: Record<string, Shape | null> = {};
  const shapes: Record<string, Shape> = {};
  const inputOps: Record<string, string> = {};
  let complete = true;
  const ports = s.incoming.get(node.id);
  for (const port of spec.inputs) {
    const source = ports?.[port.name]?.source;
    const from = source === undefined ? undefined : done.get(source);
    inputs[port.name] = from?.shape ?? null;
    if (from?.shape && from.outputOp !== null) {
      shapes[port.name] = from.shape;
      inputOps[port.name] = from.outputOp;
    } else complete = false;
  }
  if (!complete) return { inputs, shape: null, ops: null, outputOp: null };
  const params =
    node.kind === 'input' && inputSize ? { ...node.params, size: [...inputSize] } : node.params;
  const result = spec.lower({
    nodeId: node.id,
    params,
    inputs: shapes,
    inputOps,
    dims: s.dims,
    report,
    onDivision,
    validPadding: s.validPadding,
  });
  if (!result) return { inputs, shape: null, ops: null, outputOp: null };
  const last = result.ops[result.ops.length - 1];
  const first = spec.inputs[0];
  const passThrough = first === undefined ? null : (inputOps[first.name] ?? null);
  return { inputs, shape: result.shape, ops: result.ops, outputOp: last?.id ?? passThrough };
}
