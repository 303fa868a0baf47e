/**
 * Segmentation prediction: probabilities and a label mask from a model's first output. The head
 * decides the post-processing: raw logits get a sigmoid (one class) or a softmax (several);
 * a sigmoid or softmax head is used as it is. One class is thresholded; several take the argmax.
 */
import * as tf from '@tensorflow/tfjs';

/** What the model's output already is. */
export type HeadKind = 'logits' | 'sigmoid' | 'softmax';

/** Options of {@link predict}. */
export interface PredictOptions {
  /** Decision threshold on the probability of a one-class output (default 0.5). */
  readonly threshold?: number;
  /** Overrides the head read from the model graph. */
  readonly head?: HeadKind;
}

/** The result of {@link predict}; the caller owns (and disposes) both tensors. */
export interface Prediction {
  /** Per-class probabilities, the model output's shape (`[b, h, w, classes]` or `[b, l, classes]`). */
  readonly probabilities: tf.Tensor;
  /** Class index per pixel (int32), the output's shape without the class axis. */
  readonly mask: tf.Tensor;
}

const IDENTITY_CLASSES = new Set(['Reshape', 'Dropout', 'InputLayer']);

/** Reads whether the model ends in a sigmoid, a softmax, or raw logits. */
export function headOf(model: tf.LayersModel): HeadKind {
  let layer: tf.layers.Layer | undefined = model.outputLayers[0];
  // Step back over the identity output layer and reshapes to the layer that computes the head.
  for (let steps = 0; layer && steps < 8; steps++) {
    const className = layer.getClassName();
    const activation = className === 'Activation' ? layer.getConfig().activation : undefined;
    if (className === 'Softmax' || activation === 'softmax') return 'softmax';
    if (activation === 'sigmoid') return 'sigmoid';
    if (activation !== 'linear' && !IDENTITY_CLASSES.has(className)) return 'logits';
    layer = layer.inboundNodes[0]?.inboundLayers[0];
  }
  return 'logits';
}

function checkImage(model: tf.LayersModel, image: tf.Tensor): boolean {
  const expected = model.inputs[0]?.shape ?? [];
  const batched = image.rank === expected.length;
  if (!batched && image.rank !== expected.length - 1) {
    throw new Error(
      `the image has ${image.rank} axes; the model takes ${expected.length - 1} (${expected.length} with a batch axis)`,
    );
  }
  const got = batched ? image.shape.slice(1) : image.shape;
  const want = expected.slice(1);
  if (want.some((d, i) => d !== null && d !== got[i])) {
    const show = (s: readonly (number | null)[]) => s.map((d) => d ?? '?').join('×');
    throw new Error(
      `the image is ${show(got)} (size × channels) but the model takes ${show(want)}`,
    );
  }
  return batched;
}

/**
 * Runs a segmentation model on one image or a batch.
 *
 * @param image - `[h, w, c]` / `[l, c]`, or with a leading batch axis; float values as in training.
 * @returns probabilities and mask, without a batch axis when `image` had none.
 */
export function predict(
  model: tf.LayersModel,
  image: tf.Tensor,
  options: PredictOptions = {},
): Prediction {
  const batched = checkImage(model, image);
  const head = options.head ?? headOf(model);
  const threshold = options.threshold ?? 0.5;
  return tf.tidy(() => {
    const x = batched ? image : image.expandDims(0);
    const raw = model.predict(x);
    const out = Array.isArray(raw) ? raw[0] : raw;
    if (!out) throw new Error('the model gave no output');
    const classes = out.shape[out.shape.length - 1] ?? 1;
    let probabilities = out;
    if (head === 'logits') probabilities = classes === 1 ? tf.sigmoid(out) : tf.softmax(out, -1);
    let mask =
      classes === 1
        ? tf.cast(tf.greater(probabilities, threshold), 'int32').squeeze([-1])
        : tf.argMax(probabilities, -1);
    if (!batched) {
      probabilities = probabilities.squeeze([0]);
      mask = mask.squeeze([0]);
    }
    return { probabilities, mask };
  });
}
