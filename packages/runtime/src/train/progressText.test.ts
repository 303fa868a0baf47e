import { describe, expect, it } from 'vitest';
import { batchLine, epochLine, formatDuration } from './progressText';

describe('progress text', () => {
  it('formats durations', () => {
    expect([
      formatDuration(4.4),
      formatDuration(185),
      formatDuration(3720),
      formatDuration(NaN),
    ]).toEqual(['4s', '3m05s', '1h02m', '?']);
  });

  it('writes the batch and epoch lines', () => {
    const p = {
      epoch: 2,
      epochs: 10,
      batch: 5,
      batches: 16,
      loss: 0.321,
      dice: 0.8812,
      imagesPerSecond: 12.34,
      etaSeconds: 80,
      learningRate: 1e-3,
    };
    expect(batchLine(p)).toBe(
      'epoch 2/10 batch 5/16  loss 0.3210  dice 0.881  12.3 img/s  ETA 1m20s',
    );
    const r = {
      epoch: 2,
      loss: 0.321,
      dice: 0.88,
      iou: 0.8,
      valLoss: 0.3,
      valDice: 0.9,
      valIoU: 0.82,
      valMetrics: null,
      learningRate: 0.001,
      seconds: 14.24,
      imagesPerSecond: 10,
    };
    expect(epochLine(r, 10)).toBe(
      'epoch 2/10  loss 0.3210  dice 0.880  val loss 0.3000  val dice 0.900  val IoU 0.820  lr 0.001  14.2s',
    );
    expect(epochLine({ ...r, valLoss: null, valDice: null, valIoU: null }, 10)).toBe(
      'epoch 2/10  loss 0.3210  dice 0.880  lr 0.001  14.2s',
    );
  });
});
