/**
 * Applying design edits (the plain-data changes fixes carry) purely: the input design is never
 * modified. `setParams` validates the merged parameters against the kind's schema.
 */
import { PARAM_SCHEMAS } from '../catalogue/params';
import type { DesignEdit } from '../diagnostics/edits';
import { formatPath } from './parseDesign';
import type { Design, DesignNode } from './schema';
import { withInputSize } from './withInputSize';

/** An edit that does not fit the design it is applied to. */
export class DesignEditError extends Error {
  override readonly name = 'DesignEditError';
}

/** The edited design, or why an edit could not be applied. */
export type EditResult =
  { readonly ok: true; readonly value: Design } | { readonly ok: false; readonly message: string };

const withNodes = (d: Design, nodes: DesignNode[]): Design => ({
  ...d,
  model: { ...d.model, nodes },
});

function setParams(design: Design, nodeId: string, params: Record<string, unknown>): Design {
  const node = design.model.nodes.find((n) => n.id === nodeId);
  if (!node) throw new DesignEditError(`setParams: there is no node '${nodeId}'.`);
  const parsed = PARAM_SCHEMAS[node.kind].safeParse({ ...node.params, ...params });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? formatPath(issue.path) : '';
    throw new DesignEditError(
      `setParams on '${nodeId}': ${where === '' ? '' : `${where}: `}${issue?.message ?? 'invalid'}`,
    );
  }
  // The schema of `node.kind` produced `parsed.data`, so the node keeps a matching kind and params.
  const updated = { ...node, params: parsed.data } as DesignNode;
  return withNodes(
    design,
    design.model.nodes.map((n) => (n === node ? updated : n)),
  );
}

function removeNode(design: Design, nodeId: string): Design {
  if (!design.model.nodes.some((n) => n.id === nodeId))
    throw new DesignEditError(`removeNode: there is no node '${nodeId}'.`);
  const keep = <T>(record: Record<string, T>): Record<string, T> =>
    Object.fromEntries(Object.entries(record).filter(([id]) => id !== nodeId));
  return {
    ...design,
    model: {
      nodes: design.model.nodes.filter((n) => n.id !== nodeId),
      edges: design.model.edges.filter((e) => e.source !== nodeId && e.target !== nodeId),
    },
    layout: {
      ...design.layout,
      positions: keep(design.layout.positions),
      colors: keep(design.layout.colors),
      groups: design.layout.groups.map((g) => ({
        ...g,
        nodeIds: g.nodeIds.filter((id) => id !== nodeId),
      })),
    },
  };
}

function applyOne(design: Design, edit: DesignEdit): Design {
  const { nodes, edges } = design.model;
  switch (edit.op) {
    case 'setParams':
      return setParams(design, edit.nodeId, edit.params);
    case 'setInputSize':
      if (!nodes.some((n) => n.kind === 'input'))
        throw new DesignEditError('setInputSize: the design has no input node.');
      return withInputSize(design, edit.size);
    case 'addNode':
      if (nodes.some((n) => n.id === edit.node.id))
        throw new DesignEditError(`addNode: the id '${edit.node.id}' is taken.`);
      return withNodes(design, [...nodes, edit.node]);
    case 'removeNode':
      return removeNode(design, edit.nodeId);
    case 'addEdge': {
      const { id, source, target } = edit.edge;
      if (edges.some((e) => e.id === id))
        throw new DesignEditError(`addEdge: the id '${id}' is taken.`);
      const missing = [source, target].find((n) => !nodes.some((x) => x.id === n));
      if (missing !== undefined)
        throw new DesignEditError(`addEdge: there is no node '${missing}'.`);
      return { ...design, model: { nodes, edges: [...edges, edit.edge] } };
    }
    case 'removeEdge':
      if (!edges.some((e) => e.id === edit.edgeId))
        throw new DesignEditError(`removeEdge: there is no edge '${edit.edgeId}'.`);
      return { ...design, model: { nodes, edges: edges.filter((e) => e.id !== edit.edgeId) } };
  }
}

/**
 * Applies `edits` in order and returns the new design; throws `DesignEditError` naming the first
 * edit that does not fit.
 * @example applyEdits(design, diagnostic.fix.edits)
 */
export function applyEdits(design: Design, edits: readonly DesignEdit[]): Design {
  return edits.reduce(applyOne, design);
}

/** `applyEdits` returning a result instead of throwing. */
export function tryApplyEdits(design: Design, edits: readonly DesignEdit[]): EditResult {
  try {
    return { ok: true, value: applyEdits(design, edits) };
  } catch (error) {
    if (error instanceof DesignEditError) return { ok: false, message: error.message };
    throw error;
  }
}
