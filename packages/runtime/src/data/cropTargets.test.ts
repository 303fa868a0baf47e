import { describe, expect, it } from 'vitest';
import type { SegmentationData } from './dataset';
import { cropTargetsTo } from './cropTargets';

function data(full: number[], k: number): SegmentationData {
  const pixels = full.reduce((a, b) => a * b, 1);
  const y = Float32Array.from({ length: 2 * pixels * k }, (_, i) => i);
  return {
    count: 2,
    inputShape: [...full, 1],
    targetShape: [...full, k],
    classes: k === 1 ? 1 : k,
    x: new Float32Array(2 * pixels),
    y,
    weights: Float32Array.from({ length: 2 * pixels }, (_, i) => -i),
  };
}

describe('cropTargetsTo', () => {
  it('keeps the centre window of 2D targets and weights, per sample', () => {
    const d = cropTargetsTo(data([4, 4], 1), [2, 2]);
    expect(d.targetShape).toEqual([2, 2, 1]);
    // Sample 0: rows 1–2, columns 1–2 of a 4×4 grid numbered 0…15; sample 1 adds 16.
    expect(Array.from(d.y)).toEqual([5, 6, 9, 10, 21, 22, 25, 26]);
    expect(Array.from(d.weights ?? [])).toEqual([-5, -6, -9, -10, -21, -22, -25, -26]);
  });

  it('crops 1D multi-class targets with floor((n − out) / 2) at the start', () => {
    const d = cropTargetsTo(data([5], 2), [2]);
    expect(d.targetShape).toEqual([2, 2]);
    expect(Array.from(d.y)).toEqual([2, 3, 4, 5, 12, 13, 14, 15]);
  });

  it('leaves data alone when sizes agree or the output is larger', () => {
    const d = data([4, 4], 1);
    expect(cropTargetsTo(d, [4, 4])).toBe(d);
    expect(cropTargetsTo(d, [8, 8])).toBe(d);
    expect(cropTargetsTo(d, [null, null])).toBe(d);
  });
});
