import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compile } from '@unet-studio/compiler';
import { EXPORT_FIXTURES } from '../../../compiler/src/export/pytorch/fixtures/exportFixtures';
import { readModelInfo } from '../io/metadata';
import { buildModel } from './buildModel';
import { chain, compiledFromOps, mk, open, shape, sym } from './testOps';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A two-level U-Net with an open input size: conv, pool, transposed conv, crop, concat. */
function tinyOpenUnet() {
  const H = sym('H');
  const W = sym('W');
  return compiledFromOps([
    mk.input('in/x', open(1, H, W)),
    mk.conv('e1/conv0', 'in/x', open(4, H, W), 1),
    mk.norm('e1/norm0', 'e1/conv0', open(4, H, W)),
    mk.activation('e1/act0', 'e1/norm0', open(4, H, W)),
    mk.pool('p1/pool', 'e1/act0', open(4, sym('H', 1, 2), sym('W', 1, 2))),
    mk.conv('b/conv0', 'p1/pool', open(8, sym('H', 1, 2), sym('W', 1, 2)), 4),
    mk.convTranspose('u1/up', 'b/conv0', open(4, H, W), 8),
    mk.crop('s1/crop', 'e1/act0', open(4, H, W), [0, 0]),
    mk.concat('s1/cat', ['s1/crop', 'u1/up'], open(8, H, W)),
    mk.resize('s1/rs', ['s1/cat', 'e1/act0'], open(8, H, W)),
    mk.conv('head/conv', 's1/rs', open(2, H, W), 8, { kernel: [1, 1] }),
    mk.output('out/y', 'head/conv', open(2, H, W)),
  ]);
}

describe('buildModel', () => {
  it.each(EXPORT_FIXTURES.map((f) => ({ name: f.name, build: f.build })))(
    'builds the export fixture $name (every op and option) with the compiler’s output shapes',
    ({ build }) => {
      const compiled = compile(build());
      expect(compiled.ok).toBe(true);
      const model = buildModel(compiled);
      const outputs = compiled.outputIds.map((id) => compiled.nodes[id]?.shape?.spatial);
      expect(model.outputs.map((o) => o.shape.slice(1, -1))).toEqual(
        outputs.map((spatial) => spatial?.map((d) => (typeof d === 'number' ? d : null))),
      );
    },
  );

  it('builds an open-size design that runs at several input sizes', () => {
    const model = buildModel(tinyOpenUnet());
    expect(model.inputs[0]?.shape).toEqual([null, null, null, 1]);
    for (const [h, w] of [
      [8, 8],
      [16, 12],
    ] as const) {
      const y = model.predict(tf.randomNormal([1, h, w, 1])) as tf.Tensor;
      expect(y.shape).toEqual([1, h, w, 2]);
    }
  });

  it('builds a 1D design with an open length that runs at several lengths', () => {
    const L = sym('L');
    const half = sym('L', 1, 2);
    const model = buildModel(
      compiledFromOps(
        [
          mk.input('in/x', open(2, L)),
          mk.conv('c/conv', 'in/x', open(3, L), 2, { kernel: [5], dilation: [2] }),
          mk.pool('p/pool', 'c/conv', open(3, half), { window: [2], stride: [2] }),
          mk.upsample('u/up', 'p/pool', open(3, L), { mode: 'bilinear', factor: [2] }),
          mk.output('out/y', 'u/up', open(3, L)),
        ],
        1,
      ),
    );
    expect(model.inputs[0]?.shape).toEqual([null, null, 2]);
    for (const length of [16, 24]) {
      expect((model.predict(tf.randomNormal([2, length, 2])) as tf.Tensor).shape).toEqual([
        2,
        length,
        3,
      ]);
    }
  });

  it('keeps an op → layer name map and the design in the model metadata', () => {
    const compiled = tinyOpenUnet();
    const model = buildModel(compiled);
    const info = readModelInfo(model);
    expect(info.design).toEqual(compiled.design);
    expect(info.opLayerNames['e1/conv0']).toBe('e1__conv0');
    expect(info.opLayerNames['in/x']).toBe('in__x');
    expect(Object.keys(info.opLayerNames)).toEqual(compiled.ops.map((o) => o.id));
    for (const layer of Object.values(info.opLayerNames))
      expect(() => model.getLayer(layer)).not.toThrow();
    expect(model.getLayer('e1__conv0').weights.map((w) => w.originalName)).toEqual([
      'e1__conv0/kernel',
      'e1__conv0/bias',
    ]);
  });

  it('builds the same weights from the same seed, different ones from another', () => {
    const weights = (seed: number) =>
      buildModel(tinyOpenUnet(), { seed })
        .getWeights()
        .map((w) => Array.from(w.dataSync()));
    expect(weights(5)).toEqual(weights(5));
    expect(weights(5)).not.toEqual(weights(6));
  });

  it('gives every conv its own initial weights under one seed', () => {
    const x = shape(4, 4, 4);
    const model = buildModel(
      chain(x, (f) => [
        mk.conv('a/c', f, x, 4, { bias: false }),
        mk.conv('b/c', 'a/c', x, 4, { bias: false }),
      ]),
      { seed: 1 },
    );
    const [a, b] = model.getWeights().map((w) => Array.from(w.dataSync()));
    expect(a).not.toEqual(b);
  });

  it('returns one output per output op, in op order', () => {
    const x = shape(2, 4, 4);
    const compiled = compiledFromOps([
      mk.input('in/x', x),
      mk.activation('a/sig', 'in/x', x, { activation: 'sigmoid' }),
      mk.output('main/y', 'a/sig', x),
      mk.output('aux/y', 'in/x', x),
    ]);
    const model = buildModel(compiled);
    expect(model.outputNames).toEqual(['main__y', 'aux__y']);
  });

  it('refuses a design with errors and quotes them', () => {
    const compiled = {
      ...chain(shape(1, 4, 4), () => []),
      ok: false,
      diagnostics: [
        { code: 'E_TEST', severity: 'error', message: 'kernel larger than input', nodeId: 'c1' },
      ],
    } as never;
    expect(() => buildModel(compiled)).toThrow(
      /cannot build a design with errors: c1: kernel larger than input/,
    );
  });

  it('stops with both shapes when a layer disagrees with the compiler', () => {
    const compiled = chain(shape(3, 8, 8), (f) => [
      mk.conv('c/conv', f, shape(4, 8, 8), 3, { padding: 'valid' }),
    ]);
    expect(() => buildModel(compiled)).toThrow(
      'op "c/conv" (conv): the tfjs layer gives 4×6×6 but the compiler expects 4×8×8',
    );
  });

  it('names the op when tfjs refuses a layer', () => {
    const x = shape(3, 4, 4);
    const compiled = chain(x, (f) => [mk.conv('c/conv', f, shape(4, 4, 4), 3, { kernel: [3] })]);
    expect(() => buildModel(compiled)).toThrow(
      'op "c/conv" (conv): expected 2 spatial value(s), got [3]',
    );
  });

  it('names a missing input op and an op read before it is built', () => {
    const x = shape(1, 4, 4);
    expect(() => buildModel(compiledFromOps([mk.output('o/y', 'nowhere', x)]))).toThrow(
      /op "o\/y" reads op "nowhere", which is not built before it/,
    );
  });
});
