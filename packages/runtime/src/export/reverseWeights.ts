/**
 * The reverse of {@link convertWeights}: a PyTorch state dict of the exported model → the
 * TensorFlow.js weights of the model the studio builds from the same design (OIHW → HWIO and the
 * other layouts back; norm statistics as they are), so a model trained with PyTorch predicts in
 * the browser.
 */
import * as tf from '@tensorflow/tfjs';
import { stateDictLayout, type CompiledDesign } from '@unet-studio/compiler';
import { readModelInfo } from '../io/metadata';
import { findWeight, permutation, WEIGHT_NAMES, type OpLayerNames } from './convertWeights';
import { permute, type DenseTensor } from './permute';

/** tfjs weights by name, or everything that did not fit. */
export type ReverseResult =
  | { readonly ok: true; readonly value: Map<string, DenseTensor> }
  | { readonly ok: false; readonly errors: readonly string[] };

function inverse(perm: readonly number[]): number[] {
  const out = perm.map(() => 0);
  perm.forEach((p, i) => (out[p] = i));
  return out;
}

const sameShape = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * Converts a state dict into tfjs weights.
 *
 * @param state the state dict's float tensors by key (`num_batches_tracked` is not needed).
 * @param targets the tfjs model's weight shapes by name (`<layer>/<weight>`).
 * @param opLayerNames which tfjs layer(s) implement each op.
 * @returns a value for every tfjs weight the state dict maps to, checked against its shape.
 */
export function tfjsWeightsFromStateDict(
  compiled: CompiledDesign,
  state: ReadonlyMap<string, DenseTensor>,
  targets: ReadonlyMap<string, readonly number[]>,
  opLayerNames: OpLayerNames,
): ReverseResult {
  const errors: string[] = [];
  const out = new Map<string, DenseTensor>();
  for (const entry of stateDictLayout(compiled)) {
    if (entry.role === 'numBatchesTracked') continue;
    const tensor = state.get(entry.key);
    const mapped = opLayerNames[entry.opId];
    const layers = typeof mapped === 'string' ? [mapped] : (mapped ?? []);
    const name = findWeight(targets, layers, entry.role);
    const target = name !== null ? targets.get(name) : undefined;
    if (!tensor) {
      errors.push(`${entry.key}: missing from the PyTorch weights`);
      continue;
    }
    if (name === null || !target) {
      errors.push(
        `${entry.key}: no ${WEIGHT_NAMES[entry.role].join(' or ')} weight in layer ${layers.join(', ') || `of op ${entry.opId}`}`,
      );
      continue;
    }
    if (!sameShape(tensor.shape, entry.shape)) {
      errors.push(
        `${entry.key}: PyTorch's weight is [${tensor.shape.join(', ')}], the design gives [${entry.shape.join(', ')}]`,
      );
      continue;
    }
    // A 1D layer is built as 2D with height 1: permute without that axis, then add it back.
    const rank =
      target.length === tensor.shape.length + 1 && target[0] === 1
        ? tensor.shape.length
        : target.length;
    const perm = permutation(entry.role, rank);
    const back = perm ? permute(tensor, inverse(perm)) : tensor;
    const shaped = { shape: target, data: back.data };
    if (back.data.length !== target.reduce((a, b) => a * b, 1)) {
      errors.push(
        `${entry.key}: [${tensor.shape.join(', ')}] does not give TensorFlow.js's [${target.join(', ')}]`,
      );
      continue;
    }
    out.set(name, shaped);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: out };
}

/**
 * Writes a state dict into a live model built by `buildModel` from `compiled`.
 *
 * @returns the weights set, or the errors (then the model is left unchanged).
 */
export function loadStateDictIntoModel(
  model: tf.LayersModel,
  compiled: CompiledDesign,
  state: ReadonlyMap<string, DenseTensor>,
): { ok: true; count: number } | { ok: false; errors: readonly string[] } {
  const targets = new Map(
    model.weights.map((w) => [w.originalName, w.shape.map((d) => d ?? 0)] as const),
  );
  const converted = tfjsWeightsFromStateDict(
    compiled,
    state,
    targets,
    readModelInfo(model).opLayerNames,
  );
  if (!converted.ok) return converted;
  for (const w of model.weights) {
    const value = converted.value.get(w.originalName);
    if (!value) continue;
    const t = tf.tensor(value.data, [...value.shape], 'float32');
    w.write(t);
    t.dispose();
  }
  return { ok: true, count: converted.value.size };
}
