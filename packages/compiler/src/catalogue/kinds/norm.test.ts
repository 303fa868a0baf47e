import { describe, expect, it } from 'vitest';
import { lowerKind, shape } from '../../../test/net';
import type { NormOp } from '../../lowering/ops';

describe('norm', () => {
  it('norm resolves group counts and counts like the conv block’s norms', () => {
    const op = lowerKind('norm', { type: 'group', groups: 8 }, { in: shape(64, 4, 4) }).result
      ?.ops[0] as NormOp;
    expect(op).toMatchObject({ norm: 'group', groups: 8, channels: 64 });
    const bad = lowerKind('norm', { type: 'group', groups: 5 }, { in: shape(64, 4, 4) });
    expect(bad.diagnostics[0]).toMatchObject({
      code: 'GROUPNORM_DIVISIBILITY',
      fix: { edits: [{ params: { groups: 32 } }] },
    });
  });

  it('type none lowers to no op (pass-through)', () => {
    expect(lowerKind('norm', { type: 'none' }, { in: shape(8, 4, 4) }).result?.ops).toEqual([]);
  });
});
