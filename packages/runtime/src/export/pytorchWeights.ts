/**
 * `weights.pt` for the PyTorch export of a trained model, from a live tfjs model or from saved
 * model artifacts (model.json's weight manifest and the weight bytes). Browser-safe: the designer
 * zips the result with the generated code.
 */
import type * as tf from '@tensorflow/tfjs';
import type { CompiledDesign } from '@unet-studio/compiler';
import { parseModelInfo } from '../io/metadata';
import { convertWeights, type NamedWeights, type OpLayerNames } from './convertWeights';
import type { DenseTensor } from './permute';
import { writeTorchStateDict } from './torchFile';

/**
 * The `.pt` bytes and the tfjs weights that have no place in the PyTorch model (`unused`), or the
 * errors.
 */
export type PytorchWeightsResult =
  | {
      readonly ok: true;
      readonly value: {
        readonly bytes: Uint8Array;
        readonly unused: readonly string[];
      };
    }
  | { readonly ok: false; readonly errors: readonly string[] };

function toBytes(
  weights: NamedWeights,
  compiled: CompiledDesign,
  opLayerNames: OpLayerNames,
): PytorchWeightsResult {
  const converted = convertWeights(compiled, weights, opLayerNames);
  if (!converted.ok) return converted;
  return {
    ok: true,
    value: { bytes: writeTorchStateDict(converted.value), unused: converted.unused },
  };
}

/**
 * Converts a live model's weights (e.g. right after training in the browser).
 *
 * @param model a model built by `buildModel` from `compiled` (or loaded with its design).
 * @param opLayerNames op id → tfjs layer name, as `readModelInfo(model)` gives.
 */
export function pytorchWeightsFromModel(
  model: tf.LayersModel,
  compiled: CompiledDesign,
  opLayerNames: OpLayerNames,
): PytorchWeightsResult {
  const weights = new Map<string, DenseTensor>();
  for (const w of model.weights) {
    const value = w.read();
    weights.set(w.originalName, { shape: value.shape, data: Float32Array.from(value.dataSync()) });
  }
  return toBytes(weights, compiled, opLayerNames);
}

/**
 * Decodes the float32 weights of saved model artifacts by name. Anything else (quantised or
 * integer weights, too few bytes) is refused with a message naming the weight.
 */
export function decodeWeights(
  specs: readonly tf.io.WeightsManifestEntry[],
  data: ArrayBuffer,
): { ok: true; value: Map<string, DenseTensor> } | { ok: false; errors: string[] } {
  const weights = new Map<string, DenseTensor>();
  const errors: string[] = [];
  let offset = 0;
  for (const spec of specs) {
    const count = spec.shape.reduce((a, b) => a * b, 1);
    if (spec.dtype !== 'float32' || spec.quantization !== undefined) {
      errors.push(
        `weight ${spec.name}: only unquantised float32 weights convert, got ${spec.dtype}${spec.quantization ? ' (quantised)' : ''}`,
      );
      break;
    }
    if (!Number.isSafeInteger(count) || count < 0 || offset + count * 4 > data.byteLength) {
      errors.push(`weight ${spec.name}: the weight data ends before its ${count} values`);
      break;
    }
    weights.set(spec.name, {
      shape: spec.shape,
      data: new Float32Array(data.slice(offset, offset + count * 4)),
    });
    offset += count * 4;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: weights };
}

/**
 * Converts saved model artifacts (what `model.save` hands a save handler, or model.json plus its
 * weight files). The op → layer map is read from the artifacts' U-Net Studio metadata.
 *
 * @param compiled the compile of the design stored in the same metadata.
 */
export function pytorchWeightsFromArtifacts(
  artifacts: tf.io.ModelArtifacts,
  compiled: CompiledDesign,
): PytorchWeightsResult {
  const info = parseModelInfo(artifacts.userDefinedMetadata);
  if (!info.ok) return { ok: false, errors: info.issues };
  const raw = artifacts.weightData;
  const data = raw === undefined ? new ArrayBuffer(0) : Array.isArray(raw) ? concat(raw) : raw;
  const decoded = decodeWeights(artifacts.weightSpecs ?? [], data);
  if (!decoded.ok) return decoded;
  return toBytes(decoded.value, compiled, info.value.opLayerNames);
}

function concat(buffers: readonly ArrayBuffer[]): ArrayBuffer {
  const out = new Uint8Array(buffers.reduce((n, b) => n + b.byteLength, 0));
  let at = 0;
  for (const b of buffers) {
    out.set(new Uint8Array(b), at);
    at += b.byteLength;
  }
  return out.buffer;
}
