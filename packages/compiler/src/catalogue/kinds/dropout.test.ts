import { describe, expect, it } from 'vitest';
import { lowerKind, shape } from '../../../test/net';

describe('dropout', () => {
  it('dropout emits one op, none at rate 0', () => {
    expect(
      lowerKind('dropout', { rate: 0.3, spatial: true }, { in: shape(8, 4, 4) }).result?.ops[0],
    ).toMatchObject({
      op: 'dropout',
      rate: 0.3,
      spatial: true,
    });
    expect(lowerKind('dropout', { rate: 0 }, { in: shape(8, 4, 4) }).result?.ops).toEqual([]);
  });
});
