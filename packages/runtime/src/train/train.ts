/**
 * The training loop. A custom loop rather than `model.fit`, because it needs per-pixel weight
 * maps in the loss, losses chosen per head (logits vs probabilities), a finite-loss check before
 * every weight update (so a NaN batch never reaches the weights), abort between any two batches
 * with nothing leaked, and metrics summed over whole epochs.
 *
 * Each step: gradients from a {@link GradientSource} (here `tf.variableGrads`, forward + loss
 * inside a tidy; in Node `trainParallel` adds worker threads) → read the loss → throw on NaN/Inf →
 * `optimizer.applyGradients` → dispose.
 */
import * as tf from '@tensorflow/tfjs';
import type { SegmentationData } from '../data/dataset';
import { sampleSizes, splitData, subset, toTensors, validateData } from '../data/dataset';
import { permutation } from '../data/random';
import { withBorderWeights } from './borderWeights';
import { checkDataValues } from './dataValues';
import { evaluate } from './evaluate';
import { lossNeedsWeights, makeLoss } from './losses';
import {
  addCounts,
  countsTensor,
  metricsFromCounts,
  readCounts,
  type ConfusionCounts,
} from './metrics';
import { checkModelFitsData, detectHead, targetsForModel } from './modelChecks';
import { disposeOptimizer, learningRateOf, makeOptimizer, setLearningRate } from './optimizers';
import { createPlateauScheduler } from './plateau';
import {
  TrainingError,
  type BatchGradients,
  type EpochRecord,
  type GradientContext,
  type GradientSource,
  type GradientSourceFactory,
  type StepContext,
  type TrainHistory,
  type TrainOptions,
} from './types';

/**
 * The divergence rule: a run stops when a batch's loss is NaN or infinite, or rises above
 * `DIVERGENCE_FACTOR` times the first batch's loss (and above `DIVERGENCE_FLOOR`, so that a loss
 * starting near zero is not stopped by ordinary noise).
 */
export const DIVERGENCE_FACTOR = 1000;
/** See {@link DIVERGENCE_FACTOR}. */
export const DIVERGENCE_FLOOR = 100;

/** The largest loss a batch may have once the first batch's loss is known. */
export function divergenceLimit(firstLoss: number): number {
  return Math.max(DIVERGENCE_FACTOR * firstLoss, DIVERGENCE_FLOOR);
}

/** 0 … n − 1. */
const allIndices = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** Lets timers, I/O and abort handlers run between batches. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The loss, confusion counts and gradients of the samples at `indices` (default: all) of `set`,
 * computed on this thread. The forward pass runs in training mode, so BN moving statistics move;
 * the weights are not touched.
 *
 * @returns Gradients keyed by variable name; the caller disposes them.
 */
export async function localGradients(
  ctx: GradientContext,
  set: SegmentationData,
  indices?: readonly number[],
): Promise<BatchGradients> {
  const batch = toTensors(set, indices);
  let counts: tf.Tensor | null = null;
  try {
    const { value, grads } = tf.variableGrads(() => {
      const pred = ctx.model.apply(batch.x, { training: true }) as tf.Tensor;
      counts = tf.keep(countsTensor(batch.y, pred, ctx.head, ctx.classes, ctx.threshold));
      return ctx.loss(batch.y, pred, batch.w);
    }, ctx.variables);
    try {
      const loss = (await value.data())[0]!;
      const values = await (counts as tf.Tensor | null)!.data();
      return { loss, counts: values as Float32Array, grads };
    } catch (error) {
      tf.dispose(Object.values(grads));
      throw error;
    } finally {
      tf.dispose(value);
    }
  } finally {
    tf.dispose([batch.x, batch.y, batch.w ?? [], counts ?? []]);
  }
}

/** Computes gradients on this thread; nothing to start or stop. */
const onThisThread: GradientSourceFactory = (ctx) =>
  Promise.resolve({
    gradients: (set, indices) => localGradients(ctx, set, indices),
    applied: () => undefined,
    close: () => Promise.resolve(),
  });

/**
 * One optimisation step on the samples at `indices` of `set`: gradients from `source`, a
 * finite-loss check, the optimizer update. Returns the batch's loss and counts.
 *
 * @param maxLoss - A larger loss counts as divergence (see {@link divergenceLimit}).
 * @throws TrainingError when the loss is NaN, infinite or above `maxLoss`; every weight, BN moving statistics
 *   included, is then left as it was before the step.
 */
