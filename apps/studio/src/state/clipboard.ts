/**
 * Copy and paste of a selection. A fragment holds the selected nodes, the edges between them
 * (links to nodes outside are dropped) and their positions. Pasting gives every node a fresh id,
 * rewires the internal links to the new ids and offsets the positions. Fragments read from the
 * system clipboard are validated: anything malformed is refused with the bad field named.
 */
import {
  readJson,
  zEdge,
  zId,
  zNode,
  type Design,
  type DesignEdge,
  type DesignNode,
} from '@unet-studio/compiler';
import { z } from 'zod';
import { edgeId, freshId } from './ids';

/** The `format` tag of a copied fragment. */
export const FRAGMENT_FORMAT = 'unet-studio/fragment';

const zFragment = z.object({
  format: z.literal(FRAGMENT_FORMAT),
  nodes: z.array(zNode).max(5000),
  edges: z.array(zEdge).max(20000),
  positions: z.record(zId, z.object({ x: z.number().finite(), y: z.number().finite() })),
});

/** A copied selection. */
export type Fragment = z.infer<typeof zFragment>;

/** The fragment for the nodes `ids` of `design` (null when none of them exists). */
export function copyFragment(design: Design, ids: Iterable<string>): Fragment | null {
  const wanted = new Set(ids);
  const nodes = design.model.nodes.filter((n) => wanted.has(n.id));
  if (nodes.length === 0) return null;
  const kept = new Set(nodes.map((n) => n.id));
  const edges = design.model.edges.filter((e) => kept.has(e.source) && kept.has(e.target));
  const positions: Fragment['positions'] = {};
  for (const n of nodes) {
    const p = design.layout.positions[n.id];
    if (p) positions[n.id] = p;
  }
  return structuredClone({ format: FRAGMENT_FORMAT, nodes, edges, positions });
}

/** Parses clipboard text as a fragment; `null` when it is not one at all. */
export function parseFragment(
  text: string,
): { ok: true; fragment: Fragment } | { ok: false; message: string } | null {
  // Only text that names the fragment format is read further, and through the bounded reader:
  // a pasted megabyte of nesting gets a short message, never a stack overflow.
  if (!text.includes(FRAGMENT_FORMAT)) return null;
  const read = readJson(text);
  if (!read.ok) {
    const issue = read.issues[0];
    return {
      ok: false,
      message: `The pasted nodes cannot be read: ${issue?.message ?? 'invalid'}`,
    };
  }
  const json = read.value;
  if (
    typeof json !== 'object' ||
    json === null ||
    (json as { format?: unknown }).format !== FRAGMENT_FORMAT
  ) {
    return null;
  }
  const parsed = zFragment.safeParse(json);
  if (parsed.success) return { ok: true, fragment: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.join('.') || '(fragment)';
  return {
    ok: false,
    message: `The pasted nodes are malformed at ${where}: ${issue?.message ?? 'invalid'}`,
  };
}

/**
 * Pastes `fragment` into `design`, offset by `offset`; returns the design and the new node ids.
 */
export function pasteFragment(
  design: Design,
  fragment: Fragment,
  offset: { x: number; y: number },
): { design: Design; ids: string[] } {
  const takenNodes = new Set(design.model.nodes.map((n) => n.id));
  const takenEdges = new Set(design.model.edges.map((e) => e.id));
  const rename = new Map<string, string>();
  const nodes: DesignNode[] = [];
  const positions = { ...design.layout.positions };
  fragment.nodes.forEach((n, i) => {
    if (rename.has(n.id)) return;
    const id = freshId(n.id.replace(/_\d+$/, ''), takenNodes);
    takenNodes.add(id);
    rename.set(n.id, id);
    nodes.push({ ...structuredClone(n), id });
    const p = fragment.positions[n.id] ?? { x: i * 40, y: i * 40 };
    positions[id] = { x: p.x + offset.x, y: p.y + offset.y };
  });
  const edges: DesignEdge[] = [];
  for (const e of fragment.edges) {
    const source = rename.get(e.source);
    const target = rename.get(e.target);
    if (!source || !target) continue;
    const id = edgeId(source, target, e.targetPort, takenEdges);
    takenEdges.add(id);
    edges.push({ ...e, id, source, target });
  }
  return {
    ids: [...rename.values()],
    design: {
      ...design,
      model: { nodes: [...design.model.nodes, ...nodes], edges: [...design.model.edges, ...edges] },
      layout: { ...design.layout, positions },
    },
  };
}
