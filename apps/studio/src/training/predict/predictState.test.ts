import { describe, expect, it } from 'vitest';
import type { FullPredictionResult } from './fullPrediction';
import { predictReducer, type PredictState } from './predictState';

const result = (threshold: number): FullPredictionResult => ({
  width: 2,
  height: 1,
  overlay: { width: 2, height: 1, rgba: new Uint8ClampedArray(8) },
  labels: new Uint8Array(2),
  classes: 1,
  foreground: 0,
  threshold,
  tiling: null,
  resizedTo: [16, 16],
  seconds: 0.5,
});

describe('the predict state', () => {
  it('runs, counts tiles, and shows the result and its new thresholds', () => {
    let s: PredictState = { phase: 'idle' };
    s = predictReducer(s, { type: 'start', id: 1, name: 'big.png' });
    s = predictReducer(s, { type: 'progress', id: 1, done: 64, total: 700 });
    expect(s).toEqual({ phase: 'running', id: 1, name: 'big.png', done: 64, total: 700 });
    s = predictReducer(s, { type: 'result', id: 1, result: result(0.5) });
    expect(s).toMatchObject({ phase: 'done', name: 'big.png' });
    s = predictReducer(s, { type: 'result', id: 1, result: result(0.3) });
    expect(s.phase === 'done' && s.result.threshold).toBe(0.3);
  });

  it('ignores the reports of a replaced prediction', () => {
    let s = predictReducer({ phase: 'idle' }, { type: 'start', id: 1, name: 'a.png' });
    s = predictReducer(s, { type: 'start', id: 2, name: 'b.png' });
    expect(predictReducer(s, { type: 'result', id: 1, result: result(0.5) })).toBe(s);
    expect(predictReducer(s, { type: 'ended', id: 1, reason: 'cancelled', message: '' })).toBe(s);
    expect(predictReducer(s, { type: 'progress', id: 1, done: 1, total: 2 })).toBe(s);
  });

  it('ends cancelled or failed, with why', () => {
    const s = predictReducer({ phase: 'idle' }, { type: 'start', id: 3, name: 'c.png' });
    expect(
      predictReducer(s, { type: 'ended', id: 3, reason: 'failed', message: 'no 7×7 tiles' }),
    ).toEqual({ phase: 'failed', id: 3, name: 'c.png', message: 'no 7×7 tiles' });
    expect(
      predictReducer(s, { type: 'ended', id: 3, reason: 'cancelled', message: '' }),
    ).toMatchObject({
      phase: 'cancelled',
    });
  });

  it('drops the prediction when the model changes', () => {
    const s = predictReducer({ phase: 'idle' }, { type: 'start', id: 4, name: 'd.png' });
    expect(predictReducer(s, { type: 'reset' })).toEqual({ phase: 'idle' });
  });
});
