import { describe, expect, it } from 'vitest';
import { chartColumns } from './chartSeries';

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
