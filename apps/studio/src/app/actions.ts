/**
 * The app's commands, shared by the toolbar, the keyboard shortcuts, the menus and the panels.
 * Each changes the design through one transaction, so each is one undo step.
 */
import {
  CATALOGUE,
  tryApplyEdits,
  type Design,
  type Fix,
  type LayerKind,
} from '@unet-studio/compiler';
import { autoLayout, type NodeSize } from '../layout/autoLayout';
import { copyFragment, pasteFragment, type Fragment } from '../state/clipboard';
import { addNode, connect, removeElements, setPositions, type Point } from '../state/designEdits';
import { groupNodes } from '../state/groupEdits';
import type { Stores } from '../state/StoreProvider';
import { BLOCK_PREFIX } from '../flow/types';
import { firstPort } from '../flow/connectionRules';
import { openNewDocument } from '../persistence/openDocument';

/** Where a new node continues a wire from. */
export interface WireEnd {
  readonly nodeId: string;
  readonly port: string;
  readonly isOutput: boolean;
}

/** Node ids behind a selection: blocks stand for their members. */
export function selectedDesignNodes(stores: Stores): string[] {
  const { selectedNodes } = stores.ui.getState();
  const { design } = stores.design.getState();
  return selectedNodes.flatMap((id) => {
    if (!id.startsWith(BLOCK_PREFIX)) return [id];
    const group = design.layout.groups.find((g) => g.id === id.slice(BLOCK_PREFIX.length));
    return group ? group.nodeIds : [];
  });
}

/** Adds a `kind` node at `at`, wired to `from` when given; selects it. One step. */
export function addNodeAt(stores: Stores, kind: LayerKind, at: Point, from?: WireEnd): string {
  let id = '';
  stores.design.getState().transact(`Add ${CATALOGUE[kind].label}`, (d) => {
    const added = addNode(d, kind, at);
    id = added.id;
    if (!from) return added.design;
    const port = firstPort(kind, from.isOutput);
    if (!port) return added.design;
    const c = from.isOutput
      ? { source: from.nodeId, sourcePort: from.port, target: id, targetPort: port }
      : { source: id, sourcePort: port, target: from.nodeId, targetPort: from.port };
    return connect(added.design, c).design;
  });
  stores.ui.getState().select([id]);
  return id;
}

/** Deletes the selected nodes (blocks with their members) and edges. */
export function deleteSelection(stores: Stores): void {
  const nodes = selectedDesignNodes(stores);
  const edges = stores.ui.getState().selectedEdges;
  stores.design.getState().transact('Delete', (d) => removeElements(d, nodes, edges));
  stores.ui.getState().select([]);
}

/** The fragment of the current selection, or null when nothing is selected. */
export function copySelection(stores: Stores): Fragment | null {
  return copyFragment(stores.design.getState().design, selectedDesignNodes(stores));
}

/** Pastes a fragment offset from its origin and selects the pasted nodes. One step. */
export function pasteFragmentInto(
  stores: Stores,
  fragment: Fragment,
  offset: Point = { x: 40, y: 40 },
): void {
  let ids: string[] = [];
  stores.design.getState().transact('Paste', (d) => {
    const r = pasteFragment(d, fragment, offset);
    ids = r.ids;
    return r.design;
  });
  stores.ui.getState().select(ids);
}

/** Duplicates the selection (internal links kept). */
export function duplicateSelection(stores: Stores): void {
  const fragment = copySelection(stores);
  if (fragment) pasteFragmentInto(stores, fragment);
}

/** Groups the selected nodes into a named block. */
export function groupSelection(stores: Stores, name?: string): void {
  const ids = selectedDesignNodes(stores);
  if (ids.length === 0) return;
  const label = name ?? `Block ${stores.design.getState().design.layout.groups.length + 1}`;
  stores.design.getState().transact('Group', (d) => groupNodes(d, ids, label).design);
}

/** Applies a compiler-suggested fix. One step. */
export function applyFix(stores: Stores, fix: Fix): void {
  const result = tryApplyEdits(stores.design.getState().design, fix.edits);
  if (!result.ok) {
    stores.ui.getState().notify('error', `The fix could not be applied: ${result.message}`);
    return;
  }
  stores.design.getState().transact(`Fix: ${fix.label}`, () => result.value);
}

/** Lays the whole design out (U layout or elkjs); one step. */
export async function runAutoLayout(stores: Stores): Promise<void> {
  const before = stores.design.getState().design;
  const sizes = new Map<string, NodeSize>();
  for (const n of stores.flow.current?.getNodes() ?? []) {
    if (n.measured?.width && n.measured.height)
      sizes.set(n.id, { width: n.measured.width, height: n.measured.height });
  }
  const positions = await autoLayout(before, sizes);
  // The design may have changed while elkjs ran; positions for removed nodes are ignored.
  stores.design.getState().transact('Auto-layout', (d) => setPositions(d, positions));
  stores.ui.getState().requestFit(true);
}

/**
 * Opens a design (file, import, template, image) as a new document of the library, leaving the one
 * being edited as it was, and zooms to fit.
 */
export function openDesign(stores: Stores, design: Design, label: string): void {
  openNewDocument(stores, design, label);
  stores.ui.getState().select([]);
  stores.ui.getState().requestFit();
}
