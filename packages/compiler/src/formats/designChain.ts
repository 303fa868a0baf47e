/**
 * Reads a design as a chain: the path from the input to the output, plus the skip edges that jump
 * from an earlier node of the path into a merge. Every U-Net config format describes such a chain,
 * so exporters match their pattern against it instead of against the raw graph.
 */
import type { Design, DesignNode } from '../design/schema';
import type { ExportResult } from './result';

/** One node of the chain. `skipFrom` is the chain index feeding a merge's `skip` port. */
export interface ChainLink {
  readonly node: DesignNode;
  readonly skipFrom: number | null;
}

/**
 * Walks `design` from its input to its output. Fails, naming the node, when the graph is not a
 * single path with skip edges (a branch, a second input, a node off the path, an add merge).
 * @param format the target format's name, used in messages.
 */
export function designChain(design: Design, format: string): ExportResult<readonly ChainLink[]> {
  const fail = (nodeId: string | null, message: string): ExportResult<never> => ({
    ok: false,
    issues: [{ nodeId, message }],
  });
  const nodes = design.model.nodes;
  const inputs = nodes.filter((n) => n.kind === 'input');
  const first = inputs[0];
  if (!first) return fail(null, 'the design has no input node');
  if (inputs.length > 1) return fail(inputs[1]?.id ?? null, `${format} models have one input`);
  const outgoing = new Map<string, { target: string; port: string }[]>();
  const incoming = new Map<string, Map<string, string>>();
  for (const e of design.model.edges) {
    const list = outgoing.get(e.source) ?? [];
    list.push({ target: e.target, port: e.targetPort });
    outgoing.set(e.source, list);
    const ports = incoming.get(e.target) ?? new Map<string, string>();
    if (ports.has(e.targetPort))
      return fail(e.target, `port ${e.targetPort} has two incoming edges`);
    ports.set(e.targetPort, e.source);
    incoming.set(e.target, ports);
  }
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const chain: ChainLink[] = [];
  const index = new Map<string, number>();
  let current: DesignNode | undefined = first;
  while (current) {
    const node: DesignNode = current;
    if (index.has(node.id)) return fail(node.id, 'the graph has a cycle');
    if (node.kind === 'add') return fail(node.id, `add merges have no ${format} equivalent`);
    let skipFrom: number | null = null;
    if (node.kind === 'skip') {
      const source = incoming.get(node.id)?.get('skip');
      const at = source === undefined ? undefined : index.get(source);
      if (at === undefined) return fail(node.id, 'the skip port is not fed by an earlier layer');
      skipFrom = at;
    }
    index.set(node.id, chain.length);
    chain.push({ node, skipFrom });
    if (node.kind === 'output') break;
    const main = (outgoing.get(node.id) ?? []).filter((o) => o.port !== 'skip');
    const [next, extra] = main;
    if (!next) return fail(node.id, 'the path stops here: the output does not follow');
    if (extra)
      return fail(
        node.id,
        `feeds two layers (${next.target}, ${extra.target}); ${format} models are one path`,
      );
    current = byId.get(next.target);
    if (!current) return fail(node.id, `an edge leads to a missing node "${next.target}"`);
  }
  for (const n of nodes) {
    if (!index.has(n.id)) return fail(n.id, 'not on the path from the input to the output');
  }
  return { ok: true, value: chain };
}
