/**
 * `compile`: runs the passes in order (structure → shapes → U-Net checks → cost → emit) and
 * assembles the `CompiledDesign`. It takes a parsed `Design` (no schema validation inside) and
 * never throws: every problem is a diagnostic.
 */
import type { CompileOptions, CompiledDesign, CompiledNode } from './compiled';
import { CATALOGUE } from './catalogue/catalogue';
import type { Design, DesignNode } from './design/schema';
import { withInputSize } from './design/withInputSize';
import { hasErrors } from './diagnostics/make';
import type { Diagnostic } from './diagnostics/types';
import { passContext } from './passes/context';
import { emptyDictionary } from './shape/dictionary';
import { costPass } from './passes/cost';
import { emitPass } from './passes/emit';
import { shapesPass } from './passes/shapes';
import { structurePass } from './passes/structure';
import { unetChecksPass } from './passes/unetChecks';

/** Every input port of a node that was not lowered, with no shape. */
function unknownInputs(node: DesignNode): Record<string, null> {
  return Object.fromEntries(CATALOGUE[node.kind].inputs.map((p) => [p.name, null]));
}

/** The passes, in the order `compile` runs them. */
export const PASS_ORDER = ['structure', 'shapes', 'unet-checks', 'cost', 'emit'] as const;

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
  const structure = structurePass(effective, ctx);
  const shapes = shapesPass(effective, ctx, structure);
  const sizeRule = unetChecksPass(ctx, structure, shapes);
  const costs = costPass(ctx, shapes, structure.toOutput);
  const ok = !hasErrors(diagnostics);
  const ops = emitPass(structure, shapes, ok);
  const nodes = emptyDictionary<CompiledNode>();
  structure.nodes.forEach((node, id) => {
    const lowered = shapes.nodes.get(id);
    nodes[id] = {
      id,
      kind: node.kind,
      name: node.name ?? id,
      node,
      inputs: lowered?.inputs ?? unknownInputs(node),
      shape: lowered?.shape ?? null,
      ops: lowered?.ops ?? null,
      outputOp: lowered?.outputOp ?? null,
      cost: costs.perNode.get(id) ?? null,
    };
  });
  return {
    design: effective,
    ok,
    diagnostics,
    dims: structure.dims,
    order: structure.order.filter((id) => structure.fromInput.has(id)),
    nodes,
    edgeShapes: shapes.edgeShapes,
    inputId: structure.inputId,
    outputIds: structure.outputIds,
    ops,
    batch,
    totals: costs.totals,
    sizeRule,
  };
}
