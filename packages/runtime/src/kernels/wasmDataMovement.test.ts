import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededValues } from '../../test/gradCases';
import { initBackend } from '../backend/initBackend';
import { isTrainingKernelRegistered, replacedKernel } from './registerTrainingKernels';

beforeAll(async () => {
  await initBackend('wasm');
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

function values(t: tf.TensorInfo): number[] {
  return Array.from(tf.backend().readSync(t.dataId) as ArrayLike<number>);
}

/** Runs tfjs's own wasm kernel `name` and returns each output's shape and values. */
function theirs(name: string, inputs: tf.NamedTensorMap | tf.Tensor[], attrs: tf.NamedAttrMap) {
  const fn = replacedKernel(name, 'wasm');
  if (fn === undefined) throw new Error(`${name} was not replaced`);
  const out = fn({ inputs: inputs as tf.NamedTensorMap, backend: tf.backend(), attrs });
  return (Array.isArray(out) ? out : [out]).map((t) => {
    const result = { shape: t.shape, values: values(t) };
    tf.backend().disposeData(t.dataId);
    return result;
  });
}

function tensor(shape: number[], dtype: 'float32' | 'int32' | 'bool', seed: number): tf.Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const v = seededValues(n, seed);
  if (dtype === 'float32') return tf.tensor(v, shape);
  if (dtype === 'int32')
    return tf.tensor(
      Int32Array.from(v, (x) => Math.round(x * 1e6)),
      shape,
      'int32',
    );
  return tf.tensor(
    Uint8Array.from(v, (x) => (x > 0 ? 1 : 0)),
    shape,
    'bool',
  );
}

const CASES = [
  {
    shapes: [
      [2, 5, 3, 4],
      [2, 5, 3, 7],
    ],
    axis: 3,
  },
  {
    shapes: [
      [2, 5, 3, 16],
      [2, 5, 3, 16],
      [2, 5, 3, 8],
    ],
    axis: -1,
  },
  {
    shapes: [
      [3, 2, 5],
      [3, 4, 5],
    ],
    axis: 1,
  },
  {
    shapes: [
      [4, 70],
      [4, 90],
    ],
    axis: 1,
  },
  {
    shapes: [
      [2, 3],
      [5, 3],
    ],
    axis: 0,
  },
] as const;

describe('wasm data-movement kernels', () => {
  it('serve Identity, Concat and SplitV on wasm', () => {
    for (const name of ['Identity', 'Concat', 'SplitV']) {
      expect(isTrainingKernelRegistered(name, 'wasm')).toBe(true);
    }
  });

  it('Identity shares the data, and the copy outlives the original', () => {
    const backend = tf.backend() as BackendWasm;
    const x = tf.tensor2d([1, 2, 3, 4, 5, 6], [2, 3]);
    const y = tf.clone(x);
    expect(backend.getMemoryOffset(y.dataId)).toBe(backend.getMemoryOffset(x.dataId));
    x.dispose();
    expect(Array.from(y.dataSync())).toEqual([1, 2, 3, 4, 5, 6]);
    y.dispose();
  });

  it.each(CASES.flatMap((c) => (['float32', 'int32', 'bool'] as const).map((d) => ({ ...c, d }))))(
    'Concat and SplitV match tfjs: $shapes on axis $axis, $d',
    ({ shapes, axis, d }) => {
      const parts = shapes.map((s, i) => tensor([...s], d, 7 + i));
      const joined = tf.concat(parts, axis);
      const [expected] = theirs('Concat', parts, { axis });
      expect(joined.shape).toEqual(expected!.shape);
      expect(Array.from(joined.dataSync())).toEqual(expected!.values);
      const a = axis < 0 ? joined.rank + axis : axis;
      const sizes = shapes.map((s) => s[a]!);
      const split = tf.split(joined, sizes, axis);
      const reference = theirs('SplitV', { x: joined }, { numOrSizeSplits: sizes, axis });
      split.forEach((t, i) => {
        expect(t.shape).toEqual(reference[i]!.shape);
        expect(Array.from(t.dataSync())).toEqual(reference[i]!.values);
        expect(Array.from(t.dataSync())).toEqual(Array.from(parts[i]!.dataSync()));
      });
      tf.dispose([...parts, joined, ...split]);
    },
  );

  it('keeps every float32 bit pattern', () => {
    const bits = Int32Array.from([0x7fc00001, 0x7f800001, -1, 0x00000001, 0x3f800000, 0]);
    const x = tf.tensor(new Float32Array(bits.buffer), [3, 2]);
    const joined = tf.concat([x, x], 1);
    const [back] = tf.split(joined, 2, 1);
    expect(Array.from(new Int32Array((back!.dataSync() as Float32Array).buffer))).toEqual(
      Array.from(bits),
    );
    tf.dispose([x, joined, back!]);
  });
});
