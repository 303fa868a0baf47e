import * as tf from '@tensorflow/tfjs';
import { compile, findTemplate, withInputSize } from '@unet-studio/compiler';
import { buildModel, convertWeights, readModelInfo, type TorchTensor } from '@unet-studio/runtime';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadStoredModel } from '../worker/loadStored';
import { loadServerArtifacts } from './serverModel';

/** A state bundle as the server writes it (`STATE_BUNDLE_PY`): float tensors only. */
function stateBundle(tensors: readonly TorchTensor[]): Uint8Array<ArrayBuffer> {
  const floats = tensors.filter((t) => t.data instanceof Float32Array);
  let header = JSON.stringify({ tensors: floats.map((t) => ({ key: t.key, shape: t.shape })) });
  header += ' '.repeat((4 - (header.length % 4)) % 4);
  const size = floats.reduce((n, t) => n + t.data.length * 4, 0);
  const bytes = new Uint8Array(8 + header.length + size);
  bytes.set([0x55, 0x53, 0x53, 0x44]);
  new DataView(bytes.buffer).setUint32(4, header.length, true);
  bytes.set(new TextEncoder().encode(header), 8);
  let at = 8 + header.length;
  for (const t of floats) {
    bytes.set(new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength), at);
    at += t.data.byteLength;
  }
  return bytes;
}

const connection = { origin: 'http://127.0.0.1:8765', token: 't' };
const open = withInputSize(findTemplate('tiny')!.build(), [null, null]);

/** The weights a server run of `open` at 48×64 would send back, and the model they came from. */
function serverWeights(seed: number): {
  model: tf.LayersModel;
  bundle: Uint8Array<ArrayBuffer>;
  tensors: readonly TorchTensor[];
} {
  const compiled = compile(open, { inputSize: [48, 64] });
  const model = buildModel(compiled, { seed });
  const weights = new Map(
    model.weights.map((w) => [
      w.originalName,
      { shape: w.read().shape, data: Float32Array.from(w.read().dataSync()) },
    ]),
  );
  const converted = convertWeights(compiled, weights, readModelInfo(model).opLayerNames);
  if (!converted.ok) throw new Error(converted.errors.join('; '));
  return { model, bundle: stateBundle(converted.value), tensors: converted.value };
}

describe('loadServerArtifacts', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });
  afterEach(() => vi.unstubAllGlobals());
  afterAll(() => tf.disposeVariables());

  it('builds an open-size design at the run size with the server weights, as the worker loads stored runs', async () => {
    const { model: trained, bundle } = serverWeights(5);
    vi.stubGlobal('fetch', (url: string) => {
      expect(url).toBe('http://127.0.0.1:8765/api/runs/r1/weights?token=t');
      return Promise.resolve(new Response(bundle));
    });
    const artifacts = await loadServerArtifacts(connection, 'r1', open, [48, 64]);
    const loaded = await loadStoredModel(artifacts);
    expect(loaded.inputs[0]?.shape).toEqual([null, 48, 64, 3]);
    const x = tf.randomUniform([1, 48, 64, 3], 0, 1, 'float32', 3);
    const a = trained.predict(x) as tf.Tensor;
    const b = loaded.predict(x) as tf.Tensor;
    expect(tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]).toBeLessThan(1e-5);
    tf.dispose([x, a, b]);
    trained.dispose();
    loaded.dispose();
  });

  it('says so when the server has no weights or they do not fit the design', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('no', { status: 404 })));
    await expect(loadServerArtifacts(connection, 'r1', open, [48, 64])).rejects.toThrow(
      'the server sent no weights (HTTP 404)',
    );
    const { model, tensors } = serverWeights(1);
    model.dispose();
    // A state dict that lacks the design's first tensor: not this design's weights.
    const [first, ...rest] = tensors;
    vi.stubGlobal('fetch', () => Promise.resolve(new Response(stateBundle(rest))));
    await expect(loadServerArtifacts(connection, 'r1', open, [48, 64])).rejects.toThrow(first!.key);
  });
});
