/**
 * The canvas's node and edge types. They are derived from the design (`fromDesign`) and never
 * stored: the design document is the source of truth.
 */
import type { DesignNode, LayerKind, Severity } from '@unet-studio/compiler';
import type { Edge, Node } from '@xyflow/react';

/** A diagnostic as a node or edge shows it. */
export interface Problem {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
}

/** What a layer node shows: its design node and what the compiler derived for it. */
export type LayerNodeData = {
  readonly node: DesignNode;
  /** Output shape, e.g. `64×284×284`, or null when unknown. */
  readonly shape: string | null;
  /** Trainable + non-trainable parameters, or null when unknown. */
  readonly params: number | null;
  readonly problems: readonly Problem[];
};

/** A layer node on the canvas. */
export type LayerFlowNode = Node<LayerNodeData, LayerKind>;

/** What a collapsed group (a block) shows. */
export type BlockNodeData = {
  readonly groupId: string;
  readonly name: string;
  readonly members: number;
  readonly params: number | null;
  /** The output shape of the block's last member. */
  readonly shape: string | null;
  readonly problems: readonly Problem[];
};

/** A collapsed group drawn as one node. */
export type BlockFlowNode = Node<BlockNodeData, 'block'>;

/** An expanded group: a frame drawn behind its members. */
export type FrameNodeData = {
  readonly groupId: string;
  readonly name: string;
};

/** The frame of an expanded group. */
export type FrameFlowNode = Node<FrameNodeData, 'frame'>;

/** Any node on the canvas. */
export type StudioNode = LayerFlowNode | BlockFlowNode | FrameFlowNode;

/** What an edge shows: the tensor shape it carries and its problems. */
export type ShapeEdgeData = {
  readonly shape: string | null;
  readonly problems: readonly Problem[];
};

/** An edge on the canvas. */
export type StudioEdge = Edge<ShapeEdgeData, 'shape'>;

/** The id prefix of block (collapsed group) nodes. */
export const BLOCK_PREFIX = 'block:';
/** The id prefix of frame (expanded group) nodes. */
export const FRAME_PREFIX = 'frame:';

/** True for canvas nodes that stand for a design node. */
export function isLayerNode(n: StudioNode): n is LayerFlowNode {
  return n.type !== 'block' && n.type !== 'frame';
}
