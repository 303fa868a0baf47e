/**
 * A trainable dilated convolution (plain or depthwise-separable, Keras style) as a serializable
 * tfjs layer. tfjs's own conv layers run dilation forward but refuse its gradient; this layer
 * computes the same result through {@link atrousConv2d}. Its weights carry Keras's names
 * (`kernel`, or `depthwise_kernel` + `pointwise_kernel`, then `bias`) so exporters treat it like
 * `Conv2D` / `SeparableConv2D`.
 */
import * as tf from '@tensorflow/tfjs';
import type { LayerArgs } from '@tensorflow/tfjs-layers/dist/engine/topology';
import { atrousConv2d } from './atrousConv2d';
import type { IntPair } from './configValues';
import { readBoolean, readChoice, readIntPair, readPositiveInt, readSeed } from './configValues';
import { KERNEL_INITIALIZERS, makeInitializer } from './initializers';
import type { KernelInitializer } from './initializers';

/** Options of {@link DilatedConv2D}. */
export interface DilatedConv2DArgs extends LayerArgs {
  readonly filters: number;
  readonly kernelSize: IntPair;
  readonly strides?: IntPair;
  readonly dilationRate: IntPair;
  readonly padding?: 'same' | 'valid';
  readonly useBias?: boolean;
  /** Depthwise k×k (multiplier 1) then pointwise 1×1. */
  readonly separable?: boolean;
  readonly kernelInitializer?: KernelInitializer;
  /** Seed of the kernel initialiser; null draws a random one. */
  readonly seed?: number | null;
}

/** Conv2D / SeparableConv2D with dilation that trains on every tfjs backend. */
export class DilatedConv2D extends tf.layers.Layer {
  /** The registered class name written to model.json. */
  static className = 'DilatedConv2D';
  readonly filters: number;
  readonly kernelSize: IntPair;
  readonly strides: IntPair;
  readonly dilationRate: IntPair;
  readonly padding: 'same' | 'valid';
  readonly useBias: boolean;
  readonly separable: boolean;
  readonly kernelInitializer: KernelInitializer;
  readonly seed: number | null;
  private kernels: tf.LayerVariable[] = [];
  private bias: tf.LayerVariable | null = null;

  constructor(args: DilatedConv2DArgs) {
    super(args);
    const n = DilatedConv2D.className;
    this.filters = readPositiveInt(n, 'filters', args.filters);
    this.kernelSize = readIntPair(n, 'kernelSize', args.kernelSize);
    this.strides = readIntPair(n, 'strides', args.strides ?? [1, 1]);
    this.dilationRate = readIntPair(n, 'dilationRate', args.dilationRate);
    this.padding = readChoice(n, 'padding', args.padding ?? 'same', ['same', 'valid'] as const);
    this.useBias = readBoolean(n, 'useBias', args.useBias ?? true);
    this.separable = readBoolean(n, 'separable', args.separable ?? false);
    this.kernelInitializer = readChoice(
      n,
      'kernelInitializer',
      args.kernelInitializer ?? 'glorotUniform',
      KERNEL_INITIALIZERS,
    );
    this.seed = readSeed(n, args.seed);
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const inChannels = shape[3];
    if (shape.length !== 4 || typeof inChannels !== 'number') {
      throw new Error(
        `${DilatedConv2D.className} "${this.name}": needs [batch, h, w, channels] with known channels`,
      );
    }
    const [kh, kw] = this.kernelSize;
    const init = (offset: number) => makeInitializer(this.kernelInitializer, this.seed, offset);
    this.kernels = this.separable
      ? [
          this.addWeight('depthwise_kernel', [kh, kw, inChannels, 1], 'float32', init(0)),
          this.addWeight('pointwise_kernel', [1, 1, inChannels, this.filters], 'float32', init(1)),
        ]
      : [this.addWeight('kernel', [kh, kw, inChannels, this.filters], 'float32', init(0))];
    this.bias = this.useBias
      ? this.addWeight('bias', [this.filters], 'float32', tf.initializers.zeros())
      : null;
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const size = (n: number | null, axis: 0 | 1): number | null => {
      if (n === null) return null;
      const stride = this.strides[axis];
      if (this.padding === 'same') return Math.ceil(n / stride);
      const span = (this.kernelSize[axis] - 1) * this.dilationRate[axis] + 1;
      return Math.floor((n - span) / stride) + 1;
    };
    return [shape[0] ?? null, size(shape[1] ?? null, 0), size(shape[2] ?? null, 1), this.filters];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor4D;
      const geometry = {
        strides: this.strides,
        dilation: this.dilationRate,
        padding: this.padding,
      };
      const [first, pointwise] = this.kernels.map((k) => k.read() as tf.Tensor4D);
      if (!first) throw new Error(`${this.name}: called before build`);
      let y = atrousConv2d(x, first, { ...geometry, depthwise: this.separable });
      if (pointwise) y = tf.conv2d(y, pointwise, 1, 'valid');
      return this.bias ? y.add(this.bias.read()) : y;
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      filters: this.filters,
      kernelSize: this.kernelSize,
      strides: this.strides,
      dilationRate: this.dilationRate,
      padding: this.padding,
      useBias: this.useBias,
      separable: this.separable,
      kernelInitializer: this.kernelInitializer,
      seed: this.seed,
    };
  }
}
