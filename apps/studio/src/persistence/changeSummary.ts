/**
 * One line saying what changed between two versions of a design, for the version history:
 * "Added Conv 3×3 ×2, removed 1 connection, renamed to “Cells”".
 */
import { CATALOGUE, type Design } from '@unet-studio/compiler';

const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;

/** Summarises the change from `before` (null: the first version) to `after`. */
export function summarizeChange(before: Design | null, after: Design): string {
  if (!before) return `Started with ${plural(after.model.nodes.length, 'layer')}`;
  const parts: string[] = [];
  const old = new Map(before.model.nodes.map((n) => [n.id, n]));
  const now = new Map(after.model.nodes.map((n) => [n.id, n]));
  const added = after.model.nodes.filter((n) => !old.has(n.id));
  const removed = before.model.nodes.filter((n) => !now.has(n.id));
  const changed = after.model.nodes.filter((n) => {
    const o = old.get(n.id);
    return o !== undefined && JSON.stringify(o.params) !== JSON.stringify(n.params);
  });
  if (added.length > 0) parts.push(`added ${kinds(added)}`);
  if (removed.length > 0) parts.push(`removed ${kinds(removed)}`);
  if (changed.length > 0) parts.push(`changed ${names(changed)}`);
  const edgeKey = (e: Design['model']['edges'][number]): string => JSON.stringify(e);
  const oldEdges = new Set(before.model.edges.map(edgeKey));
  const newEdges = new Set(after.model.edges.map(edgeKey));
  const wired = [...newEdges].filter((e) => !oldEdges.has(e)).length;
  const unwired = [...oldEdges].filter((e) => !newEdges.has(e)).length;
  if (wired > 0) parts.push(`connected ${plural(wired, 'wire')}`);
  if (unwired > 0) parts.push(`removed ${plural(unwired, 'wire')}`);
  if (before.name !== after.name) parts.push(`renamed to “${after.name}”`);
  if (JSON.stringify(before.training) !== JSON.stringify(after.training))
    parts.push('changed training settings');
  if (parts.length === 0)
    parts.push(
      JSON.stringify(before) === JSON.stringify(after) ? 'no change' : 'moved or regrouped layers',
    );
  const line = parts.join(', ');
  return (line.charAt(0).toUpperCase() + line.slice(1)).slice(0, 160);
}

function kinds(nodes: readonly Design['model']['nodes'][number][]): string {
  const counts = new Map<string, number>();
  for (const n of nodes) {
    const label = CATALOGUE[n.kind].label;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].map(([label, n]) => (n === 1 ? label : `${label} ×${n}`)).join(', ');
}

function names(nodes: readonly Design['model']['nodes'][number][]): string {
  const shown = nodes.slice(0, 3).map((n) => n.name ?? n.id);
  return nodes.length > 3 ? `${shown.join(', ')} and ${nodes.length - 3} more` : shown.join(', ');
}
