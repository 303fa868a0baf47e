/**
 * The drag payload of a palette item: the node kind, under a private MIME type so that nothing
 * else dropped on the canvas is mistaken for it.
 */
import { LAYER_KINDS, type LayerKind } from '@unet-studio/compiler';

/** The MIME type carrying a node kind while dragging from the palette. */
export const KIND_MIME = 'application/x-unet-studio-kind';

/** True when `value` names a node kind. */
export function isLayerKind(value: string): value is LayerKind {
  return (LAYER_KINDS as readonly string[]).includes(value);
}
