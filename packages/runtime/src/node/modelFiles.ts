/**
 * Reading and checking the files of a saved model directory: `model.json` and the weight files its
 * manifest lists (`weights.bin` when this runtime wrote them). The files may come from anywhere,
 * so the JSON layout, the weight paths (no escaping the directory) and the byte counts are checked.
 */
import { isAbsolute, join, normalize, sep } from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import {
  checkRegularFile,
  formatBytes,
  MAX_MODEL_JSON_BYTES,
  MAX_WEIGHTS_FILE_BYTES,
  readRegularFile,
} from './boundedFile';

/** Bytes per element of each weight dtype as stored (quantised weights use their storage dtype). */
const BYTES: Readonly<Record<string, number>> = {
  float32: 4,
  int32: 4,
  bool: 1,
  uint8: 1,
  uint16: 2,
  float16: 2,
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function weightBytes(entry: unknown, where: string): number {
  if (!isRecord(entry) || typeof entry.name !== 'string' || !Array.isArray(entry.shape)) {
    throw new Error(`${where}: each weight needs a "name" and a "shape"`);
  }
  const shape: unknown[] = entry.shape;
  if (!shape.every((d) => typeof d === 'number' && Number.isInteger(d) && d >= 0)) {
    throw new Error(`${where}: weight "${entry.name}" has a bad shape ${JSON.stringify(shape)}`);
  }
  const quantization = isRecord(entry.quantization) ? entry.quantization.dtype : undefined;
  const dtype = quantization ?? entry.dtype;
  const bytes = typeof dtype === 'string' ? BYTES[dtype] : undefined;
  if (bytes === undefined)
    throw new Error(
      `${where}: weight "${entry.name}" has unsupported dtype ${JSON.stringify(dtype)}`,
    );
  return (shape as number[]).reduce((p, d) => p * d, 1) * bytes;
}

/** A weight path from the manifest, resolved inside `dir`; refuses paths that leave it. */
function weightPath(dir: string, path: unknown, where: string): string {
  if (typeof path !== 'string' || path.length === 0 || isAbsolute(path)) {
    throw new Error(
      `${where}: weight paths must be relative file names, got ${JSON.stringify(path)}`,
    );
  }
  const relative = normalize(path);
  if (relative === '..' || relative.startsWith(`..${sep}`)) {
    throw new Error(
      `${where}: weight path ${JSON.stringify(path)} points outside the model directory`,
    );
  }
  return join(dir, relative);
}

/**
 * Reads a model directory into tf.io model artifacts.
 *
 * @throws with the file and the problem when model.json is not valid JSON, lacks a topology or a
 * weights manifest, points outside the directory, or the weight files have the wrong size.
 */
export async function readModelDirectory(dir: string): Promise<tf.io.ModelArtifacts> {
  const jsonPath = join(dir, 'model.json');
  const text = (
    await readRegularFile(jsonPath, { maxBytes: MAX_MODEL_JSON_BYTES, what: 'model.json' })
  ).toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${jsonPath} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!isRecord(json) || !isRecord(json.modelTopology)) {
    throw new Error(`${jsonPath} has no "modelTopology" object: not a tfjs layers model`);
  }
  const manifest = json.weightsManifest ?? [];
  if (!Array.isArray(manifest)) throw new Error(`${jsonPath}: "weightsManifest" must be a list`);
  const weightSpecs: tf.io.WeightsManifestEntry[] = [];
  const buffers: Uint8Array[] = [];
  for (const group of manifest as unknown[]) {
    if (!isRecord(group) || !Array.isArray(group.paths) || !Array.isArray(group.weights)) {
      throw new Error(`${jsonPath}: each weights manifest group needs "paths" and "weights" lists`);
    }
    const expected = (group.weights as unknown[]).reduce<number>(
      (sum, w) => sum + weightBytes(w, jsonPath),
      0,
    );
    // Every file is checked (regular, bounded) and the sizes compared before any is read.
    const files = (group.paths as unknown[]).map((path) => weightPath(dir, path, jsonPath));
    let actual = 0;
    for (const file of files)
      actual += await checkRegularFile(file, {
        maxBytes: MAX_WEIGHTS_FILE_BYTES,
        what: 'weights file',
      });
    if (actual !== expected) {
      throw new Error(
        `${jsonPath}: the weight files hold ${actual} bytes but the manifest describes ${expected}`,
      );
    }
    if (expected > MAX_WEIGHTS_FILE_BYTES)
      throw new Error(
        `${jsonPath}: the weights total ${formatBytes(expected)}, above the ${formatBytes(MAX_WEIGHTS_FILE_BYTES)} limit`,
      );
    for (const file of files)
      buffers.push(
        await readRegularFile(file, { maxBytes: MAX_WEIGHTS_FILE_BYTES, what: 'weights file' }),
      );
    weightSpecs.push(...(group.weights as tf.io.WeightsManifestEntry[]));
  }
  const weightData = new Uint8Array(buffers.reduce((n, b) => n + b.byteLength, 0));
  let offset = 0;
  for (const b of buffers) {
    weightData.set(b, offset);
    offset += b.byteLength;
  }
  return {
    modelTopology: json.modelTopology,
    weightSpecs,
    weightData: weightData.buffer,
    format: typeof json.format === 'string' ? json.format : undefined,
    generatedBy: typeof json.generatedBy === 'string' ? json.generatedBy : undefined,
    convertedBy: typeof json.convertedBy === 'string' ? json.convertedBy : undefined,
    trainingConfig: isRecord(json.trainingConfig)
      ? (json.trainingConfig as unknown as tf.io.TrainingConfig)
      : undefined,
    userDefinedMetadata: isRecord(json.userDefinedMetadata)
      ? (json.userDefinedMetadata as Record<string, object>)
      : undefined,
  };
}
