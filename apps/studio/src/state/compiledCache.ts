/**
 * Compile, memoised: derived from the design, never stored. Only the model (and the batch size)
 * matter, so moving a node never recompiles. Every component that needs the compilation shares
 * one result per change.
 */
import { compile, type CompiledDesign, type Design, type Model } from '@unet-studio/compiler';

const cache = new WeakMap<Model, Map<number, CompiledDesign>>();

/** The compilation of `design` at batch `batch`, computed once per model object. */
export function compiledFor(design: Design, batch: number): CompiledDesign {
  let byBatch = cache.get(design.model);
  if (!byBatch) {
    byBatch = new Map();
    cache.set(design.model, byBatch);
  }
  let result = byBatch.get(batch);
  if (!result) {
    result = compile(design, { batch });
    byBatch.set(batch, result);
  }
  return result;
}
