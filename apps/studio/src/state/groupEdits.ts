/**
 * Group edits: group a set of nodes into a named block (an encoder level, say), collapse and
 * expand it, rename it, move it as a whole and ungroup it. Groups are presentation only
 * (`layout.groups`): they never change the model.
 */
import type { Design, Group } from '@unet-studio/compiler';
import { freshId } from './ids';
import type { Point } from './designEdits';

function withGroups(design: Design, groups: Group[]): Design {
  return { ...design, layout: { ...design.layout, groups } };
}

/**
 * Groups `nodeIds` under `name`; a node leaves any group it was in. Returns the new group's id
 * (null and the same design when fewer than one known node is given).
 */
export function groupNodes(
  design: Design,
  nodeIds: readonly string[],
  name: string,
): { design: Design; id: string | null } {
  const known = new Set(design.model.nodes.map((n) => n.id));
  const ids = [...new Set(nodeIds)].filter((id) => known.has(id));
  if (ids.length === 0) return { design, id: null };
  const moving = new Set(ids);
  const id = freshId('group', new Set(design.layout.groups.map((g) => g.id)), true);
  const groups = design.layout.groups
    .map((g) => ({ ...g, nodeIds: g.nodeIds.filter((n) => !moving.has(n)) }))
    .filter((g) => g.nodeIds.length > 0);
  groups.push({ id, name: name.trim().slice(0, 120) || id, nodeIds: ids, collapsed: false });
  return { design: withGroups(design, groups), id };
}

function updateGroup(design: Design, id: string, change: (g: Group) => Group): Design {
  let changed = false;
  const groups = design.layout.groups.map((g) => {
    if (g.id !== id) return g;
    const next = change(g);
    changed ||= next !== g;
    return next;
  });
  return changed ? withGroups(design, groups) : design;
}

/** Collapses a group into one block node, or expands it back. */
export function setGroupCollapsed(design: Design, id: string, collapsed: boolean): Design {
  return updateGroup(design, id, (g) => (g.collapsed === collapsed ? g : { ...g, collapsed }));
}

/** Renames a group. */
export function renameGroup(design: Design, id: string, name: string): Design {
  const clean = name.trim().slice(0, 120);
  return updateGroup(design, id, (g) => (!clean || g.name === clean ? g : { ...g, name: clean }));
}

/** Dissolves a group; its nodes stay where they are. */
export function ungroup(design: Design, id: string): Design {
  const groups = design.layout.groups.filter((g) => g.id !== id);
  return groups.length === design.layout.groups.length ? design : withGroups(design, groups);
}

/** Moves every member of a group by `delta` (dragging a collapsed block). */
export function moveGroup(design: Design, id: string, delta: Point): Design {
  const group = design.layout.groups.find((g) => g.id === id);
  if (!group || (delta.x === 0 && delta.y === 0)) return design;
  const positions = { ...design.layout.positions };
  for (const n of group.nodeIds) {
    const p = positions[n];
    if (p) positions[n] = { x: p.x + delta.x, y: p.y + delta.y };
  }
  return { ...design, layout: { ...design.layout, positions } };
}
