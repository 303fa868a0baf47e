/**
 * `compile()` against the reference figures of every template and fixture (no Python needed):
 * parameter totals, non-trainable totals and the output shape.
 */
import { describe, expect, it } from 'vitest';
import { PARITY_CASES } from './cases';
import { compiledFigures } from './figures';

describe('compile() matches the reference figures', () => {
  for (const c of PARITY_CASES) {
    it(c.id, () => {
      const got = compiledFigures(c.design());
      if ('error' in c.expected) {
        // The reference model cannot be built; the compiler must refuse it too, naming why.
        expect(got.errors).toContain('GROUPNORM_DIVISIBILITY');
        return;
      }
      expect(got.errors).toEqual([]);
      expect(got).toMatchObject({
        trainable: c.expected.trainable,
        nonTrainable: c.expected.nonTrainable,
        output: c.expected.output,
      });
    });
  }

  it('reproduces the published figures of the seeds', () => {
    const byId = Object.fromEntries(PARITY_CASES.map((c) => [c.id, compiledFigures(c.design())]));
    expect(byId['template:modelmanager-unet']?.trainable).toBe(31_384_833);
    expect(byId['template:basic-pytorch-unet']?.trainable).toBe(31_037_633);
    expect(byId['template:original-unet']).toMatchObject({
      trainable: 31_030_658,
      output: [2, 388, 388],
    });
    expect(byId['template:heliaedge-1d']).toMatchObject({
      trainable: 34_245,
      nonTrainable: 1_160,
      output: [4, 256],
    });
  });
});
