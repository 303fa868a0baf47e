/**
 * Lowering one node through its catalogue spec. A walk over thousands of nodes makes the objects
 * every node needs once: the lowering context and the port-op records are reused from node to node
 * (a lowering reads them only during its call), and each node's record of input shapes is a copy
 * of its kind's template.
 *
 * A node's entry keeps its shapes and costs but not its primitive ops: they are made again from
 * the node, its input shapes and its sources' output ops when first read (`NodeEntry.ops`). The
 * ops are most of a lowering's objects; a compiled design that holds them all outlives the
 * garbage collector's young generation on large designs and is copied by it on every compile.
 */
import { CATALOGUE } from '../catalogue/catalogue';
import { LAYER_KINDS, type LayerKind } from '../catalogue/params';
import type { LayerSpec, LowerContext, LowerResult } from '../catalogue/types';
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

/** Lowers node `index` again for its ops; `NodeEntry` calls it on the first read of `ops`. */
export interface OpsSource {
  ops(index: number): readonly PrimitiveOp[];
}

/**
 * A node's compiled entry; every node, lowered or not, gets this one object layout. Its id, kind
 * and name are read from the design node; `ops` is made on first read, from `source`, and kept.
 */
export class NodeEntry implements CompiledNode {
  readonly #source: OpsSource | null;
  readonly #index: number;
  #ops: readonly PrimitiveOp[] | null | undefined = undefined;

  constructor(
    readonly node: DesignNode,
    readonly inputs: Readonly<Record<string, Shape | null>>,
    readonly shape: Shape | null,
    readonly outputOp: string | null,
    readonly cost: Cost | null,
    source: OpsSource | null,
    index: number,
  ) {
    this.#source = source;
    this.#index = index;
  }

  get id(): string {
    return this.node.id;
  }

  get kind(): LayerKind {
    return this.node.kind;
  }

  get name(): string {
    return this.node.name ?? this.node.id;
  }

  /** The node's primitive ops (null when it has no shape), made on first read. */
  get ops(): readonly PrimitiveOp[] | null {
    if (this.#ops === undefined) {
      this.#ops =
        this.shape === null || this.#source === null ? null : this.#source.ops(this.#index);
    }
    return this.#ops;
  }
}

/** The entry of a node that was not lowered, or whose lowering failed. */
export function unloweredEntry(
  node: DesignNode,
  inputs: Readonly<Record<string, Shape | null>> = unknownInputs(node.kind),
): NodeEntry {
  return new NodeEntry(node, inputs, null, null, null, null, -1);
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
  /** The ops of the node `lowerNode` lowered last (null when it got none). */
  lastOps: readonly PrimitiveOp[] | null;
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
  return { s, batch, inputSize, ctx, portOps: {}, lastOps: null };
}

/**
 * Lowers node `i` (`node`), whose sources are in `done` (by node index); its ops are left in
 * `w.lastOps`. The entry reads its ops from `source` when asked for them.
 */
export function lowerNode(
  w: NodeLowering,
  i: number,
  node: DesignNode,
  done: readonly (CompiledNode | undefined)[],
  source: OpsSource,
): NodeEntry {
  w.lastOps = null;
  // The union of specs is called through the widest signature; `node.params` matches `node.kind`.
  const spec = CATALOGUE[node.kind] as unknown as LayerSpec<LayerKind>;
  const ports = spec.inputs;
  const inputs = unknownInputs(node.kind);
  const inputOps = (w.portOps[node.kind] ??= {});
  if (!readPorts(w.s, i, ports, done, inputs, inputOps)) return unloweredEntry(node, inputs);
  const result = runLowering(w, spec, node, inputs as Readonly<Record<string, Shape>>, inputOps);
  if (!result) return unloweredEntry(node, inputs);
  const { ops, shape } = result;
  w.lastOps = ops;
  const last = ops[ops.length - 1];
  const first = ports[0];
  const outputOp = last?.id ?? (first === undefined ? null : (inputOps[first.name] ?? null));
  return new NodeEntry(node, inputs, shape, outputOp, opsCost(ops, w.batch), source, i);
}

/**
 * Fills, for each port of node `i`, the shape (into `inputs`, when given) and the op (into
 * `inputOps`) its source gives. True when every port has both.
 */
function readPorts(
  s: Structure,
  i: number,
  ports: LayerSpec<LayerKind>['inputs'],
  done: readonly (CompiledNode | undefined)[],
  inputs: Record<string, Shape | null> | null,
  inputOps: Record<string, string>,
): boolean {
  let complete = true;
  for (let p = 0; p < ports.length; p++) {
    const name = ports[p]?.name ?? '';
    const source = s.portSources[i * MAX_INPUT_PORTS + p] ?? -1;
    const from = source < 0 ? undefined : done[source];
    const shape = from?.shape ?? null;
    if (inputs !== null) inputs[name] = shape;
    if (from !== undefined && shape !== null && from.outputOp !== null) {
      inputOps[name] = from.outputOp;
    } else complete = false;
  }
  return complete;
}

/** Runs `spec`'s lowering of `node` on complete inputs. */
function runLowering(
  w: NodeLowering,
  spec: LayerSpec<LayerKind>,
  node: DesignNode,
  inputs: Readonly<Record<string, Shape>>,
  inputOps: Readonly<Record<string, string>>,
): LowerResult {
  const ctx = w.ctx;
  ctx.nodeId = node.id;
  ctx.params =
    node.kind === 'input' && w.inputSize ? { ...node.params, size: [...w.inputSize] } : node.params;
  ctx.inputs = inputs;
  ctx.inputOps = inputOps;
  return spec.lower(ctx);
}

/**
 * The ops of entry `i` of `done`, lowered again (with no diagnostics) from its node, its input
 * shapes and its sources' output ops: the same ops its first lowering made.
 */
export function lowerAgain(
  w: NodeLowering,
  i: number,
  done: readonly (CompiledNode | undefined)[],
): readonly PrimitiveOp[] {
  const entry = done[i];
  if (entry === undefined || entry.shape === null) return [];
  const node = entry.node;
  const spec = CATALOGUE[node.kind] as unknown as LayerSpec<LayerKind>;
  const inputOps: Record<string, string> = {};
  readPorts(w.s, i, spec.inputs, done, null, inputOps);
  // A lowered node had a shape on every port.
  const inputs = entry.inputs as Readonly<Record<string, Shape>>;
  return runLowering(w, spec, node, inputs, inputOps)?.ops ?? [];
}
