/** What `compile()` says about a parity case, in the reference scripts' terms. */
import { compile } from '../src/compile';
import type { Design } from '../src/index';

/** Totals, the output shape as `[channels, ...spatial]`, and the error codes. */
export interface CompiledFigures {
  readonly trainable: number;
  readonly nonTrainable: number;
  readonly output: readonly number[] | null;
  readonly errors: readonly string[];
}

/** Compiles `design` and reads the figures the reference scripts print. */
export function compiledFigures(design: Design): CompiledFigures {
  const compiled = compile(design);
  const outputId = compiled.outputIds[0];
  const shape = outputId === undefined ? null : (compiled.nodes[outputId]?.shape ?? null);
  const output =
    shape && shape.spatial.every((d) => typeof d === 'number')
      ? [shape.channels, ...(shape.spatial as number[])]
      : null;
  return {
    trainable: compiled.totals.trainable,
    nonTrainable: compiled.totals.nonTrainable,
    output,
    errors: compiled.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code),
  };
}
