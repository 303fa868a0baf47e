/**
 * Trained TensorFlow.js weights → the exported PyTorch model's state dict, exactly: conv kernels
 * HWIO → OIHW, transposed conv kernels [kh, kw, out, in] → (in, out, kh, kw), depthwise kernels
 * [kh, kw, in, 1] → (in, 1, kh, kw), pointwise [1, 1, in, out] → (out, in, 1, 1), norm affine and
 * BatchNorm moving statistics as they are. Keras keeps no batch counter: `num_batches_tracked`
 * is 0 (PyTorch reads it only when its momentum is None, which the export never uses).
 */
import {
  stateDictLayout,
  type CompiledDesign,
  type StateEntry,
  type StateRole,
} from '@unet-studio/compiler';
import { permute, squeezeAxis, type DenseTensor } from './permute';
import type { TorchTensor } from './pickle';

/** TensorFlow.js weights by name (`<layer>/<weight>`, as in model.json's manifest). */
export type NamedWeights = ReadonlyMap<string, DenseTensor>;

/** The tfjs layer(s) that implement each op, by op id (model.json's `opLayerNames`). */
export type OpLayerNames = Readonly<Record<string, string | readonly string[]>>;

/**
 * The converted state dict, or everything that did not fit. `unused`: tfjs weights the PyTorch
 * model has no place for.
 */
export type ConvertResult =
  | {
      readonly ok: true;
      readonly value: readonly TorchTensor[];
      readonly unused: readonly string[];
    }
  | { readonly ok: false; readonly errors: readonly string[] };

/** Keras weight names that hold each role, in order of preference. */
export const WEIGHT_NAMES: Readonly<
  Record<Exclude<StateRole, 'numBatchesTracked'>, readonly string[]>
> = {
  kernel: ['kernel'],
  bias: ['bias'],
  depthwiseKernel: ['depthwise_kernel'],
  pointwiseKernel: ['pointwise_kernel', 'kernel'],
  gamma: ['gamma'],
  beta: ['beta'],
  movingMean: ['moving_mean'],
  movingVariance: ['moving_variance'],
};

/** The permutation from the Keras layout to PyTorch's, for a weight of `rank` axes. */
export function permutation(role: StateRole, rank: number): number[] | null {
  if (rank < 2) return null;
  const spatial = Array.from({ length: rank - 2 }, (_, i) => i);
  if (role === 'depthwiseKernel') return [rank - 2, rank - 1, ...spatial];
  if (role === 'kernel' || role === 'pointwiseKernel') return [rank - 1, rank - 2, ...spatial];
  return null;
}

/** The tfjs weight name that holds `role` for an op implemented by `layers`, or null. */
export function findWeight(
  weights: ReadonlyMap<string, unknown>,
  layers: readonly string[],
  role: Exclude<StateRole, 'numBatchesTracked'>,
): string | null {
  for (const suffix of WEIGHT_NAMES[role]) {
    for (const layer of layers) if (weights.has(`${layer}/${suffix}`)) return `${layer}/${suffix}`;
  }
  for (const suffix of WEIGHT_NAMES[role]) {
    const nested = [...weights.keys()].filter(
      (k) => layers.some((l) => k.startsWith(`${l}/`)) && k.endsWith(`/${suffix}`),
    );
    if (nested.length === 1) return nested[0] ?? null;
  }
  return null;
}

const sameShape = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length && a.every((v, i) => v === b[i]);

function convertOne(entry: StateEntry, weight: DenseTensor, dims: 1 | 2): DenseTensor | string {
  let w = weight;
  // A 1D layer built as 2D with height 1 (kernels [1, k, …], layer-norm affine [1, L]).
  if (dims === 1 && w.shape.length === entry.shape.length + 1 && w.shape[0] === 1)
    w = squeezeAxis(w, 0);
  const perm = permutation(entry.role, w.shape.length);
  const converted = perm ? permute(w, perm) : w;
  if (!sameShape(converted.shape, entry.shape)) {
    return `${entry.key}: the TensorFlow.js weight has shape [${weight.shape.join(', ')}], which does not give PyTorch's [${entry.shape.join(', ')}]`;
  }
  return converted;
}

/**
 * Converts trained tfjs weights into the state dict of the model `exportPytorch(compiled)` writes.
 *
 * @param compiled the compiled design the tfjs model was built from.
 * @param weights the tfjs model's weights by name.
 * @param opLayerNames which tfjs layer(s) implement each op.
 * @returns the state dict tensors in `state_dict()` order, plus the tfjs weights nothing used.
 */
export function convertWeights(
  compiled: CompiledDesign,
  weights: NamedWeights,
  opLayerNames: OpLayerNames,
): ConvertResult {
  const errors: string[] = [];
  const used = new Set<string>();
  const tensors: TorchTensor[] = [];
  for (const entry of stateDictLayout(compiled)) {
    if (entry.role === 'numBatchesTracked') {
      tensors.push({ key: entry.key, shape: [], data: BigInt64Array.from([0n]) });
      continue;
    }
    const mapped = opLayerNames[entry.opId];
    const layers = typeof mapped === 'string' ? [mapped] : (mapped ?? []);
    const name = layers.length > 0 ? findWeight(weights, layers, entry.role) : null;
    const weight = name !== null ? weights.get(name) : undefined;
    if (name === null || !weight) {
      if (layers.length === 0) {
        errors.push(
          `${entry.key}: the model does not say which TensorFlow.js layer implements op ${entry.opId}`,
        );
      } else {
        errors.push(
          `${entry.key}: no ${WEIGHT_NAMES[entry.role].join(' or ')} weight in layer ${layers.join(', ')}`,
        );
      }
      continue;
    }
    used.add(name);
    const converted = convertOne(entry, weight, compiled.dims);
    if (typeof converted === 'string') errors.push(converted);
    else tensors.push({ key: entry.key, shape: converted.shape, data: converted.data });
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: tensors,
    unused: [...weights.keys()].filter((k) => !used.has(k)),
  };
}
