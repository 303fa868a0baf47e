import { describe, expect, it } from 'vitest';
import type { SegmentationData } from './dataset';
import { classWeightsOf, withClassWeights } from './classWeights';

/** Two 1×4 samples, 3 classes one-hot: labels [0,0,0,1] and [0,0,2,1]. */
const data: SegmentationData = {
  count: 2,
  inputShape: [1, 4, 1],
  targetShape: [1, 4, 3],
  classes: 3,
  x: new Float32Array(8),
  y: Float32Array.from(
    [0, 0, 0, 1, 0, 0, 2, 1].flatMap((c) => [0, 1, 2].map((k) => (k === c ? 1 : 0))),
  ),
};

describe('class weights', () => {
  it('weighs each class by its inverse frequency, so every class weighs the same in total', () => {
    const w = classWeightsOf(data, 'inverse');
    // 8 pixels: 5 of class 0, 2 of class 1, 1 of class 2.
    expect(w).toEqual([8 / 15, 8 / 6, 8 / 3]);
    expect(w[0]! * 5).toBeCloseTo(w[2]! * 1, 10);
    const weighted = withClassWeights(data, 'inverse');
    expect(Array.from(weighted.weights!)).toEqual(
      [0, 0, 0, 1, 0, 0, 2, 1].map((c) => Math.fround(w[c]!)),
    );
  });

  it('takes manual weights per class and refuses the wrong count', () => {
    expect(Array.from(withClassWeights(data, [1, 2, 3]).weights!.subarray(0, 4))).toEqual([
      1, 1, 1, 2,
    ]);
    expect(() => withClassWeights(data, [1, 2])).toThrow(/need 3 non-negative numbers/);
    expect(withClassWeights(data, 'none')).toBe(data);
  });
});
