/**
 * Pass 3, U-Net checks: layer norm and fixed sizes, the input-size rule and its violations, and
 * level pairing. Returns the input-size rule (null when it cannot be derived).
 */
import type { AxisSizeRule } from '../compiled';
import type { PassContext } from './context';
import { checkInputSize } from './inputSize';
import { checkLayerNorm } from './layerNorm';
import { checkLevelPairing } from './levelPairing';
import type { Shapes } from './shapes';
import { reopenOps } from './reopenOps';
import { deriveSizeRule, fromLowering, lowerOpen, type OpenLowering } from './sizeRule';
import type { Structure } from './structure';

/** Above this many nodes the input-size rule is not derived (it lowers the design again). */
export const SIZE_RULE_NODE_LIMIT = 2000;

/** True when the checks derive the input-size rule of `s`, from the ops of its lowering. */
export function derivesSizeRule(s: Structure): boolean {
  return s.nodes.length <= SIZE_RULE_NODE_LIMIT;
}

/** Runs the U-Net checks. */
export function unetChecksPass(
  ctx: PassContext,
  s: Structure,
  shapes: Shapes,
): AxisSizeRule[] | null {
  checkLayerNorm(ctx, s, shapes);
  const input = s.inputIndex < 0 ? undefined : s.nodes[s.inputIndex];
  if (input?.kind !== 'input' || !derivesSizeRule(s)) {
    checkInputSize(ctx, s, shapes, null);
    return null;
  }
  const allOpen = input.params.size.length === s.dims && input.params.size.every((n) => n === null);
  // Open sizes: the compile's own lowering when the input is open; else re-derived from its ops
  // when that is exact; else a second lowering with open sizes.
  const open: OpenLowering = allOpen
    ? fromLowering(s, shapes, shapes.divisions)
    : (reopenOps(s, shapes) ?? lowerOpen(s));
  const rules = deriveSizeRule(s, open);
  checkInputSize(ctx, s, shapes, rules);
  if (!open.failed) checkLevelPairing(ctx, s, open);
  return rules;
}
