/**
 * The structure pass's reports about the whole graph: unconnected ports, a cycle, and nodes cut
 * off from the input or from every output.
 */
import { CATALOGUE } from '../catalogue/catalogue';
import type { DesignNode } from '../design/schema';
import { diagnostic } from '../diagnostics/make';
import { buildAdjacency } from '../graph/adjacency';
import { findCycle } from '../graph/findCycle';
import type { PassContext } from './context';
import { MAX_INPUT_PORTS } from './structureEdges';

/** How a node is named in messages: its kind's label and its name (or id). */
export const label = (n: DesignNode): string => `${CATALOGUE[n.kind].label} '${n.name ?? n.id}'`;

/** PORT_UNCONNECTED for every input port that no edge feeds. */
export function reportUnconnected(
  ctx: PassContext,
  nodes: readonly DesignNode[],
  portSources: Int32Array,
): void {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (!node) continue;
    const ports = CATALOGUE[node.kind].inputs;
    for (let p = 0; p < ports.length; p++) {
      if ((portSources[i * MAX_INPUT_PORTS + p] ?? -1) >= 0) continue;
      ctx.report(
        diagnostic(
          'PORT_UNCONNECTED',
          `${label(node)} has nothing connected to its '${ports[p]?.name ?? ''}' port.`,
          { nodeId: node.id },
        ),
      );
    }
  }
}

/** CYCLE, naming one cycle's nodes (found on the id graph: this only runs for a cyclic design). */
export function reportCycle(
  ctx: PassContext,
  nodes: readonly DesignNode[],
  edges: { readonly arcSources: Int32Array; readonly arcTargets: Int32Array },
  blocked: readonly number[],
): void {
  const idOf = (i: number): string => nodes[i]?.id ?? '';
  const arcs = Array.from(edges.arcSources, (s, k) => ({
    source: idOf(s),
    target: idOf(edges.arcTargets[k] ?? -1),
  }));
  const cycle = findCycle(
    buildAdjacency(
      nodes.map((n) => n.id),
      arcs,
    ),
  );
  const path = cycle ?? blocked.map(idOf);
  const first = path[0] ?? '';
  ctx.report(
    diagnostic(
      'CYCLE',
      `The graph loops back on itself: ${[...path, first].join(' → ')}. Remove one of these connections.`,
      { nodeId: first },
    ),
  );
}

/** UNREACHABLE_NODE or DANGLING_NODE for every node cut off from the input or from every output. */
export function reportReach(
  ctx: PassContext,
  nodes: readonly DesignNode[],
  inputIndex: number,
  fromInput: Uint8Array,
  toOutput: Uint8Array,
  outputIds: readonly string[],
): void {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (!node) continue;
    if (inputIndex >= 0 && fromInput[i] !== 1) {
      ctx.report(
        diagnostic(
          'UNREACHABLE_NODE',
          `${label(node)} is not connected to the input, so it is ignored.`,
          { nodeId: node.id },
        ),
      );
    } else if (outputIds.length > 0 && toOutput[i] !== 1) {
      ctx.report(
        diagnostic('DANGLING_NODE', `${label(node)} leads to no output, so its result is unused.`, {
          nodeId: node.id,
        }),
      );
    }
  }
}
