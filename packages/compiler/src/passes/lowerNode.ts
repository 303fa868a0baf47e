/**
 * Lowering one node through its catalogue spec. A walk over thousands of nodes makes the objects
 * every node needs once: the lowering context and the port-op records are reused from node to node
 * (a lowering reads them only during its call), and each node's record of input shapes is a copy
 * of its kind's template.
 */
import { CATALOGUE } from '../catalogue/catalogue';
import { LAYER_KINDS, type LayerKind } from '../catalogue/params';
import type { LayerSpec, LowerContext } from '../catalogue/types';
import type { CompiledNode, Cost } from '../compiled';
import type { DesignNode } from '../design/schema';
import type { Diagnostic } from '../diagnostics/types';
import { opsCost } from '../lowering/opCost';
import type { PrimitiveOp } from '../lowering/ops';
import type { Shape } from '../shape/shape';
import type { SizeDivision } from '../shape/sizeRules';
import type { Structure } from './structure';
import { MAX_INPUT_PORTS } from './structureEdges';

/**
 * Every input port of each kind, with no shape. JSON.parse builds objects with exactly their
 * properties, so a copy of a template carries no spare property slots.
 */
const INPUT_TEMPLATES = Object.fromEntries(
  LAYER_KINDS.map((k) => {
    const ports = Object.fromEntries(CATALOGUE[k].inputs.map((p) => [p.name, null]));
    return [k, JSON.parse(JSON.stringify(ports)) as Record<string, null>];
  }),
) as Record<LayerKind, Readonly<Record<string, null>>>;

/** A fresh record of `kind`'s input ports, all without a shape. */
export function unknownInputs(kind: LayerKind): Record<string, Shape | null> {
  return { ...INPUT_TEMPLATES[kind] };
}

/** A node's compiled entry; every node, lowered or not, gets this one object layout. */
export function compiledNode(
  node: DesignNode,
  inputs: Readonly<Record<string, Shape | null>>,
  shape: Shape | null,
  ops: readonly PrimitiveOp[] | null,
  outputOp: string | null,
  cost: Cost | null,
): CompiledNode {
  const { id } = node;
  return { id, kind: node.kind, name: node.name ?? id, node, inputs, shape, ops, outputOp, cost };
}

/** A lowering context whose fields change from node to node. */
type Scratch = { -readonly [F in keyof LowerContext<LayerKind>]: LowerContext<LayerKind>[F] };

/** What lowering the nodes of one walk shares. */
export interface NodeLowering {
  readonly s: Structure;
  readonly batch: number;
  readonly inputSize: readonly (number | null)[] | undefined;
  readonly ctx: Scratch;
  /** One record of port ops per kind, refilled for each node. */
  readonly portOps: Partial<Record<LayerKind, Record<string, string>>>;
}

/** The shared state of a walk over `s`; `report` and `onDivision` get the node id from it. */
export function nodeLowering(
  s: Structure,
  batch: number,
  inputSize: readonly (number | null)[] | undefined,
  report: (d: Diagnostic) => void,
  onDivision: ((nodeId: string, division: SizeDivision) => void) | undefined,
): NodeLowering {
  // A block repeats some checks per conv (GroupNorm in each of its convs): the same diagnostic
  // twice in a row on one node is reported once.
  let last: Diagnostic | null = null;
  let lastNode = '';
  // The node fields are set for each node before its lowering.
  const ctx: Scratch = {
    nodeId: '',
    params: {},
    inputs: {},
    inputOps: {},
    dims: s.dims,
    report: (d) => {
      if (last && lastNode === ctx.nodeId && last.code === d.code && last.message === d.message)
        return;
      last = d;
      lastNode = ctx.nodeId;
      report({ ...d, nodeId: ctx.nodeId });
    },
    onDivision: onDivision ? (division) => onDivision(ctx.nodeId, division) : undefined,
    validPadding: s.validPadding,
  };
  return { s, batch, inputSize, ctx, portOps: {} };
}

/** Lowers node `i` (`node`), whose sources are in `done` (by node index). */
export function lowerNode(
  w: NodeLowering,
  i: number,
  node: DesignNode,
  done: readonly (CompiledNode | undefined)[],
): CompiledNode {
  // The union of specs is called through the widest signature; `node.params` matches `node.kind`.
  const spec = CATALOGUE[node.kind] as unknown as LayerSpec<LayerKind>;
  const ports = spec.inputs;
  const inputs = unknownInputs(node.kind);
  const inputOps = (w.portOps[node.kind] ??= {});
  let complete = true;
  for (let p = 0; p < ports.length; p++) {
    const name = ports[p]?.name ?? '';
    const source = w.s.portSources[i * MAX_INPUT_PORTS + p] ?? -1;
    const from = source < 0 ? undefined : done[source];
    const shape = from?.shape ?? null;
    inputs[name] = shape;
    if (from !== undefined && shape !== null && from.outputOp !== null) {
      inputOps[name] = from.outputOp;
    } else complete = false;
  }
  if (!complete) return compiledNode(node, inputs, null, null, null, null);
  const ctx = w.ctx;
  ctx.nodeId = node.id;
  ctx.params =
    node.kind === 'input' && w.inputSize ? { ...node.params, size: [...w.inputSize] } : node.params;
  // Complete: every port has a shape, so `inputs` is the map of input shapes the spec expects.
  ctx.inputs = inputs as Readonly<Record<string, Shape>>;
  ctx.inputOps = inputOps;
  const result = spec.lower(ctx);
  if (!result) return compiledNode(node, inputs, null, null, null, null);
  const { ops, shape } = result;
  const last = ops[ops.length - 1];
  const first = ports[0];
  const outputOp = last?.id ?? (first === undefined ? null : (inputOps[first.name] ?? null));
  return compiledNode(node, inputs, shape, ops, outputOp, opsCost(ops, w.batch));
}
