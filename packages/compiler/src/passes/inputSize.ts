/**
 * The input-size check: states the rule (INPUT_SIZE_RULE), and for a concrete size that breaks it
 * reports INPUT_SIZE_INVALID (it causes size errors) or ODD_POOL_INPUT (a downsampling is inexact
 * but the crop/pad policies cope), with a fix to the nearest valid size.
 */
import { AXIS_NAMES } from '../catalogue/spatial';
import type { AxisSizeRule } from '../compiled';
import type { DiagnosticCode } from '../diagnostics/codes';
import { diagnostic } from '../diagnostics/make';
import type { Fix } from '../diagnostics/types';
import { isConcrete } from '../shape/dim';
import { formatDim } from '../shape/dimMath';
import type { PassContext } from './context';
import type { Shapes } from './shapes';
import { nextValid, prevValid } from './sizeRule';
import type { Structure } from './structure';

/** Errors a different input size can make disappear. */
const SIZE_CODES: ReadonlySet<DiagnosticCode> = new Set([
  'SHAPE_NON_POSITIVE',
  'SHAPE_MISMATCH',
  'SKIP_SIZE_MISMATCH',
  'SKIP_CROP_NEGATIVE',
  'SKIP_PAD_NEGATIVE',
]);

const showSize = (size: readonly (number | null)[]): string =>
  size.map((n) => n ?? 'any').join('×');

/** True when `n` satisfies `rule`. */
export function fitsRule(n: number, rule: AxisSizeRule): boolean {
  return rule.min !== null && n >= rule.min && rule.residues.includes(n % rule.modulus);
}

/** The nearest valid sizes below and above `n` (null when there is none). */
export function nearestValid(
  n: number,
  rule: AxisSizeRule,
): { below: number | null; above: number | null } {
  if (rule.min === null || rule.residues.length === 0) return { below: null, above: null };
  const below = prevValid(n - 1, rule.modulus, rule.residues);
  return {
    below: below >= rule.min ? below : null,
    above: Math.max(nextValid(n + 1, rule.modulus, rule.residues), rule.min),
  };
}

/** Reports the rule and, for a concrete size that breaks it, the problem and its fix. */
export function checkInputSize(
  ctx: PassContext,
  s: Structure,
  shapes: Shapes,
  rules: readonly AxisSizeRule[] | null,
): void {
  const input = s.inputIndex < 0 ? undefined : s.nodes[s.inputIndex];
  if (input?.kind !== 'input' || input.params.size.length !== s.dims) return;
  const size = input.params.size;
  const nodeId = input.id;
  if (rules) {
    const text = rules.map((r) => r.text).join('; ');
    ctx.report(
      diagnostic('INPUT_SIZE_RULE', `Input sizes this network accepts: ${text}.`, { nodeId }),
    );
  }
  const odd = shapes.divisions.find(
    ({ division: d }) => isConcrete(d.numerator) && d.numerator % d.divisor !== 0,
  );
  const hints: string[] = [];
  let fixed = false;
  const better = size.map((n, i) => {
    const rule = rules?.[i];
    if (n === null || !rule || fitsRule(n, rule)) return n;
    const { below, above } = nearestValid(n, rule);
    const options = [below, above].filter((x) => x !== null);
    if (options.length > 0) hints.push(`${rule.axis} ${options.join(' or ')}`);
    const pick = below === null || (above !== null && above - n <= n - below) ? above : below;
    fixed ||= pick !== null;
    return pick ?? n;
  });
  const fix: Fix | undefined = fixed
    ? { label: `Use ${showSize(better)}`, edits: [{ op: 'setInputSize', size: better }] }
    : undefined;
  const nearest = hints.length > 0 ? ` The nearest valid sizes are ${hints.join(', ')}.` : '';
  if (hints.length > 0 && [...shapes.errorCodes].some((c) => SIZE_CODES.has(c))) {
    const rule = rules?.map((r) => r.text).join('; ') ?? '';
    ctx.report(
      diagnostic(
        'INPUT_SIZE_INVALID',
        `The input size ${showSize(size)} does not fit this network (${rule}).${nearest}`,
        { nodeId },
        fix,
      ),
    );
    return;
  }
  if (!odd) return;
  const { input: got, divisor, axis } = odd.division;
  const axisName = AXIS_NAMES[s.dims][axis] ?? `axis ${axis}`;
  ctx.report(
    diagnostic(
      'ODD_POOL_INPUT',
      `'${odd.nodeId}' receives ${formatDim(got)} on ${axisName} and downsamples it by ${divisor} inexactly: border pixels are dropped or padded, and the output no longer lines up with the input.${nearest}`,
      { nodeId: odd.nodeId },
      fix,
    ),
  );
}
