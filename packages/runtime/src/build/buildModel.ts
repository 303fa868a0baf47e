/**
 * Builds a compiled design as a tfjs LayersModel: one or more layers per primitive op, in the
 * compiler's topological order, each checked against the compiler's shape. A 1D design is built
 * as 2D with height 1 (reshaped after the input and back at each output), which also covers the
 * separable, transposed and interpolating 1D layers tfjs lacks.
 */
import * as tf from '@tensorflow/tfjs';
import type { CompiledDesign, PrimitiveOp, Shape } from '@unet-studio/compiler';
import { attachModelInfo } from '../io/metadata';
import type { KernelInitializer } from '../layers/initializers';
import { registerCustomLayers } from '../layers/register';
import { applyOp } from './applyOp';
import { checkShape } from './checkShape';
import type { BuildContext, OpOutput } from './context';
import { applyLayer, only } from './context';
import { LayerNamer, sanitizeLayerName } from './names';
import { sameDim, spatial2d } from './spatial';

/** Options of {@link buildModel}. */
export interface BuildOptions {
  /** Model name (default: the design's name, made tfjs-safe). */
  readonly name?: string;
  /** Base seed of the kernel initialisers: the same seed gives the same weights. */
  readonly seed?: number | null;
  /** Kernel initialiser (default `heNormal`, the U-Net paper's Gaussian √(2/N)). */
  readonly kernelInitializer?: KernelInitializer;
}

function inputOf(
  op: Extract<PrimitiveOp, { op: 'input' }>,
  ctx: BuildContext,
  model: { input?: tf.SymbolicTensor },
): OpOutput {
  if (model.input) throw new Error(`op "${op.id}": the design has more than one input`);
  const [h, w] = spatial2d(op.shape, ctx.dims);
  const name = ctx.namer.name(op.id);
  const shape = ctx.dims === 1 ? [w, op.shape.channels] : [h, w, op.shape.channels];
  const input = tf.input({ shape, name, dtype: 'float32' });
  model.input = input;
  if (ctx.dims === 2) return { tensor: input, layerName: name };
  const as2d = tf.layers.reshape({
    name: ctx.namer.name(op.id, 'as2d'),
    targetShape: [1, w ?? -1, op.shape.channels],
  });
  return { tensor: applyLayer(as2d, [input]), layerName: name };
}

function outputOf(
  op: Extract<PrimitiveOp, { op: 'output' }>,
  x: tf.SymbolicTensor,
  ctx: BuildContext,
): OpOutput {
  const name = ctx.namer.name(op.id);
  const [, w] = spatial2d(op.shape, ctx.dims);
  const layer =
    ctx.dims === 1
      ? tf.layers.reshape({ name, targetShape: [w ?? -1, op.shape.channels] })
      : tf.layers.activation({ name, activation: 'linear' });
  return { tensor: applyLayer(layer, [x]), layerName: name };
}

function designErrors(compiled: CompiledDesign): string {
  const errors = compiled.diagnostics.filter((d) => d.severity === 'error');
  const shown = errors.slice(0, 3).map((d) => (d.nodeId ? `${d.nodeId}: ${d.message}` : d.message));
  return shown.join('; ') + (errors.length > 3 ? ` (and ${errors.length - 3} more)` : '');
}

/**
 * Builds the tfjs model of a compiled design. The model carries the design and the op → layer
 * name map in its metadata (see `readModelInfo`), and saves and loads with them.
 *
 * @example
 * const model = buildModel(compile(design, { inputSize: [64, 64] }), { seed: 1 });
 * @throws when the design has errors, or a layer's shape differs from the compiler's.
 */
export function buildModel(compiled: CompiledDesign, options: BuildOptions = {}): tf.LayersModel {
  if (!compiled.ok) throw new Error(`cannot build a design with errors: ${designErrors(compiled)}`);
  registerCustomLayers();
  const shapes = new Map<string, Shape>();
  const tensors = new Map<string, tf.SymbolicTensor>();
  const opLayerNames: Record<string, string> = {};
  const outputs: tf.SymbolicTensor[] = [];
  const graph: { input?: tf.SymbolicTensor } = {};
  const base = {
    dims: compiled.dims,
    namer: new LayerNamer(),
    kernelInitializer: options.kernelInitializer ?? 'heNormal',
    seed: options.seed ?? null,
    shapeOf: (id: string): Shape => {
      const shape = shapes.get(id);
      if (!shape) throw new Error(`op "${id}" is used before it is built`);
      return shape;
    },
    tensorOfSize: (spatial: Shape['spatial']): tf.SymbolicTensor | undefined => {
      for (const [id, shape] of shapes) {
        const same =
          shape.spatial.length === spatial.length &&
          shape.spatial.every((d, i) => sameDim(d, spatial[i] ?? 0));
        const tensor = tensors.get(id);
        // Output tensors of a 1D model are [batch, L, C]; every inner tensor is 4D.
        if (same && tensor?.rank === 4) return tensor;
      }
      return undefined;
    },
  } as const;
  compiled.ops.forEach((op, opIndex) => {
    const ctx: BuildContext = { ...base, opIndex };
    const inputs = op.inputs.map((id) => {
      const t = tensors.get(id);
      if (!t) throw new Error(`op "${op.id}" reads op "${id}", which is not built before it`);
      return t;
    });
    let out: OpOutput;
    try {
      if (op.op === 'input') out = inputOf(op, ctx, graph);
      else if (op.op === 'output') out = outputOf(op, only(op, inputs), ctx);
      else out = applyOp(op, inputs, ctx);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      // Builders name their op; errors from tfjs itself get the op prepended.
      throw message.includes(`op "${op.id}"`)
        ? e
        : new Error(`op "${op.id}" (${op.op}): ${message}`);
    }
    checkShape(op, out.tensor, compiled.dims, op.op === 'output');
    if (op.op === 'output') outputs.push(out.tensor);
    shapes.set(op.id, op.shape);
    tensors.set(op.id, out.tensor);
    opLayerNames[op.id] = out.layerName;
  });
  if (!graph.input) throw new Error('the design has no input op');
  if (outputs.length === 0) throw new Error('the design has no output op');
  const name = options.name ?? sanitizeLayerName(compiled.design.name.trim() || 'unet');
  const model = tf.model({
    inputs: graph.input,
    outputs: outputs.length === 1 ? outputs[0]! : outputs,
    name,
  });
  attachModelInfo(model, { design: compiled.design, opLayerNames });
  return model;
}