export async function trainStep(
  ctx: StepContext,
  source: GradientSource,
  set: SegmentationData,
  indices: readonly number[],
  epoch: number,
  index: number,
  maxLoss = Infinity,
): Promise<{ loss: number; values: Float32Array }> {
  // The forward pass updates BN moving statistics; keep them so a NaN batch can be undone.
  const saved = ctx.state.map((v) => tf.clone(v.read()));
  try {
    const { loss, counts, grads } = await source.gradients(set, indices);
    try {
      if (!Number.isFinite(loss) || loss > maxLoss) {
        ctx.state.forEach((v, i) => v.write(saved[i]!));
        const what = Number.isFinite(loss)
          ? `training diverged: the loss rose to ${loss.toPrecision(3)} at epoch ${epoch}, batch ${index}, above ${maxLoss.toPrecision(3)} (${DIVERGENCE_FACTOR}× the first batch's loss, at least ${DIVERGENCE_FLOOR})`
          : `training diverged: the loss became ${loss} at epoch ${epoch}, batch ${index}`;
        throw new TrainingError(
          `${what}. Lower the learning rate (now ${learningRateOf(ctx.optimizer)}), check the data for NaN/Inf values, or use a loss on logits.`,
          epoch,
          index,
        );
      }
      ctx.optimizer.applyGradients(grads);
      source.applied();
      return { loss, values: counts };
    } finally {
      tf.dispose(Object.values(grads));
    }
  } finally {
    tf.dispose(saved);
  }
}

/**
 * Trains `model` on `data` and returns the per-epoch history.
 *
 * @param gradients - Where each batch's gradients are computed: on this thread by default;
 *   `trainParallel` (Node) passes data-parallel worker threads. It is started once the options
 *   are checked and closed when the run ends, however it ends.
 * @throws DataValueError before training when an input is NaN/Inf or a target is outside [0, 1]
 *   (naming the set, the sample and the value).
 * @throws TrainingError when the run diverges: a batch loss NaN, infinite or above
 *   {@link divergenceLimit} of the first batch's, or a NaN/infinite validation loss (all weights, BN statistics
 *   included, are left as they were before that batch); Error when the model does not fit the data or an option is invalid.
 * @example const history = await train(model, data, { epochs: 5, loss: 'bce_dice', onEpoch: console.log });
 */
