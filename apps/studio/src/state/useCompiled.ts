/**
 * The current design's compilation (shapes, costs, diagnostics), shared and memoised.
 */
import type { CompiledDesign } from '@unet-studio/compiler';
import { compiledFor } from './compiledCache';
import { useDesign, useUi } from './StoreProvider';

/** The compilation of the current design at the chosen batch size. */
export function useCompiled(): CompiledDesign {
  const batch = useUi((s) => s.batch);
  return useDesign((s) => compiledFor(s.design, batch));
}
