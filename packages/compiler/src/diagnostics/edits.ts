/**
 * Design edits: plain data describing a change to a design. Fixes carry them; `applyEdits`
 * (in ../design/applyEdits.ts) applies them purely.
 */
import type { DesignEdge, DesignNode } from '../design/schema';

/** One design edit: plain data, applied by `applyEdits`. */
export type DesignEdit =
  /** Merge `params` into a node's parameters. */
  | { readonly op: 'setParams'; readonly nodeId: string; readonly params: Record<string, unknown> }
  /** Set the input node's spatial size. */
  | { readonly op: 'setInputSize'; readonly size: readonly (number | null)[] }
  | { readonly op: 'addNode'; readonly node: DesignNode }
  | { readonly op: 'removeNode'; readonly nodeId: string }
  | { readonly op: 'addEdge'; readonly edge: DesignEdge }
  | { readonly op: 'removeEdge'; readonly edgeId: string };
