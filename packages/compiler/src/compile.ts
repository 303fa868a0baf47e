/**
 * `compile`: runs the passes in order (structure → limits → shapes → U-Net checks → cost → emit)
 * and assembles the `CompiledDesign`. A design past the limits is not lowered: its nodes get no
 * shapes, so any input compiles in bounded time. It takes a parsed `Design` (no schema validation inside) and
 * never throws: every problem is a diagnostic.
 */
import type { CompileOptions, CompiledDesign } from './compiled';
import type { Design } from './design/schema';
import { withInputSize } from './design/withInputSize';
import { hasErrors } from './diagnostics/make';
import type { Diagnostic } from './diagnostics/types';
import { passContext } from './passes/context';
import { costPass } from './passes/cost';
import { limitsPass } from './passes/limits';
import { emitPass } from './passes/emit';
import { nodeTable, reachedIds } from './passes/nodeTable';
import { shapesPass } from './passes/shapes';
import { structurePass } from './passes/structure';
import { derivesSizeRule, unetChecksPass } from './passes/unetChecks';

/** The passes, in the order `compile` runs them. */
export const PASS_ORDER = ['structure', 'limits', 'shapes', 'unet-checks', 'cost', 'emit'] as const;

/**
 * Compiles a design: shapes, diagnostics, costs and primitive ops.
 * @param design a parsed design (see `parseDesign`)
 * @param options `inputSize` replaces the input node's size; `batch` scales MACs and activations
 * @example compile(design, { inputSize: [572, 572] }).nodes['out']?.shape // { channels: 2, spatial: [388, 388] }
 */
export function compile(design: Design, options: CompileOptions = {}): CompiledDesign {
  const batch =
    options.batch !== undefined && Number.isInteger(options.batch) && options.batch > 0
      ? options.batch
      : 1;
  const effective = options.inputSize ? withInputSize(design, options.inputSize) : design;
  const diagnostics: Diagnostic[] = [];
  const ctx = passContext(batch, diagnostics);
  const checked = structurePass(effective, ctx);
  const bounded = limitsPass(effective.model, ctx, checked);
  // Past the limits nothing is lowered: no node is reached, so no shape is computed.
  const structure = bounded ? checked : { ...checked, reached: new Int32Array(0) };
  const shapes = shapesPass(effective, ctx, structure, bounded && derivesSizeRule(structure));
  const sizeRule = bounded ? unetChecksPass(ctx, structure, shapes) : null;
  const totals = costPass(ctx, shapes, structure);
  const ok = !hasErrors(diagnostics);
  const ops = emitPass(structure, shapes, ok);
  return {
    design: effective,
    ok,
    diagnostics,
    dims: structure.dims,
    order: reachedIds(structure),
    nodes: nodeTable(structure, shapes),
    edgeShapes: shapes.edgeShapes,
    inputId: structure.inputId,
    outputIds: structure.outputIds,
    get ops() {
      return ops();
    },
    batch,
    totals,
    sizeRule,
  };
}
