import { describe, expect, it } from 'vitest';
import { chartColumns, compareColumns, yAxisWidth } from './chartSeries';

const e = (epoch: number, loss: number, valLoss: number | null) => ({
  epoch,
  loss,
  dice: 0.5,
  iou: 0.4,
  valLoss,
  valDice: null,
  valIoU: null,
});

describe('chartColumns', () => {
  it('gives epochs, train and validation columns, null where missing or not finite', () => {
    expect(chartColumns([e(1, 0.9, 0.8), e(2, NaN, null)], 'loss')).toEqual([
      [1, 2],
      [0.9, null],
      [0.8, null],
    ]);
    expect(chartColumns([e(1, 0.9, 0.8)], 'dice')).toEqual([[1], [0.5], [null]]);
  });
});

describe('compareColumns', () => {
  it('overlays runs of different lengths on one epoch axis', () => {
    expect(compareColumns([[e(1, 0.9, 0.8), e(2, 0.7, 0.6)], [e(1, 0.5, null)]], 'loss')).toEqual([
      [1, 2],
      [0.9, 0.7],
      [0.8, 0.6],
      [0.5, null],
      [null, null],
    ]);
  });
});

describe('yAxisWidth', () => {
  it('grows with the longest tick label so that none is clipped', () => {
    expect(yAxisWidth(null)).toBe(40);
    expect(yAxisWidth(['0.5', '1'])).toBe(43);
    expect(yAxisWidth(['0.000125', '0.00025'])).toBeGreaterThan(yAxisWidth(['0.5']));
  });
});
