/**
 * The edge checks of the structure pass: unique ids, existing nodes and ports, one edge per input
 * port. Returns the usable edges as node indices.
 */
import { CATALOGUE } from '../catalogue/catalogue';
import { LAYER_KINDS, type LayerKind } from '../catalogue/params';
import type { Design, DesignNode } from '../design/schema';
import { diagnostic } from '../diagnostics/make';
import type { PassContext } from './context';
import type { ResultTables } from './structure';

const portNames = (ports: readonly { name: string }[]): readonly string[] =>
  ports.map((p) => p.name);
/** Port names by kind, computed once. */
const PORTS = Object.fromEntries(
  LAYER_KINDS.map((k) => [
    k,
    { in: portNames(CATALOGUE[k].inputs), out: portNames(CATALOGUE[k].outputs) },
  ]),
) as Record<LayerKind, { readonly in: readonly string[]; readonly out: readonly string[] }>;

/** The most input ports a kind has: input port `p` of node `i` is slot `i · MAX_INPUT_PORTS + p`. */
export const MAX_INPUT_PORTS = Math.max(...LAYER_KINDS.map((k) => PORTS[k].in.length));

/** The usable edges, as node indices. */
export interface CheckedEdges {
  /** By input port slot (see `MAX_INPUT_PORTS`): the index of the node feeding it, or -1. */
  readonly portSources: Int32Array;
  /** By design edge: its source node's index when the later passes use it, else -1. */
  readonly edgeSources: Int32Array;
  /** The usable edges' source and target node indices, in edge order. */
  readonly arcSources: Int32Array;
  readonly arcTargets: Int32Array;
}

function edgeResult(
  portSources: Int32Array,
  edgeSources: Int32Array,
  arcSources: Int32Array,
  arcTargets: Int32Array,
  arcs: number,
): CheckedEdges {
  return {
    portSources,
    edgeSources,
    arcSources: arcSources.subarray(0, arcs),
    arcTargets: arcTargets.subarray(0, arcs),
  };
}

/** The index of node `id`, or undefined when there is none. */
function indexOf(tables: ResultTables, id: string): number | undefined {
  const entry = tables.nodes[id];
  return typeof entry === 'number' ? entry : undefined;
}

const removeEdge = (edgeId: string) => ({
  label: 'Remove this connection',
  edits: [{ op: 'removeEdge', edgeId }] as const,
});

/**
 * Checks every edge of `design` against the unique `nodes` (`tables.nodes` gives each id's index),
 * and keys `tables.edgeShapes` with the id of every edge (first of each), with no shape yet.
 */
export function checkEdges(
  design: Design,
  nodes: readonly DesignNode[],
  tables: ResultTables,
  ctx: PassContext,
): CheckedEdges {
  const all = design.model.edges;
  const { edgeShapes } = tables;
  const portSources = new Int32Array(nodes.length * MAX_INPUT_PORTS).fill(-1);
  const edgeSources = new Int32Array(all.length);
  const arcSources = new Int32Array(all.length);
  const arcTargets = new Int32Array(all.length);
  let arcs = 0;
  for (let k = 0; k < all.length; k++) {
    const edge = all[k];
    edgeSources[k] = -1;
    if (!edge) continue;
    if (edgeShapes[edge.id] !== undefined) {
      ctx.report(
        diagnostic('DUPLICATE_EDGE_ID', `Two connections have the id '${edge.id}': rename one.`, {
          edgeId: edge.id,
        }),
      );
      continue;
    }
    edgeShapes[edge.id] = null;
    const s = indexOf(tables, edge.source);
    const t = indexOf(tables, edge.target);
    const source = s === undefined ? undefined : nodes[s];
    const target = t === undefined ? undefined : nodes[t];
    if (s === undefined || t === undefined || !source || !target) {
      const missing = source ? edge.target : edge.source;
      ctx.report(
        diagnostic(
          'EDGE_UNKNOWN_NODE',
          `Connection '${edge.id}' refers to node '${missing}', which does not exist.`,
          { edgeId: edge.id },
          removeEdge(edge.id),
        ),
      );
      continue;
    }
    const outPorts = PORTS[source.kind].out;
    const inPorts = PORTS[target.kind].in;
    const port = inPorts.indexOf(edge.targetPort);
    const badOut = !outPorts.includes(edge.sourcePort);
    if (badOut || port < 0) {
      const [node, name, valid] = badOut
        ? [source, edge.sourcePort, outPorts]
        : [target, edge.targetPort, inPorts];
      ctx.report(
        diagnostic(
          'EDGE_UNKNOWN_PORT',
          `Connection '${edge.id}' uses port '${name}' of '${node.id}', which has ${valid.length > 0 ? `ports ${valid.map((p) => `'${p}'`).join(', ')}` : 'no such ports'}.`,
          { edgeId: edge.id, nodeId: node.id },
          removeEdge(edge.id),
        ),
      );
      continue;
    }
    const slot = t * MAX_INPUT_PORTS + port;
    const existing = portSources[slot] ?? -1;
    if (existing >= 0) {
      ctx.report(
        diagnostic(
          'PORT_MULTIPLY_CONNECTED',
          `Port '${edge.targetPort}' of '${target.id}' already receives '${nodes[existing]?.id ?? ''}'; connection '${edge.id}' from '${edge.source}' is one too many.`,
          { edgeId: edge.id, nodeId: target.id },
          removeEdge(edge.id),
        ),
      );
      continue;
    }
    portSources[slot] = s;
    edgeSources[k] = s;
    arcSources[arcs] = s;
    arcTargets[arcs] = t;
    arcs++;
  }
  return edgeResult(portSources, edgeSources, arcSources, arcTargets, arcs);
}
