/**
 * Checking that a saved model's topology is the network its embedded design builds. `evaluate`
 * and `predict` run the topology while the PyTorch export rebuilds from the design, so a model
 * file where the two disagree (edited or forged) would give two different networks; it is
 * refused, naming the first layer and field that differ.
 */
import * as tf from '@tensorflow/tfjs';
import { compile, type Design } from '@unet-studio/compiler';
import { buildModel } from '../build/buildModel';

type Json = unknown;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Config fields that do not change the network a trained model computes. */
const IGNORED = /initializer|regularizer|constraint|^seed$|^name$|^trainable$/i;

function layersOf(topology: Json): unknown[] | null {
  const root =
    isRecord(topology) && isRecord(topology.model_config) ? topology.model_config : topology;
  const config = isRecord(root) ? root.config : undefined;
  return isRecord(config) && Array.isArray(config.layers) ? config.layers : null;
}

/** A short JSON excerpt of a value, for messages. */
function excerpt(value: Json): string {
  const text = JSON.stringify(value) ?? 'nothing';
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function fieldDifference(file: Json, built: Json): string | null {
  const a = isRecord(file) ? file : {};
  const b = isRecord(built) ? built : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !IGNORED.test(k));
  for (const key of keys)
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key]))
      return `${key} is ${excerpt(a[key])} in the file, ${excerpt(b[key])} in the design`;
  return null;
}

function layerDifference(index: number, file: Json, built: Json): string | null {
  const a = isRecord(file) ? file : {};
  const b = isRecord(built) ? built : {};
  const label = `layer ${index + 1} "${typeof b.name === 'string' ? b.name : '?'}"`;
  if (a.class_name !== b.class_name || a.name !== b.name)
    return `${label}: the file has ${excerpt(a.class_name)} "${String(a.name)}" where the design builds ${excerpt(b.class_name)} "${String(b.name)}"`;
  if (JSON.stringify(a.inbound_nodes) !== JSON.stringify(b.inbound_nodes))
    return `${label}: its inputs are ${excerpt(a.inbound_nodes)} in the file, ${excerpt(b.inbound_nodes)} in the design`;
  const field = fieldDifference(a.config, b.config);
  return field === null ? null : `${label}: ${field}`;
}

/**
 * Compares a model topology (`model.json`'s `modelTopology`, or `model.toJSON(null, false)`)
 * with the network `design` builds.
 *
 * @returns null when they are the same network; else the first difference, in words.
 * @example topologyDifference(artifacts.modelTopology, info.design) // 'layer 3 "enc1__conv": …'
 */
export async function topologyDifference(topology: Json, design: Design): Promise<string | null> {
  const compiled = compile(design);
  if (!compiled.ok) return 'the embedded design has errors, so it cannot be the model’s network';
  const file = layersOf(topology);
  if (file === null) return 'the topology has no layer list';
  // Building needs a ready backend; commands that never compute (export) have not set one.
  await tf.ready();
  // Only the reference's structure is read; its weights are disposed at once.
  const reference = buildModel(compiled, { seed: 0 });
  let built: unknown[];
  try {
    built = layersOf(reference.toJSON(null, false)) ?? [];
  } finally {
    reference.dispose();
  }
  for (let i = 0; i < Math.min(file.length, built.length); i++) {
    const difference = layerDifference(i, file[i], built[i]);
    if (difference !== null) return difference;
  }
  if (file.length !== built.length)
    return `the file has ${file.length} layers, the design builds ${built.length}`;
  return null;
}
