/**
 * Synthetic data shaped for a model: shapes on noise for 2D inputs, pulses for 1D inputs.
 */
import { checkAllocation } from './allocation';
import type { SegmentationData } from './dataset';
import { makeSyntheticSignals } from './signals';
import { makeSyntheticShapes } from './synthetic';

/** The sample shape a model takes and the classes it predicts. */
export interface SampleSpec {
  /** `[H, W]` or `[L]`. */
  readonly size: readonly number[];
  readonly channels: number;
  /** 1 = binary mask. */
  readonly classes: number;
}

/**
 * `count` synthetic samples matching `spec` (classes above what the generators offer, 4, are
 * refused with a message).
 *
 * @example syntheticFor({ size: [64, 64], channels: 3, classes: 1 }, 200, 1)
 */
export function syntheticFor(spec: SampleSpec, count: number, seed = 0): SegmentationData {
  checkAllocation('the synthetic data set', [
    count,
    ...spec.size,
    Math.max(spec.channels, spec.classes),
  ]);
  if (spec.size.length === 2) {
    return makeSyntheticShapes({
      count,
      size: [spec.size[0]!, spec.size[1]!],
      channels: spec.channels,
      classes: spec.classes,
      seed,
    });
  }
  if (spec.size.length === 1) {
    return makeSyntheticSignals({
      count,
      length: spec.size[0]!,
      channels: spec.channels,
      classes: spec.classes,
      seed,
    });
  }
  throw new Error(`synthetic data needs a 1D or 2D sample size, got [${spec.size.join(', ')}]`);
}

/**
 * The sample spec of a tfjs model from its input and output shapes; null entries (open sizes)
 * are filled from `size` when given.
 *
 * @throws when a size is open and not given, or the shapes are not a segmentation model's.
 */
export function sampleSpecOf(
  inputShape: readonly (number | null)[],
  outputShape: readonly (number | null)[],
  size?: readonly number[],
): SampleSpec {
  const spatial = inputShape.slice(1, -1);
  const channels = inputShape[inputShape.length - 1];
  const classes = outputShape[outputShape.length - 1];
  if (
    spatial.length < 1 ||
    spatial.length > 2 ||
    typeof channels !== 'number' ||
    typeof classes !== 'number'
  ) {
    throw new Error(
      `not a segmentation model: input [${inputShape.join(', ')}], output [${outputShape.join(', ')}]`,
    );
  }
  const resolved = spatial.map((d, i) => d ?? size?.[i] ?? null);
  if (resolved.some((d) => d === null))
    throw new Error('the model takes any input size: give one with --size');
  return { size: resolved as number[], channels, classes };
}
