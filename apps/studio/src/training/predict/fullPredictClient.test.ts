import { describe, expect, it } from 'vitest';
import type { FromWorker, ToWorker } from '../protocol';
import type { FullPredictionResult } from './fullPrediction';
import { createFullPredictClient } from './fullPredictClient';
import type { PredictEvent } from './predictState';

const picture = () => ({ width: 2, height: 1, rgba: new Uint8ClampedArray(8) });
const done = (id: number, threshold: number): FromWorker => ({
  type: 'full-prediction',
  id,
  result: { threshold, classes: 1 } as FullPredictionResult,
});

describe('the full-size prediction client', () => {
  it('hands the image over and numbers each prediction', () => {
    const sent: { message: ToWorker; transfer: Transferable[] }[] = [];
    const events: PredictEvent[] = [];
    const client = createFullPredictClient(
      (message, transfer = []) => sent.push({ message, transfer }),
      (e) => events.push(e),
    );
    const image = picture();
    client.run(image, 'a.png', { tile: 'auto', overlap: null, resize: false }, 0.5);
    expect(sent[0]!.message).toMatchObject({ type: 'predict-full', id: 1, threshold: 0.5 });
    expect(sent[0]!.transfer).toEqual([image.rgba.buffer]);
    expect(events).toEqual([{ type: 'start', id: 1, name: 'a.png' }]);
    client.cancel();
    expect(sent[1]!.message).toEqual({ type: 'predict-cancel', id: 1 });
  });

  it('sends one threshold at a time, the last one asked for next', () => {
    const sent: ToWorker[] = [];
    const client = createFullPredictClient(
      (m) => sent.push(m),
      () => {},
    );
    client.rethreshold(0.3); // nothing predicted yet
    expect(sent).toEqual([]);
    client.run(picture(), 'a.png', { tile: 'auto', overlap: null, resize: false }, 0.5);
    expect(client.onMessage(done(1, 0.5))).toBe(true);
    client.rethreshold(0.4);
    client.rethreshold(0.6);
    client.rethreshold(0.7);
    expect(sent.filter((m) => m.type === 'predict-threshold')).toEqual([
      { type: 'predict-threshold', id: 1, threshold: 0.4 },
    ]);
    client.onMessage(done(1, 0.4));
    expect(sent.at(-1)).toEqual({ type: 'predict-threshold', id: 1, threshold: 0.7 });
    expect(client.onMessage({ type: 'warming' })).toBe(false);
  });

  it('applies a threshold asked for during the run once its result is there', () => {
    const sent: ToWorker[] = [];
    const client = createFullPredictClient(
      (m) => sent.push(m),
      () => {},
    );
    client.run(picture(), 'a.png', { tile: 'auto', overlap: null, resize: false }, 0.5);
    client.rethreshold(0.25);
    expect(sent.filter((m) => m.type === 'predict-threshold')).toEqual([]);
    client.onMessage(done(1, 0.5));
    expect(sent.at(-1)).toEqual({ type: 'predict-threshold', id: 1, threshold: 0.25 });
  });

  it('asks nothing more of a prediction dropped with its model', () => {
    const sent: ToWorker[] = [];
    const events: PredictEvent[] = [];
    const client = createFullPredictClient(
      (m) => sent.push(m),
      (e) => events.push(e),
    );
    client.run(picture(), 'a.png', { tile: 'auto', overlap: null, resize: false }, 0.5);
    client.onMessage(done(1, 0.5));
    client.reset();
    expect(events.at(-1)).toEqual({ type: 'reset' });
    client.onMessage(done(1, 0.5)); // a late answer about the dropped prediction
    client.rethreshold(0.3);
    expect(sent.filter((m) => m.type === 'predict-threshold')).toEqual([]);
  });
});
