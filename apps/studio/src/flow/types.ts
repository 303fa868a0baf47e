/**
 * The canvas's node and edge types. They are derived from the design (`fromDesign`) and never
 * stored: the design document is the source of truth.
 */
import type { FrameRect } from './groupBlocks';
import type { LayerKind, Severity } from '@unet-studio/compiler';
import type { Edge, Node } from '@xyflow/react';

/** A diagnostic as a node or edge shows it. */
export interface Problem {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
}

/**
 * What a layer node draws of its design node: its kind and name. Its params are left out, so that
 * editing them leaves the canvas node alone; what the compiler derived for it (shape, parameters,
 * problems) is its view (`views.ts`), which the node component subscribes to by id.
 */
export type LayerNodeData = {
  readonly kind: LayerKind;
  readonly name: string | undefined;
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
  /** One padded box per member, relative to the frame's position: the frame's outline. */
  readonly rects: readonly FrameRect[];
};

/** The frame of an expanded group. */
export type FrameFlowNode = Node<FrameNodeData, 'frame'>;

/** Any node on the canvas. */
export type StudioNode = LayerFlowNode | BlockFlowNode | FrameFlowNode;

/**
 * An edge on the canvas. The tensor shape it carries and its problems are its view (`views.ts`),
 * which the edge component selects by id.
 */
export type StudioEdge = Edge<Record<string, never>, 'shape'>;

/** The id prefix of block (collapsed group) nodes. */
export const BLOCK_PREFIX = 'block:';
/** The id prefix of frame (expanded group) nodes. */
export const FRAME_PREFIX = 'frame:';

/** True for canvas nodes that stand for a design node. */
export function isLayerNode(n: StudioNode): n is LayerFlowNode {
  return n.type !== 'block' && n.type !== 'frame';
}
