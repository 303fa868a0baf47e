/**
 * What tiling needs to know about a 2D network: the input size it takes (fixed or any), which
 * sizes it accepts (the design's size rule), the alignment of its downsampling, and the border
 * a valid-padding network loses (input size − output size, halved).
 */
import * as tf from '@tensorflow/tfjs';
import { compile, withInputSize, type AxisSizeRule, type Design } from '@unet-studio/compiler';
import { parseModelInfo } from '../io/metadata';

/** The tiling-relevant facts of a 2D segmentation model. */
export interface NetworkGeometry {
  /** `[H, W]` when the model takes one size only, else null. */
  readonly fixed: readonly [number, number] | null;
  readonly channels: number;
  /** The accepted sizes per axis (from the design the model carries), or null when unknown. */
  readonly rules: readonly [AxisSizeRule, AxisSizeRule] | null;
  /** Tile positions are multiples of this per axis, so every tile sees the same pooling grid. */
  readonly modulus: readonly [number, number];
  /** The design the model was built from, when it carries one. */
  readonly design: Design | null;
}

/** The product of the strides of the model's pooling and strided layers: the downsampling factor. */
function strideProduct(model: tf.LayersModel): [number, number] {
  const total: [number, number] = [1, 1];
  for (const layer of model.layers) {
    const config = layer.getConfig() as { strides?: unknown; poolSize?: unknown };
    const cls = layer.getClassName();
    if (cls.includes('Transpose') || cls.includes('UpSampling')) continue;
    const strides = Array.isArray(config.strides) ? (config.strides as number[]) : null;
    if (strides && strides.length === 2) {
      total[0] *= strides[0] ?? 1;
      total[1] *= strides[1] ?? 1;
    }
  }
  return total;
}

/**
 * Reads the geometry of `model`: from the design in its metadata when it carries one (a model
 * built or saved by U-Net Studio), else from its layers (the product of the downsampling strides).
 *
 * @throws when the model does not take 2D images.
 */
export function networkGeometry(model: tf.LayersModel): NetworkGeometry {
  const shape = model.inputs[0]?.shape ?? [];
  if (shape.length !== 4) throw new Error('this model does not take 2D images');
  const [, h, w, c] = shape;
  const fixed = h != null && w != null ? ([h, w] as const) : null;
  const info = parseModelInfo(model.getUserDefinedMetadata());
  const design = info.ok ? info.value.design : null;
  let rules: NetworkGeometry['rules'] = null;
  if (design !== null) {
    const rule = compile(withInputSize(design, [null, null])).sizeRule;
    if (rule && rule.length === 2 && rule[0]!.min !== null && rule[1]!.min !== null)
      rules = [rule[0]!, rule[1]!];
  }
  const modulus: [number, number] = rules
    ? [rules[0].modulus, rules[1].modulus]
    : strideProduct(model);
  return { fixed, channels: c ?? 1, rules, modulus, design };
}

/** The smallest size ≥ `n` that `rule` accepts (`n` itself without a rule). */
export function validAtLeast(n: number, rule: AxisSizeRule | null | undefined): number {
  if (!rule || rule.min === null || rule.residues.length === 0) return n;
  let k = Math.max(n, rule.min);
  for (let i = 0; i < rule.modulus; i++, k++)
    if (rule.residues.includes(k % rule.modulus)) return k;
  return k;
}

/** True when the model accepts an `[h, w]` input. */
export function acceptsSize(g: NetworkGeometry, size: readonly [number, number]): boolean {
  if (g.fixed) return g.fixed[0] === size[0] && g.fixed[1] === size[1];
  if (!g.rules) return true;
  return size.every((n, i) => validAtLeast(n, g.rules![i]) === n);
}

/**
 * The output size for an `[h, w]` input: from the design when the model carries one, else by
 * running the model once on zeros.
 */
export function outputSizeFor(
  model: tf.LayersModel,
  g: NetworkGeometry,
  size: readonly [number, number],
): [number, number] {
  if (g.design !== null) {
    const compiled = compile(withInputSize(g.design, [...size]));
    const out = compiled.outputIds[0] === undefined ? null : compiled.nodes[compiled.outputIds[0]];
    const spatial = out?.shape?.spatial;
    if (spatial && spatial.length === 2 && spatial.every((d) => typeof d === 'number'))
      return [spatial[0] as number, spatial[1] as number];
  }
  return tf.tidy(() => {
    const y = model.predict(tf.zeros([1, size[0], size[1], g.channels]));
    const out = Array.isArray(y) ? y[0]! : y;
    return [out.shape[1]!, out.shape[2]!];
  });
}
