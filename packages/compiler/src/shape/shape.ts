/**
 * Tensor shapes as the compiler sees them: channels plus one size per spatial axis, without the
 * batch. 2D shapes are `[H, W]`, 1D shapes `[L]`. Displayed channels-first, e.g. `64×284×284`.
 */
import type { Dim } from './dim';

/** A feature-map shape (batch excluded). */
export interface Shape {
  readonly channels: number;
  readonly spatial: readonly Dim[];
}
