/**
 * Level pairing: along input → output, the upsampling factors must undo the downsampling factors,
 * so the output has the input's resolution. In an open lowering each output size is `a·H + b`;
 * `a ≠ 1` means the levels do not pair up (valid-padding nets keep `a = 1` and only lose a border).
 */
import { diagnostic } from '../diagnostics/make';
import { isConcrete } from '../shape/dim';
import { formatDim } from '../shape/dimMath';
import type { PassContext } from './context';
import type { OpenLowering } from './sizeRule';
import type { Structure } from './structure';

/** Reports LEVEL_PAIRING on each output whose resolution differs from the input's. */
export function checkLevelPairing(ctx: PassContext, s: Structure, open: OpenLowering): void {
  for (const outputId of s.outputIds) {
    const spatial = open.outputs.get(outputId);
    if (!spatial) continue;
    const off = spatial.filter((d) => !isConcrete(d) && (d.a[0] !== 1 || d.a[1] !== 1));
    const first = off[0];
    if (first === undefined || isConcrete(first)) continue;
    const [num, den] = first.a;
    const ratio = den === 1 ? `${num}×` : num === 1 ? `1/${den}` : `${num}/${den}`;
    const more =
      num > den
        ? 'upsamples more than the encoder downsamples'
        : 'does not undo all the downsampling';
    ctx.report(
      diagnostic(
        'LEVEL_PAIRING',
        `The output is ${spatial.map(formatDim).join('×')}, ${ratio} of the input resolution: the decoder ${more}. Give every downsampling a matching upsampling.`,
        { nodeId: outputId },
      ),
    );
  }
}
