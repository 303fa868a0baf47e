/**
 * Reduce-on-plateau: lower the learning rate when the monitored loss stops improving, as
 * Keras's ReduceLROnPlateau (mode "min").
 */

/** Options of reduce-on-plateau. */
export interface PlateauOptions {
  /** Multiply the learning rate by this (default 0.5). */
  readonly factor?: number;
  /** Epochs without improvement before reducing (default 3). */
  readonly patience?: number;
  /** Smallest decrease that counts as an improvement (default 1e-4). */
  readonly minDelta?: number;
  /** Never go below this (default 1e-6). */
  readonly minLearningRate?: number;
}

/** A scheduler: feed it each epoch's monitored loss, it returns the learning rate to use next. */
export interface PlateauScheduler {
  update(loss: number, learningRate: number): number;
}

/**
 * Creates a reduce-on-plateau scheduler.
 *
 * @example const s = createPlateauScheduler({ patience: 2 }); lr = s.update(valLoss, lr);
 */
export function createPlateauScheduler(options: PlateauOptions = {}): PlateauScheduler {
  const factor = options.factor ?? 0.5;
  const patience = options.patience ?? 3;
  const minDelta = options.minDelta ?? 1e-4;
  const minLr = options.minLearningRate ?? 1e-6;
  if (!(factor > 0 && factor < 1))
    throw new Error(`plateau factor must be in (0, 1), got ${factor}`);
  if (!(Number.isInteger(patience) && patience >= 1))
    throw new Error(`plateau patience must be a positive integer, got ${patience}`);
  let best = Infinity;
  let wait = 0;
  return {
    update(loss, learningRate) {
      if (loss < best - minDelta) {
        best = loss;
        wait = 0;
        return learningRate;
      }
      wait++;
      if (wait < patience) return learningRate;
      wait = 0;
      return Math.max(minLr, learningRate * factor);
    },
  };
}
