import { describe, expect, it } from 'vitest';
import { labelsAt, maskValues } from './fullPrediction';

describe('labels from kept probabilities', () => {
  it('thresholds one class: a higher threshold keeps fewer pixels', () => {
    const p = Float32Array.from([0.1, 0.4, 0.6, 0.9]);
    expect([...labelsAt(p, 1, 0.5)]).toEqual([0, 0, 1, 1]);
    expect([...labelsAt(p, 1, 0.05)]).toEqual([1, 1, 1, 1]);
    expect([...labelsAt(p, 1, 0.95)]).toEqual([0, 0, 0, 0]);
  });

  it('takes the most probable of several classes, whatever the threshold', () => {
    const p = Float32Array.from([0.7, 0.2, 0.1, 0.1, 0.3, 0.6]);
    expect([...labelsAt(p, 3, 0.5)]).toEqual([0, 2]);
    expect([...labelsAt(p, 3, 0.95)]).toEqual([0, 2]);
  });

  it('writes masks as the CLI does: 0/255 for one class, the class index for several', () => {
    expect([...maskValues(Uint8Array.from([0, 1, 1]), 1)]).toEqual([0, 255, 255]);
    expect([...maskValues(Uint8Array.from([0, 2, 1]), 3)]).toEqual([0, 2, 1]);
  });
});
