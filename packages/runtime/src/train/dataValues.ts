/**
 * Checks the values of a data set before training: every input finite, every target in [0, 1],
 * every loss weight finite and non-negative. A NaN pixel or a label out of range otherwise trains
 * silently to a NaN loss (or, in validation data only, to NaN metrics and a run that "succeeds").
 */
import type { SegmentationData } from '../data/dataset';
import { sampleSizes } from '../data/dataset';

/** A data set whose values cannot be trained on; the message names the sample and the value. */
export class DataValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataValueError';
  }
}

function firstBad(
  values: Float32Array,
  ok: (v: number) => boolean,
): { index: number; value: number } | null {
  for (let i = 0; i < values.length; i++)
    if (!ok(values[i]!)) return { index: i, value: values[i]! };
  return null;
}

/**
 * Throws a {@link DataValueError} naming the first bad value: the set (`training data`,
 * `validation data`), the sample (its file name when known), where in it, and the value.
 *
 * @param which - Names the set in the message.
 * @example checkDataValues(data, 'validation data');
 */
export function checkDataValues(data: SegmentationData, which = 'training data'): void {
  const s = sampleSizes(data);
  const where = (index: number, per: number, what: string) => {
    const sample = Math.floor(index / per);
    const name = data.names?.[sample];
    return `${which}, sample ${sample + 1}${name === undefined ? '' : ` (${name})`}: ${what} ${index % per}`;
  };
  const x = firstBad(data.x, Number.isFinite);
  if (x !== null)
    throw new DataValueError(
      `${where(x.index, s.input, 'input value')} is ${x.value}; inputs must be finite numbers`,
    );
  const y = firstBad(data.y, (v) => v >= 0 && v <= 1);
  if (y !== null) {
    const range =
      data.classes === 1
        ? 'a binary mask holds 0 or 1'
        : `one-hot targets of ${data.classes} classes hold 0 or 1`;
    throw new DataValueError(
      `${where(y.index, s.target, 'target value')} is ${y.value}, out of range: ${range}`,
    );
  }
  const w =
    data.weights === undefined ? null : firstBad(data.weights, (v) => v >= 0 && v < Infinity);
  if (w !== null)
    throw new DataValueError(
      `${where(w.index, s.pixels, 'loss weight')} is ${w.value}; weights must be finite and not negative`,
    );
}
