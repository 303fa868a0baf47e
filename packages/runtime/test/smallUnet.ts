/**
 * Small U-Nets built directly with tf.layers, for tests that need a trainable segmentation model
 * without the compiler: conv–BN–ReLU blocks, max-pooling, transposed-conv upsampling, skip
 * concatenation and a 1×1 head.
 */
import * as tf from '@tensorflow/tfjs';

/** Options of {@link smallUnet}. */
export interface SmallUnetOptions {
  /** Input spatial size: [H, W] (2D) or [L] (1D). */
  readonly size: readonly number[];
  readonly channels: number;
  readonly classes: number;
  readonly features?: readonly number[];
  readonly head?: 'none' | 'sigmoid' | 'softmax';
  readonly seed?: number;
}

/** ×2 nearest upsampling of [L, C] (tfjs has no upSampling1d): reshape to [L, 1, C] and back. */
function upsample1d(x: tf.SymbolicTensor): tf.SymbolicTensor {
  const [, length, channels] = x.shape as [null, number, number];
  const as2d = tf.layers.reshape({ targetShape: [length, 1, channels] }).apply(x);
  const up = tf.layers.upSampling2d({ size: [2, 1] }).apply(as2d);
  return tf.layers.reshape({ targetShape: [length * 2, channels] }).apply(up) as tf.SymbolicTensor;
}

/** Builds the model (1D when `size` has one entry). */
export function smallUnet(options: SmallUnetOptions): tf.LayersModel {
  const features = options.features ?? [8, 16, 32];
  const is1d = options.size.length === 1;
  const seed = options.seed ?? 1;
  let n = 0;
  const init = () => tf.initializers.heNormal({ seed: seed + n++ });
  const conv = (x: tf.SymbolicTensor, filters: number, k = 3) => {
    const c = is1d
      ? tf.layers.conv1d({
          filters,
          kernelSize: k,
          padding: 'same',
          useBias: false,
          kernelInitializer: init(),
        })
      : tf.layers.conv2d({
          filters,
          kernelSize: k,
          padding: 'same',
          useBias: false,
          kernelInitializer: init(),
        });
    const y = tf.layers
      .batchNormalization({ momentum: 0.9 })
      .apply(c.apply(x)) as tf.SymbolicTensor;
    return tf.layers.reLU().apply(y) as tf.SymbolicTensor;
  };
  const input = tf.input({ shape: [...options.size, options.channels] });
  let x: tf.SymbolicTensor = input;
  const skips: tf.SymbolicTensor[] = [];
  features.forEach((f, i) => {
    x = conv(conv(x, f), f);
    if (i < features.length - 1) {
      skips.push(x);
      x = (
        is1d ? tf.layers.maxPooling1d({ poolSize: 2 }) : tf.layers.maxPooling2d({ poolSize: 2 })
      ).apply(x) as tf.SymbolicTensor;
    }
  });
  for (let i = features.length - 2; i >= 0; i--) {
    const f = features[i]!;
    const up = is1d
      ? upsample1d(x)
      : tf.layers
          .conv2dTranspose({
            filters: f,
            kernelSize: 2,
            strides: 2,
            padding: 'same',
            kernelInitializer: init(),
          })
          .apply(x);
    x = tf.layers.concatenate().apply([skips[i]!, up as tf.SymbolicTensor]) as tf.SymbolicTensor;
    x = conv(conv(x, f), f);
  }
  const activation =
    options.head === 'sigmoid' ? 'sigmoid' : options.head === 'softmax' ? 'softmax' : 'linear';
  const head = is1d
    ? tf.layers.conv1d({
        filters: options.classes,
        kernelSize: 1,
        activation,
        kernelInitializer: init(),
      })
    : tf.layers.conv2d({
        filters: options.classes,
        kernelSize: 1,
        activation,
        kernelInitializer: init(),
      });
  return tf.model({ inputs: input, outputs: head.apply(x) as tf.SymbolicTensor });
}
