/**
 * Registration of the runtime's custom layers with tfjs's serialization map, so models that use
 * them save and load. Registration is idempotent and must happen before `tf.loadLayersModel`.
 */
import * as tf from '@tensorflow/tfjs';
import { AlphaELU } from './AlphaELU';
import { BilinearResize } from './BilinearResize';
import { DilatedConv2D } from './DilatedConv2D';
import { OpenCropping2D } from './OpenCropping2D';
import { GroupNormalization, InstanceNormalization } from './GroupNormalization';

/** Every custom layer class the model builder can emit. */
export const CUSTOM_LAYER_CLASSES = [
  GroupNormalization,
  InstanceNormalization,
  BilinearResize,
  DilatedConv2D,
  AlphaELU,
  OpenCropping2D,
] as const;

let registered = false;

/** Registers the custom layers with `tf.serialization` (safe to call more than once). */
export function registerCustomLayers(): void {
  if (registered) return;
  for (const cls of CUSTOM_LAYER_CLASSES) tf.serialization.registerClass(cls);
  registered = true;
}
