import { describe, expect, it } from 'vitest';
import { lowerKind, shape } from '../../../test/net';
import { outputLayer } from './output';

describe('output', () => {
  it('lowers to conv → activation → output, with the classes as channels', () => {
    const l = lowerKind(
      'output',
      { classes: 2, activation: 'softmax' },
      { in: shape(64, 388, 388) },
    );
    expect(l.result?.ops.map((op) => op.id)).toEqual(['n/conv', 'n/act', 'n/output']);
    expect(l.result?.shape).toEqual(shape(2, 388, 388));
    expect(l.diagnostics).toEqual([]);
  });

  it('counts the head conv (64·classes + classes)', () => {
    const params = { ...outputLayer.params.parse({}), classes: 2 };
    expect(outputLayer.paramCount({ params, inputs: { in: shape(64, 8, 8) } })?.trainable).toBe(
      130,
    );
  });

  it('passes the input through when conv is off (heliaEDGE include_top false)', () => {
    const l = lowerKind('output', { conv: false }, { in: shape(12, 256) }, 1);
    expect(l.result?.ops.map((op) => op.op)).toEqual(['output']);
    expect(l.result?.shape).toEqual(shape(12, 256));
  });

  it('reports SOFTMAX_ONE_CLASS with the fix "use sigmoid"', () => {
    const l = lowerKind('output', { activation: 'softmax' }, { in: shape(64, 8, 8) });
    expect(l.diagnostics[0]).toMatchObject({
      code: 'SOFTMAX_ONE_CLASS',
      fix: {
        label: 'Use sigmoid',
        edits: [{ op: 'setParams', params: { activation: 'sigmoid' } }],
      },
    });
  });
});
