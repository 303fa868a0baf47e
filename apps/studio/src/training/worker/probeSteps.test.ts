import * as tf from '@tensorflow/tfjs';
import { findTemplate } from '@unet-studio/compiler';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../settings';
import { meanStep, timeTrainingSteps, type StepLimits } from './probeSteps';

const design = findTemplate('tiny')!.build();
const settings = { ...defaultSettings(null, design.training), size: [16, 16] };
const limits: StepLimits = { batch: 2, steps: 3, warmupCap: 600, stepCap: 600, budget: 600 };

/** A clock that advances `stepMs` at every read after the first `warmupReads`. */
function fakeClock(warmupMs: number, stepMs: number): () => number {
  let t = 0;
  let reads = 0;
  return () => {
    const now = t;
    t += reads++ === 0 ? warmupMs : stepMs;
    return now;
  };
}

// Real training steps on tfjs's cpu backend: generous time on a busy machine.
describe('timeTrainingSteps', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('trains the warm-up and the timed steps of the real model, leaving no tensor behind', async () => {
    const before = tf.memory().numTensors;
    const timing = await timeTrainingSteps(design, settings, limits);
    expect(timing.steps).toHaveLength(3);
    expect(timing.warmupSeconds).toBeGreaterThan(0);
    expect(timing.stopped).toBeNull();
    expect(meanStep(timing)).toBeGreaterThan(0);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('gives up untimed when the warm-up passes its cap', async () => {
    const before = tf.memory().numTensors;
    const timing = await timeTrainingSteps(
      design,
      settings,
      { ...limits, warmupCap: 5 },
      fakeClock(9_000, 100),
    );
    expect(timing.steps).toEqual([]);
    expect(timing.stopped).toBe('warm-up 9 s, over the 5 s cap');
    expect(meanStep(timing)).toBeNull();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops after the first step over the step cap, keeping its time', async () => {
    const timing = await timeTrainingSteps(
      design,
      settings,
      { ...limits, stepCap: 4 },
      fakeClock(1_000, 5_000),
    );
    expect(timing.steps).toEqual([5]);
    expect(timing.stopped).toBe('over the 4 s cap');
  });

  it('stops when the timed steps use up the budget', async () => {
    const timing = await timeTrainingSteps(
      design,
      settings,
      { ...limits, budget: 2.5 },
      fakeClock(1_000, 1_500),
    );
    expect(timing.steps).toEqual([1.5, 1.5]);
    expect(timing.stopped).toBeNull();
  });
});
