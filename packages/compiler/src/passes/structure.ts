/**
 * Pass 1, structure: ids, the input and outputs, edges and ports, cycles, reachability. Its result
 * is the cleaned-up graph the later passes walk: only the first node of a duplicated id, and only
 * edges between existing nodes and ports, one per input port.
 */
import { CATALOGUE } from '../catalogue/catalogue';
import type { Design, DesignEdge, DesignNode, NodeOf } from '../design/schema';
import { diagnostic } from '../diagnostics/make';
import { buildAdjacency, reverseAdjacency, type Adjacency } from '../graph/adjacency';
import { findCycle } from '../graph/findCycle';
import { reachable } from '../graph/reachable';
import { topologicalSort } from '../graph/topologicalSort';
import { checkEdges, type PortEdges } from './structureEdges';
import type { PassContext } from './context';

/** The graph as the later passes see it. */
export interface Structure {
  readonly nodes: ReadonlyMap<string, DesignNode>;
  /** The edge feeding each input port, by node id then port name. */
  readonly incoming: ReadonlyMap<string, PortEdges>;
  readonly edges: readonly DesignEdge[];
  readonly adj: Adjacency;
  /** Topological order of the nodes not blocked by a cycle. */
  readonly order: readonly string[];
  readonly inputId: string | null;
  readonly outputIds: readonly string[];
  /** Nodes reachable from the input. */
  readonly fromInput: ReadonlySet<string>;
  /** Nodes that lead to an output: only these become part of the built model. */
  readonly toOutput: ReadonlySet<string>;
  readonly dims: 1 | 2;
  /** True when some conv block uses valid padding. */
  readonly validPadding: boolean;
}

const label = (n: DesignNode): string => `${CATALOGUE[n.kind].label} '${n.name ?? n.id}'`;

/** Runs the structure checks and returns the cleaned-up graph. */
export function structurePass(design: Design, ctx: PassContext): Structure {
  const nodes = new Map<string, DesignNode>();
  const inputs: NodeOf<'input'>[] = [];
  const outputIds: string[] = [];
  let validPadding = false;
  for (const node of design.model.nodes) {
    if (nodes.has(node.id)) {
      ctx.report(
        diagnostic('DUPLICATE_NODE_ID', `Two nodes have the id '${node.id}': rename one.`, {
          nodeId: node.id,
        }),
      );
      continue;
    }
    nodes.set(node.id, node);
    if (node.kind === 'input') inputs.push(node);
    else if (node.kind === 'output') outputIds.push(node.id);
    else if (node.kind === 'conv' && node.params.padding === 'valid') validPadding = true;
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
  const { edges, incoming } = checkEdges(design, nodes, ctx);
  for (const node of nodes.values()) {
    for (const port of CATALOGUE[node.kind].inputs) {
      if (!incoming.get(node.id)?.[port.name]) {
        ctx.report(
          diagnostic(
            'PORT_UNCONNECTED',
            `${label(node)} has nothing connected to its '${port.name}' port.`,
            { nodeId: node.id },
          ),
        );
      }
    }
  }
  const adj = buildAdjacency(nodes.keys(), edges);
  const { order, blocked } = topologicalSort(adj);
  if (blocked.length > 0) {
    const cycle = findCycle(adj) ?? blocked;
    const first = cycle[0] ?? '';
    ctx.report(
      diagnostic(
        'CYCLE',
        `The graph loops back on itself: ${[...cycle, first].join(' → ')}. Remove one of these connections.`,
        {
          nodeId: first,
        },
      ),
    );
  }
  const inputId = inputs[0]?.id ?? null;
  const fromInput = inputId === null ? new Set<string>() : reachable(adj, [inputId]);
  const toOutput = reachable(reverseAdjacency(adj), outputIds);
  reportReach(ctx, nodes, inputId, fromInput, toOutput, outputIds);
  return {
    nodes,
    incoming,
    edges,
    adj,
    order,
    inputId,
    outputIds,
    fromInput,
    toOutput,
    dims: inputs[0]?.params.dims ?? 2,
    validPadding,
  };
}

function reportReach(
  ctx: PassContext,
  nodes: ReadonlyMap<string, DesignNode>,
  inputId: string | null,
  fromInput: ReadonlySet<string>,
  toOutput: ReadonlySet<string>,
  outputIds: readonly string[],
): void {
  for (const node of nodes.values()) {
    if (inputId !== null && !fromInput.has(node.id)) {
      ctx.report(
        diagnostic(
          'UNREACHABLE_NODE',
          `${label(node)} is not connected to the input, so it is ignored.`,
          { nodeId: node.id },
        ),
      );
    } else if (outputIds.length > 0 && !toOutput.has(node.id)) {
      ctx.report(
        diagnostic('DANGLING_NODE', `${label(node)} leads to no output, so its result is unused.`, {
          nodeId: node.id,
        }),
      );
    }
  }
}
