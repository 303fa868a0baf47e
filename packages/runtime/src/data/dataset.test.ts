import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import {
  labelsToTargets,
  splitData,
  subset,
  toTensors,
  validateData,
  type SegmentationData,
} from './dataset';

function tiny(count = 5): SegmentationData {
  // Sample i has every input value i and a mask whose first pixel is i % 2.
  const x = new Float32Array(count * 2 * 2 * 1).map((_, j) => Math.floor(j / 4));
  const y = new Float32Array(count * 4).map((_, j) => (j % 4 === 0 ? Math.floor(j / 4) % 2 : 0));
  return {
    count,
    inputShape: [2, 2, 1],
    targetShape: [2, 2, 1],
    classes: 1,
    x,
    y,
    names: Array.from({ length: count }, (_, i) => `s${i}`),
  };
}

describe('validateData', () => {
  it('accepts a consistent data set', () => {
    expect(() => validateData(tiny())).not.toThrow();
  });

  it('names each inconsistency', () => {
    const bad = { ...tiny(), x: new Float32Array(3), targetShape: [2, 3, 1] };
    expect(() => validateData(bad)).toThrow(
      /x holds 3 values, expected 20.*differ in spatial size|differ in spatial size.*x holds 3/,
    );
    expect(() => validateData({ ...tiny(), classes: 3 })).toThrow(
      /3 classes need 3 target channels, got 1/,
    );
  });
});

describe('subset and splitData', () => {
  it('copies the chosen samples with their names', () => {
    const s = subset(tiny(), [3, 1]);
    expect(s.count).toBe(2);
    expect(Array.from(s.x.slice(0, 4))).toEqual([3, 3, 3, 3]);
    expect(s.names).toEqual(['s3', 's1']);
    expect(() => subset(tiny(), [9])).toThrow(/sample index 9 is out of range/);
  });

  it('keeps every sample exactly once across the split', () => {
    const { train, validation } = splitData(tiny(10), 0.2, 1);
    expect(train.count).toBe(8);
    expect(validation?.count).toBe(2);
    const all = [...train.names!, ...validation!.names!].sort();
    expect(all).toEqual(tiny(10).names!.slice().sort());
    expect(splitData(tiny(10), 0).validation).toBeNull();
    expect(() => splitData(tiny(), 1)).toThrow(/validation fraction/);
  });
});

describe('toTensors', () => {
  it('shapes the batch as [n, ...sample]', () => {
    const { x, y, w } = toTensors(tiny(), [0, 4]);
    expect(x.shape).toEqual([2, 2, 2, 1]);
    expect(y.shape).toEqual([2, 2, 2, 1]);
    expect(w).toBeNull();
    expect(x.dataSync()[4]).toBe(4);
    tf.dispose([x, y]);
  });
});

describe('labelsToTargets', () => {
  it('makes binary masks and one-hot targets', () => {
    expect(Array.from(labelsToTargets([0, 2, 1], 1))).toEqual([0, 1, 1]);
    expect(Array.from(labelsToTargets([0, 2], 3))).toEqual([1, 0, 0, 0, 0, 1]);
    expect(() => labelsToTargets([0, 3], 3)).toThrow(/label 3 at pixel 1/);
  });
});
