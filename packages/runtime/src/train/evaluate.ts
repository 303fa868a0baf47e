/**
 * Evaluating a model on a data set (inference mode, in batches): loss and segmentation metrics.
 */
import * as tf from '@tensorflow/tfjs';
import type { SegmentationData } from '../data/dataset';
import { toTensors, validateData } from '../data/dataset';
import { withBorderWeights, type BorderWeightOptions } from './borderWeights';
import { checkModelFitsData, detectHead, targetsForModel } from './modelChecks';
import { lossNeedsWeights, makeLoss, type HeadActivation, type LossName } from './losses';
import {
  addCounts,
  countsTensor,
  metricsFromCounts,
  readCounts,
  type ConfusionCounts,
  type SegmentationMetrics,
} from './metrics';

/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  /** Default 8. */
  readonly batchSize?: number;
  /** Default: read from the model. */
  readonly head?: HeadActivation;
  /** Also compute this loss (default: none). */
  readonly loss?: LossName;
  /** Default 0.5. */
  readonly threshold?: number;
  readonly borderWeights?: BorderWeightOptions;
}

/** The result of {@link evaluate}. */
export interface Evaluation {
  readonly count: number;
  /** Mean loss per sample, or null when no loss was asked for. */
  readonly loss: number | null;
  readonly metrics: SegmentationMetrics;
}

/**
 * Runs the model over `data` in inference mode and scores it.
 *
 * @example const { metrics } = await evaluate(model, data, { loss: 'bce' });
 */
export async function evaluate(
  model: tf.LayersModel,
  data: SegmentationData,
  options: EvaluateOptions = {},
): Promise<Evaluation> {
  validateData(data);
  data = targetsForModel(model, data);
  checkModelFitsData(model, data);
  const batchSize = options.batchSize ?? 8;
  const head = options.head ?? detectHead(model);
  const lossFn =
    options.loss === undefined ? null : makeLoss(options.loss, { head, classes: data.classes });
  const scored =
    options.loss !== undefined && lossNeedsWeights(options.loss) && data.weights === undefined
      ? withBorderWeights(data, options.borderWeights)
      : data;
  let counts: ConfusionCounts | null = null;
  let lossSum = 0;
  for (let start = 0; start < scored.count; start += batchSize) {
    const indices = Array.from(
      { length: Math.min(batchSize, scored.count - start) },
      (_, i) => start + i,
    );
    const { x, y, w } = toTensors(scored, indices);
    try {
      const [countT, lossT] = tf.tidy(() => {
        const pred = model.apply(x, { training: false }) as tf.Tensor;
        const c = countsTensor(y, pred, head, data.classes, options.threshold);
        return lossFn === null ? [c] : [c, lossFn(y, pred, w)];
      });
      const values = await countT.data();
      if (lossT !== undefined) lossSum += (await lossT.data())[0]! * indices.length;
      tf.dispose([countT, lossT ?? []]);
      const pixels = y.size / y.shape[y.rank - 1]!;
      counts = addCounts(counts, readCounts(values, data.classes, pixels));
    } finally {
      tf.dispose([x, y, w ?? []]);
    }
  }
  return {
    count: scored.count,
    loss: lossFn === null ? null : lossSum / scored.count,
    metrics: metricsFromCounts(counts!),
  };
}
