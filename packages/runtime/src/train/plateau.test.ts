import { describe, expect, it } from 'vitest';
import { createPlateauScheduler } from './plateau';

describe('createPlateauScheduler', () => {
  it('halves the rate after `patience` epochs without improvement, then waits again', () => {
    const s = createPlateauScheduler({ patience: 2 });
    const rates: number[] = [];
    let lr = 0.1;
    for (const loss of [1, 0.8, 0.8, 0.81, 0.79, 0.9, 0.9, 0.9, 0.9]) {
      lr = s.update(loss, lr);
      rates.push(lr);
    }
    expect(rates).toEqual([0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025, 0.0125]);
  });

  it('never goes below the minimum', () => {
    const s = createPlateauScheduler({ patience: 1, factor: 0.1, minLearningRate: 1e-3 });
    let lr = 0.01;
    for (let i = 0; i < 5; i++) lr = s.update(1, lr);
    expect(lr).toBe(1e-3);
  });

  it('rejects a factor that would not reduce', () => {
    expect(() => createPlateauScheduler({ factor: 1.5 })).toThrow(/factor must be in \(0, 1\)/);
  });
});
