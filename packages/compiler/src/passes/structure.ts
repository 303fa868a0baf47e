/**
 * Pass 1, structure: ids, the input and outputs, edges and ports, cycles, reachability. Its result
 * is the cleaned-up graph the later passes walk: only the first node of a duplicated id, and only
 * edges between existing nodes and ports, one per input port. Nodes are numbered by their position
 * in `nodes`, and the graph, the order and the reachable sets are kept as flat integer arrays.
 */
import type { CompiledNode } from '../compiled';
import type { Design, DesignNode, NodeOf } from '../design/schema';
import { diagnostic } from '../diagnostics/make';
import { indexGraph, reverseIndexGraph, type IndexGraph } from '../graph/indexGraph';
import { reachableMask } from '../graph/reachable';
import { topologicalOrder } from '../graph/topologicalSort';
import { emptyDictionary } from '../shape/dictionary';
import type { Shape } from '../shape/shape';
import type { PassContext } from './context';
import { checkEdges } from './structureEdges';
import { label, reportCycle, reportReach, reportUnconnected } from './structureReports';

/** The graph as the later passes see it. Node `i` is `nodes[i]`. */
export interface Structure {
  /** The nodes, first of each id, in design order. */
  readonly nodes: readonly DesignNode[];
  /** By input port slot (`i · MAX_INPUT_PORTS + port`): the index of the node feeding it, or -1. */
  readonly portSources: Int32Array;
  /** By design edge: its source node's index when the later passes use it, else -1. */
  readonly edgeSources: Int32Array;
  /** The usable edges as arcs between node indices. */
  readonly graph: IndexGraph;
  /** Topological order of the nodes not blocked by a cycle. */
  readonly order: Int32Array;
  /** The part of `order` reachable from the input: the nodes the shapes pass lowers. */
  readonly reached: Int32Array;
  /** The input node's index, or -1. */
  readonly inputIndex: number;
  readonly inputId: string | null;
  readonly outputIds: readonly string[];
  readonly outputIndices: readonly number[];
  /** `fromInput[i]` is 1 when node `i` is reachable from the input. */
  readonly fromInput: Uint8Array;
  /** `toOutput[i]` is 1 when node `i` leads to an output: only these become part of the model. */
  readonly toOutput: Uint8Array;
  readonly dims: 1 | 2;
  /** True when some conv block uses valid padding. */
  readonly validPadding: boolean;
  readonly tables: ResultTables;
}

/**
 * The compiled design's two lookup tables, keyed here in design order and filled by the later
 * passes. Keying them before the lowering, while little else is alive, keeps their growth out of
 * the part of a compile that builds the ops.
 */
export interface ResultTables {
  /**
   * Every node id (first of each) with the node's index, which the node table replaces by the
   * node's compiled entry: the one table serves both, so a compile hashes each id once.
   */
  readonly nodes: Record<string, CompiledNode | number>;
  /** Every edge id (first of each), null until the shapes pass gives a usable edge its shape. */
  readonly edgeShapes: Record<string, Shape | null>;
}

/** Runs the structure checks and returns the cleaned-up graph. */
export function structurePass(design: Design, ctx: PassContext): Structure {
  const nodes: DesignNode[] = [];
  const tables = {
    nodes: emptyDictionary<CompiledNode | number>(),
    edgeShapes: emptyDictionary<Shape | null>(),
  };
  const inputs: NodeOf<'input'>[] = [];
  const outputIds: string[] = [];
  const outputIndices: number[] = [];
  let inputIndex = -1;
  let validPadding = false;
  const all = design.model.nodes;
  for (let k = 0; k < all.length; k++) {
    const node = all[k];
    if (node === undefined) continue;
    if (tables.nodes[node.id] !== undefined) {
      ctx.report(
        diagnostic('DUPLICATE_NODE_ID', `Two nodes have the id '${node.id}': rename one.`, {
          nodeId: node.id,
        }),
      );
      continue;
    }
    tables.nodes[node.id] = nodes.length;
    if (node.kind === 'input') {
      if (inputs.length === 0) inputIndex = nodes.length;
      inputs.push(node);
    } else if (node.kind === 'output') {
      outputIds.push(node.id);
      outputIndices.push(nodes.length);
    } else if (node.kind === 'conv' && node.params.padding === 'valid') validPadding = true;
    nodes.push(node);
  }
  if (inputs.length === 0)
    ctx.report(diagnostic('NO_INPUT', 'The design has no input node: add one from the palette.'));
  for (const extra of inputs.slice(1)) {
    ctx.report(
      diagnostic(
        'MULTIPLE_INPUTS',
        `${label(extra)} is a second input: a U-Net has exactly one. Remove it.`,
        { nodeId: extra.id },
        {
          label: 'Remove this input',
          edits: [{ op: 'removeNode', nodeId: extra.id }],
        },
      ),
    );
  }
  if (outputIds.length === 0)
    ctx.report(
      diagnostic(
        'NO_OUTPUT',
        'The design has no output node: add one after the last decoder block.',
      ),
    );
  const edges = checkEdges(design, nodes, tables, ctx);
  reportUnconnected(ctx, nodes, edges.portSources);
  const graph = indexGraph(nodes.length, edges.arcSources, edges.arcTargets);
  const { order, blocked } = topologicalOrder(graph);
  if (blocked.length > 0) reportCycle(ctx, nodes, edges, blocked);
  const inputId = inputs[0]?.id ?? null;
  const fromInput = reachableMask(graph, inputIndex < 0 ? [] : [inputIndex]);
  const toOutput = reachableMask(reverseIndexGraph(graph), outputIndices);
  reportReach(ctx, nodes, inputIndex, fromInput, toOutput, outputIds);
  return {
    nodes,
    portSources: edges.portSources,
    edgeSources: edges.edgeSources,
    graph,
    order,
    reached: onlyMarked(order, fromInput),
    inputIndex,
    inputId,
    outputIds,
    outputIndices,
    fromInput,
    toOutput,
    dims: inputs[0]?.params.dims ?? 2,
    validPadding,
    tables,
  };
}

/** The entries `i` of `order` with `mask[i]` set, in order. */
function onlyMarked(order: Int32Array, mask: Uint8Array): Int32Array {
  let count = 0;
  for (let k = 0; k < order.length; k++) count += mask[order[k] ?? -1] ?? 0;
  const out = new Int32Array(count);
  let at = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k] ?? -1;
    if (mask[i] === 1) out[at++] = i;
  }
  return out;
}
