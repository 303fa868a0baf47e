/**
 * Segmentation losses. Each works on the model's raw output and picks the numerically right
 * form for the head: on logits when the head has no activation (stable BCE, log-softmax CE), on
 * clipped probabilities when the model already ends in sigmoid or softmax.
 *
 * Shapes: `yTrue` and `yPred` are `[batch, …spatial, K]`; weights are `[batch, …spatial, 1]`.
 */
import * as tf from '@tensorflow/tfjs';

/** The losses a design can name (`training.loss` in the design format). */
export const LOSS_NAMES = ['bce', 'ce', 'dice', 'bce_dice', 'weighted_bce', 'weighted_ce'] as const;
/** A loss name. */
export type LossName = (typeof LOSS_NAMES)[number];

/** The activation the model's output layer applies: none (logits), sigmoid or softmax. */
export type HeadActivation = 'none' | 'sigmoid' | 'softmax';

/** A loss: mean over the batch; `weights` (per pixel) only for the weighted losses. */
export type LossFn = (yTrue: tf.Tensor, yPred: tf.Tensor, weights: tf.Tensor | null) => tf.Scalar;

/** Clip for log of probabilities (tfjs's float32 epsilon). */
const EPS = 1e-7;

/** Per-element binary cross-entropy from logits: max(x, 0) − x·y + log(1 + e^−|x|). */
export function bceWithLogits(yTrue: tf.Tensor, logits: tf.Tensor): tf.Tensor {
  return tf.tidy(() =>
    tf.add(
      tf.sub(tf.relu(logits), tf.mul(logits, yTrue)),
      tf.log1p(tf.exp(tf.neg(tf.abs(logits)))),
    ),
  );
}

/** Per-element binary cross-entropy from probabilities, clipped to [ε, 1 − ε]. */
export function bceOnProbabilities(yTrue: tf.Tensor, p: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const q = tf.clipByValue(p, EPS, 1 - EPS);
    return tf.neg(tf.add(tf.mul(yTrue, tf.log(q)), tf.mul(tf.sub(1, yTrue), tf.log(tf.sub(1, q)))));
  });
}

/** Per-pixel categorical cross-entropy (`[…, 1]`) from logits, via log-softmax. */
export function crossEntropyWithLogits(yTrue: tf.Tensor, logits: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.neg(tf.sum(tf.mul(yTrue, tf.logSoftmax(logits)), -1, true)));
}

/** Per-pixel categorical cross-entropy (`[…, 1]`) from probabilities, clipped. */
export function crossEntropyOnProbabilities(yTrue: tf.Tensor, p: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.neg(tf.sum(tf.mul(yTrue, tf.log(tf.clipByValue(p, EPS, 1))), -1, true)));
}

/**
 * Soft Dice loss: 1 − mean over channels of (2·Σ y·p + s) / (Σ y + Σ p + s), sums over the batch
 * and all pixels, smoothing s = 1.
 */
export function softDiceLoss(yTrue: tf.Tensor, p: tf.Tensor, smooth = 1): tf.Scalar {
  return tf.tidy(() => {
    const axes = Array.from({ length: p.rank - 1 }, (_, i) => i);
    const inter = tf.sum(tf.mul(yTrue, p), axes);
    const denom = tf.add(tf.sum(yTrue, axes), tf.sum(p, axes));
    return tf.sub<tf.Scalar>(
      1,
      tf.mean(tf.div(tf.add(tf.mul(inter, 2), smooth), tf.add(denom, smooth))),
    );
  });
}

/** Probabilities from the model output: sigmoid/softmax of logits, or the output itself. */
export function toProbabilities(pred: tf.Tensor, head: HeadActivation, classes: number): tf.Tensor {
  if (head !== 'none') return pred;
  return classes === 1 ? tf.sigmoid(pred) : tf.softmax(pred);
}

/** Mean of a per-pixel loss `[…, 1 or K]`, weighted per pixel when `weights` is given. */
function reduce(perElement: tf.Tensor, weights: tf.Tensor | null): tf.Scalar {
  if (weights === null) return tf.mean(perElement);
  return tf.mean(tf.mul(perElement, weights));
}

/**
 * Builds the loss `name` for a model whose head applies `head` and predicts `classes` (1 =
 * binary mask). Throws when the combination cannot work, saying what to change.
 *
 * @example const loss = makeLoss('bce_dice', { head: 'none', classes: 1 });
 */
export function makeLoss(name: LossName, ctx: { head: HeadActivation; classes: number }): LossFn {
  const { head, classes } = ctx;
  if (head === 'softmax' && classes === 1) {
    throw new Error(
      'the model ends in softmax over one channel, which is always 1: use a sigmoid (or no) activation for a binary mask',
    );
  }
  const categorical = name === 'ce' || name === 'weighted_ce';
  if (categorical && classes === 1)
    throw new Error(`loss "${name}" needs 2 or more classes; use "bce" for a binary mask`);
  if (categorical && head === 'sigmoid') {
    throw new Error(
      `loss "${name}" needs a softmax (or no) activation on the head; the model ends in sigmoid, so use "bce"`,
    );
  }
  const bce = (y: tf.Tensor, pred: tf.Tensor) =>
    head === 'none' ? bceWithLogits(y, pred) : bceOnProbabilities(y, pred);
  const ce = (y: tf.Tensor, pred: tf.Tensor) =>
    head === 'none' ? crossEntropyWithLogits(y, pred) : crossEntropyOnProbabilities(y, pred);
  const dice = (y: tf.Tensor, pred: tf.Tensor) =>
    softDiceLoss(y, toProbabilities(pred, head, classes));
  const needWeights = (w: tf.Tensor | null): tf.Tensor => {
    if (w === null) throw new Error(`loss "${name}" needs per-pixel weights (a border weight map)`);
    return w;
  };
  const byName: Record<LossName, LossFn> = {
    bce: (y, pred) => tf.tidy(() => reduce(bce(y, pred), null)),
    ce: (y, pred) => tf.tidy(() => reduce(ce(y, pred), null)),
    dice: (y, pred) => dice(y, pred),
    bce_dice: (y, pred) =>
      tf.tidy(() => tf.add<tf.Scalar>(reduce(bce(y, pred), null), dice(y, pred))),
    weighted_bce: (y, pred, w) => tf.tidy(() => reduce(bce(y, pred), needWeights(w))),
    weighted_ce: (y, pred, w) => tf.tidy(() => reduce(ce(y, pred), needWeights(w))),
  };
  return byName[name];
}

/** True when the loss needs a per-pixel weight map. */
export function lossNeedsWeights(name: LossName): boolean {
  return name === 'weighted_bce' || name === 'weighted_ce';
}

/** True when `name` is one of {@link LOSS_NAMES}. */
export function isLossName(name: string): name is LossName {
  return (LOSS_NAMES as readonly string[]).includes(name);
}
