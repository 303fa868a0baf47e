import { describe, expect, it } from 'vitest';
import { sampleSpecOf, syntheticFor } from './syntheticFor';

describe('syntheticFor', () => {
  it('makes images for 2D models and signals for 1D models', () => {
    const images = syntheticFor({ size: [8, 12], channels: 1, classes: 3 }, 2);
    expect(images.inputShape).toEqual([8, 12, 1]);
    expect(images.targetShape).toEqual([8, 12, 3]);
    const signals = syntheticFor({ size: [32], channels: 2, classes: 1 }, 2);
    expect(signals.inputShape).toEqual([32, 2]);
  });
});

describe('sampleSpecOf', () => {
  it('reads size, channels and classes from model shapes', () => {
    expect(sampleSpecOf([null, 64, 64, 3], [null, 64, 64, 1])).toEqual({
      size: [64, 64],
      channels: 3,
      classes: 1,
    });
    expect(sampleSpecOf([null, null, null, 1], [null, null, null, 2], [32, 48])).toEqual({
      size: [32, 48],
      channels: 1,
      classes: 2,
    });
  });

  it('asks for a size when the model takes any', () => {
    expect(() => sampleSpecOf([null, null, null, 3], [null, null, null, 1])).toThrow(
      /give one with --size/,
    );
  });
});
