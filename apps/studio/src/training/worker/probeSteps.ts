/**
 * Times a few real training steps of a design on the active backend: the actual model at the
 * run's size, loss and optimizer, on a small synthetic batch. The first step (kernels compiled,
 * memory allotted) is timed apart as the warm-up; the steps after it are the figure. Everything
 * built here is disposed before it returns.
 */
import { compile, type Design } from '@unet-studio/compiler';
import { buildModel, syntheticFor, train } from '@unet-studio/runtime';
import { modelIo, type TrainSettings } from '../settings';

/** The limits of one backend's timing (seconds, except `steps` and `batch`). */
export interface StepLimits {
  readonly batch: number;
  /** Timed steps wanted after the warm-up. */
  readonly steps: number;
  /** A warm-up longer than this gives up before any timed step. */
  readonly warmupCap: number;
  /** A timed step longer than this ends the timing. */
  readonly stepCap: number;
  /** Timed steps stop once they have taken this long in all. */
  readonly budget: number;
}

/** What the timing found. */
export interface StepTiming {
  readonly warmupSeconds: number;
  /** Seconds of each timed step, in order. */
  readonly steps: readonly number[];
  /** Why the timing stopped early (`warm-up 21 s, over the 10 s cap`, `over the 4 s cap`), or null. */
  readonly stopped: string | null;
}

/**
 * Trains `limits.steps + 1` steps of `design` (fewer when a cap or the budget is reached) and
 * returns their times.
 *
 * @param now - Milliseconds clock (performance.now by default).
 * @throws when the design does not compile at the run's size.
 */
export async function timeTrainingSteps(
  design: Design,
  settings: TrainSettings,
  limits: StepLimits,
  now: () => number = () => performance.now(),
): Promise<StepTiming> {
  const compiled = compile(design, { inputSize: settings.size, batch: limits.batch });
  const io = compiled.ok ? modelIo(compiled) : null;
  if (io === null) throw new Error(`the design does not compile at ${settings.size.join('×')}`);
  // One batch more than will be timed: the run is always aborted before its validation.
  const data = syntheticFor(
    { size: settings.size, channels: io.channels, classes: io.classes },
    limits.batch * (limits.steps + 2),
    1,
  );
  const model = buildModel(compiled, { seed: 0 });
  const abort = new AbortController();
  const steps: number[] = [];
  let warmupSeconds = 0;
  let stopped: string | null = null;
  const started = now();
  let last = started;
  try {
    await train(model, data, {
      epochs: 1,
      batchSize: limits.batch,
      loss: settings.loss,
      optimizer: settings.optimizer,
      learningRate: settings.learningRate,
      threshold: settings.threshold,
      validationData: data,
      signal: abort.signal,
      onBatch: () => {
        const t = now();
        const seconds = (t - last) / 1000;
        last = t;
        if (steps.length === 0 && warmupSeconds === 0) {
          warmupSeconds = Math.max(seconds, Number.MIN_VALUE);
          if (seconds > limits.warmupCap)
            stopped = `warm-up ${Math.round(seconds)} s, over the ${limits.warmupCap} s cap`;
        } else {
          steps.push(seconds);
          if (seconds > limits.stepCap)
            stopped = `over the ${Number(limits.stepCap.toPrecision(2))} s cap`;
        }
        const spent = steps.reduce((a, b) => a + b, 0);
        if (stopped !== null || steps.length >= limits.steps || spent >= limits.budget)
          abort.abort();
      },
    });
  } finally {
    model.dispose();
  }
  return { warmupSeconds, steps, stopped };
}

/** The mean of the timed steps, or null when none was timed. */
export function meanStep(timing: StepTiming): number | null {
  if (timing.steps.length === 0) return null;
  return timing.steps.reduce((a, b) => a + b, 0) / timing.steps.length;
}
