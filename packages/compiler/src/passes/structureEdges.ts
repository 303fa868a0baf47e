/**
 * The edge checks of the structure pass: unique ids, existing nodes and ports, one edge per input
 * port. Returns the edges the later passes use.
 */
import { CATALOGUE } from '../catalogue/catalogue';
import { LAYER_KINDS } from '../catalogue/params';
import type { Design, DesignEdge, DesignNode } from '../design/schema';
import { diagnostic } from '../diagnostics/make';
import type { PassContext } from './context';

/** The edge feeding each input port of one node, by port name (checked against the catalogue). */
export type PortEdges = Readonly<Record<string, DesignEdge | undefined>>;

/** The usable edges, and the edge feeding each input port. */
export interface CheckedEdges {
  readonly edges: readonly DesignEdge[];
  readonly incoming: ReadonlyMap<string, PortEdges>;
}

const portNames = (ports: readonly { name: string }[]): readonly string[] =>
  ports.map((p) => p.name);
/** Port names by kind, computed once. */
const PORTS = new Map(
  LAYER_KINDS.map((k) => [
    k,
    { in: portNames(CATALOGUE[k].inputs), out: portNames(CATALOGUE[k].outputs) },
  ]),
);

const removeEdge = (edgeId: string) => ({
  label: 'Remove this connection',
  edits: [{ op: 'removeEdge', edgeId }] as const,
});

/** Checks every edge of `design` against the unique `nodes`. */
export function checkEdges(
  design: Design,
  nodes: ReadonlyMap<string, DesignNode>,
  ctx: PassContext,
): CheckedEdges {
  const seen = new Set<string>();
  const edges: DesignEdge[] = [];
  const incoming = new Map<string, Record<string, DesignEdge | undefined>>();
  for (const edge of design.model.edges) {
    if (seen.has(edge.id)) {
      ctx.report(
        diagnostic('DUPLICATE_EDGE_ID', `Two connections have the id '${edge.id}': rename one.`, {
          edgeId: edge.id,
        }),
      );
      continue;
    }
    seen.add(edge.id);
    const source = nodes.get(edge.source);
    const target = nodes.get(edge.target);
    if (!source || !target) {
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
    const outPorts = PORTS.get(source.kind)?.out ?? [];
    const inPorts = PORTS.get(target.kind)?.in ?? [];
    const badOut = !outPorts.includes(edge.sourcePort);
    if (badOut || !inPorts.includes(edge.targetPort)) {
      const [node, port, valid] = badOut
        ? [source, edge.sourcePort, outPorts]
        : [target, edge.targetPort, inPorts];
      ctx.report(
        diagnostic(
          'EDGE_UNKNOWN_PORT',
          `Connection '${edge.id}' uses port '${port}' of '${node.id}', which has ${valid.length > 0 ? `ports ${valid.map((p) => `'${p}'`).join(', ')}` : 'no such ports'}.`,
          { edgeId: edge.id, nodeId: node.id },
          removeEdge(edge.id),
        ),
      );
      continue;
    }
    let ports = incoming.get(target.id);
    if (!ports) {
      ports = {};
      incoming.set(target.id, ports);
    }
    const existing = ports[edge.targetPort];
    if (existing) {
      ctx.report(
        diagnostic(
          'PORT_MULTIPLY_CONNECTED',
          `Port '${edge.targetPort}' of '${target.id}' already receives '${existing.source}'; connection '${edge.id}' from '${edge.source}' is one too many.`,
          { edgeId: edge.id, nodeId: target.id },
          removeEdge(edge.id),
        ),
      );
      continue;
    }
    ports[edge.targetPort] = edge;
    edges.push(edge);
  }
  return { edges, incoming };
}
