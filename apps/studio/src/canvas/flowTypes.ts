/**
 * The canvas's node and edge component tables, built once at module scope (React Flow re-mounts
 * every node when these objects change identity).
 */
import { LAYER_KINDS } from '@unet-studio/compiler';
import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { BlockNode } from './BlockNode';
import { FrameNode } from './FrameNode';
import { LayerNode } from './LayerNode';
import { ShapeEdge } from './ShapeEdge';

/** Node components by type: one per layer kind, plus blocks and frames. */
export const nodeTypes: NodeTypes = {
  ...Object.fromEntries(LAYER_KINDS.map((kind) => [kind, LayerNode])),
  block: BlockNode,
  frame: FrameNode,
};

/** Edge components by type. */
export const edgeTypes: EdgeTypes = { shape: ShapeEdge };