export async function train(
  model: tf.LayersModel,
  data: SegmentationData,
  options: TrainOptions = {},
  gradients: GradientSourceFactory = onThisThread,
): Promise<TrainHistory> {
  const started = performance.now();
  validateData(data);
  checkDataValues(data, options.validationData ? 'training data' : 'data');
  data = targetsForModel(model, data);
  checkModelFitsData(model, data);
  const epochs = options.epochs ?? 10;
  const batchSize = options.batchSize ?? 8;
  if (!(Number.isInteger(epochs) && epochs >= 1))
    throw new Error(`epochs must be a positive integer, got ${epochs}`);
  if (!(Number.isInteger(batchSize) && batchSize >= 1))
    throw new Error(`batch size must be a positive integer, got ${batchSize}`);
  const lossName = options.loss ?? (data.classes === 1 ? 'bce' : 'ce');
  const head = options.head ?? detectHead(model);
  const loss = makeLoss(lossName, { head, classes: data.classes });
  const seed = options.seed ?? 0;
  let { train: trainSet, validation } = options.validationData
    ? { train: data, validation: options.validationData }
    : splitData(data, options.validationSplit ?? 0.2, seed);
  if (validation !== null) {
    validateData(validation);
    if (options.validationData) checkDataValues(validation, 'validation data');
    validation = targetsForModel(model, validation);
    checkModelFitsData(model, validation);
  }
  if (lossNeedsWeights(lossName)) {
    if (trainSet.weights === undefined)
      trainSet = withBorderWeights(trainSet, options.borderWeights);
    if (validation !== null && validation.weights === undefined)
      validation = withBorderWeights(validation, options.borderWeights);
  }
  const ownsOptimizer = typeof options.optimizer !== 'object';
  const optimizer =
    typeof options.optimizer === 'object'
      ? options.optimizer
      : makeOptimizer(options.optimizer ?? 'adam', options.learningRate ?? 1e-3, options.momentum);
  const plateau = options.reduceOnPlateau
    ? createPlateauScheduler(options.reduceOnPlateau === true ? {} : options.reduceOnPlateau)
    : null;
  const ctx: StepContext = {
    model,
    optimizer,
    variables: model.trainableWeights.map((w) => w.read() as tf.Variable),
    state: model.nonTrainableWeights,
    loss,
    lossName,
    head,
    classes: data.classes,
    threshold: options.threshold ?? 0.5,
  };
  const batches = Math.ceil(trainSet.count / batchSize);
  const pixels = sampleSizes(trainSet).pixels;
  const records: EpochRecord[] = [];
  let trainedImages = 0;
  let trainSeconds = 0;
  let status: TrainHistory['status'] = 'completed';
  let source: GradientSource | null = null;
  let maxLoss = Infinity;
  try {
    source = await gradients(ctx);
    for (let epoch = 1; epoch <= epochs && status === 'completed'; epoch++) {
      const epochStart = performance.now();
      const order = permutation(trainSet.count, seed + epoch);
      const learningRate = learningRateOf(optimizer);
      let lossSum = 0;
      let epochCounts: ConfusionCounts | null = null;
      for (let b = 0; b < batches; b++) {
        if (options.signal?.aborted) {
          status = 'aborted';
          break;
        }
        const indices = order.slice(b * batchSize, (b + 1) * batchSize);
        const t0 = performance.now();
        // The data-pipeline hook: an augmented copy of the batch replaces the samples.
        const batchSet = options.augment?.(subset(trainSet, indices), { epoch, indices });
        const result = batchSet
          ? await trainStep(
              ctx,
              source,
              batchSet,
              allIndices(indices.length),
              epoch,
              b + 1,
              maxLoss,
            )
          : await trainStep(ctx, source, trainSet, indices, epoch, b + 1, maxLoss);
        if (maxLoss === Infinity) maxLoss = divergenceLimit(result.loss);
        trainSeconds += (performance.now() - t0) / 1000;
        trainedImages += indices.length;
        lossSum += result.loss * indices.length;
        const batchCounts = readCounts(result.values, data.classes, indices.length * pixels);
        epochCounts = addCounts(epochCounts, batchCounts);
        const imagesPerSecond = trainedImages / Math.max(trainSeconds, 1e-9);
        const remaining =
          (epochs - epoch) * trainSet.count +
          trainSet.count -
          Math.min(trainSet.count, (b + 1) * batchSize);
        await options.onBatch?.({
          epoch,
          epochs,
          batch: b + 1,
          batches,
          loss: result.loss,
          dice: metricsFromCounts(batchCounts).dice,
          imagesPerSecond,
          etaSeconds: remaining / imagesPerSecond,
          learningRate,
        });
        await yieldToEventLoop();
      }
      if (status === 'aborted' || epochCounts === null) break;
      const seen = Math.min(trainSet.count, batches * batchSize);
      const val =
        validation === null
          ? null
          : await evaluate(model, validation, {
              batchSize,
              head,
              loss: lossName,
              threshold: ctx.threshold,
            });
      if (val?.loss != null && !Number.isFinite(val.loss))
        throw new TrainingError(
          `training diverged: the validation loss became ${val.loss} at epoch ${epoch}. Lower the learning rate (now ${learningRate}).`,
          epoch,
          batches,
        );
      const trainMetrics = metricsFromCounts(epochCounts);
      const record: EpochRecord = {
        epoch,
        loss: lossSum / seen,
        dice: trainMetrics.dice,
        iou: trainMetrics.iou,
        valLoss: val?.loss ?? null,
        valDice: val?.metrics.dice ?? null,
        valIoU: val?.metrics.iou ?? null,
        valMetrics: val?.metrics ?? null,
        learningRate,
        seconds: (performance.now() - epochStart) / 1000,
        imagesPerSecond: trainedImages / Math.max(trainSeconds, 1e-9),
      };
      records.push(record);
      if (plateau !== null)
        setLearningRate(optimizer, plateau.update(record.valLoss ?? record.loss, learningRate));
      await options.onEpoch?.(record);
    }
  } finally {
    if (ownsOptimizer) disposeOptimizer(optimizer);
    await source?.close();
  }
  return {
    status,
    epochs: records,
    seconds: (performance.now() - started) / 1000,
    backend: tf.getBackend(),
    loss: lossName,
    head,
  };
}
