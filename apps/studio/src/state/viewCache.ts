/**
 * The canvas views of a compilation (see `flow/views.ts`), derived once per compilation and
 * structurally shared with the views derived last, so that the node and edge components whose view
 * did not change keep their props and skip rendering.
 */
import type { CompiledDesign } from '@unet-studio/compiler';
import { deriveViews, NO_VIEWS, type CanvasViews } from '../flow/views';

const cache = new WeakMap<CompiledDesign, CanvasViews>();
let last: CanvasViews = NO_VIEWS;

/** The views of `compiled`, computed once per compilation object. */
export function viewsFor(compiled: CompiledDesign): CanvasViews {
  let views = cache.get(compiled);
  if (!views) {
    // Sharing with the last views is only an optimisation: equal views compare equal either way.
    views = deriveViews(compiled, last);
    cache.set(compiled, views);
  }
  last = views;
  return views;
}
