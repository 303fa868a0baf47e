/**
 * Creating nodes with their kind's default parameters, and fresh ids.
 */
import { PARAM_SCHEMAS, type LayerKind } from '../catalogue/params';
import type { Design, NodeOf } from './schema';

/**
 * A node of `kind` with the default parameters (what the palette drops on the canvas).
 * @example createNode('conv', 'enc1').params.filters // 64
 */
export function createNode<K extends LayerKind>(kind: K, id: string, name?: string): NodeOf<K> {
  const params: unknown = PARAM_SCHEMAS[kind].parse({});
  // `params` is the output of `kind`'s own schema, so the pair forms a valid node of that kind.
  return { id, kind, params, ...(name !== undefined ? { name } : {}) } as NodeOf<K>;
}

/**
 * The first id `<prefix><n>` (n = 1, 2, …) used by no node and no edge of `design`.
 * @example freshId(design, 'conv') // 'conv3' when conv1 and conv2 exist
 */
export function freshId(design: Design, prefix: string): string {
  const used = new Set<string>();
  for (const n of design.model.nodes) used.add(n.id);
  for (const e of design.model.edges) used.add(e.id);
  for (let i = 1; ; i++) {
    const id = `${prefix}${i}`;
    if (!used.has(id)) return id;
  }
}
