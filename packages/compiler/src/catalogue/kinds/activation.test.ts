import { describe, expect, it } from 'vitest';
import { lowerKind, shape } from '../../../test/net';
import type { ActivationOp } from '../../lowering/ops';

describe('activation', () => {
  it('type none lowers to no op (pass-through)', () => {
    expect(lowerKind('activation', { type: 'none' }, { in: shape(8, 4, 4) }).result?.ops).toEqual(
      [],
    );
  });

  it('activation resolves alpha: leaky_relu 0.01, elu 1, or as given', () => {
    const alpha = (type: 'leaky_relu' | 'elu', a: number | null) =>
      (
        lowerKind('activation', { type, alpha: a }, { in: shape(8, 4, 4) }).result
          ?.ops[0] as ActivationOp
      ).alpha;
    expect([alpha('leaky_relu', null), alpha('elu', null), alpha('leaky_relu', 0.2)]).toEqual([
      0.01, 1, 0.2,
    ]);
  });
});
