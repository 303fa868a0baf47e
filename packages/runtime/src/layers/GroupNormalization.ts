/**
 * Group normalisation (Wu & He 2018) and instance normalisation as serializable tfjs layers, with
 * PyTorch's semantics: statistics per sample over the spatial axes and the channels of each group,
 * biased variance, `eps` inside the square root, then a per-channel affine `gamma`, `beta`.
 * Instance normalisation is group normalisation with one channel per group.
 */
import * as tf from '@tensorflow/tfjs';
import type { LayerArgs } from '@tensorflow/tfjs-layers/dist/engine/topology';
import { readPositiveInt, readPositiveNumber } from './configValues';

/** Options of {@link GroupNormalization}. */
export interface GroupNormalizationArgs extends LayerArgs {
  /** Number of channel groups; the channel count must be a multiple of it. */
  readonly groups: number;
  /** Added to the variance (PyTorch's default is 1e-5). */
  readonly epsilon?: number;
}

/** Normalises `[batch, ...spatial, channels]` per sample and per channel group. */
export class GroupNormalization extends tf.layers.Layer {
  /** The registered class name written to model.json. */
  static className = 'GroupNormalization';
  readonly groups: number;
  readonly epsilon: number;
  private gamma: tf.LayerVariable | null = null;
  private beta: tf.LayerVariable | null = null;

  constructor(args: GroupNormalizationArgs) {
    super(args);
    const name = new.target.className;
    this.groups = readPositiveInt(name, 'groups', args.groups);
    this.epsilon = readPositiveNumber(name, 'epsilon', args.epsilon ?? 1e-5);
  }

  /** Channel groups used for an input of `channels` channels. */
  protected groupsFor(_channels: number): number {
    return this.groups;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const channels = shape[shape.length - 1];
    if (typeof channels !== 'number' || shape.length < 3) {
      throw new Error(
        `${this.getClassName()} "${this.name}": needs a known channel axis, got input ${JSON.stringify(shape)}`,
      );
    }
    const groups = this.groupsFor(channels);
    if (channels % groups !== 0) {
      throw new Error(
        `${this.getClassName()} "${this.name}": ${channels} channels cannot be split into ${groups} groups`,
      );
    }
    this.gamma = this.addWeight('gamma', [channels], 'float32', tf.initializers.ones());
    this.beta = this.addWeight('beta', [channels], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return inputShape;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      if (!x || !this.gamma || !this.beta) throw new Error(`${this.name}: called before build`);
      const shape = x.shape;
      const channels = shape[shape.length - 1] ?? 0;
      const groups = this.groupsFor(channels);
      const grouped = x.reshape([...shape.slice(0, -1), groups, channels / groups]);
      // Reduce over every spatial axis and the channels of a group: all but batch and group.
      const axes = [...shape.slice(1, -1).map((_, i) => i + 1), shape.length];
      const { mean, variance } = tf.moments(grouped, axes, true);
      const normed = grouped
        .sub(mean)
        .mul(tf.rsqrt(variance.add(this.epsilon)))
        .reshape(shape);
      return normed.mul(this.gamma.read()).add(this.beta.read());
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), groups: this.groups, epsilon: this.epsilon };
  }
}

/** Options of {@link InstanceNormalization}. */
export interface InstanceNormalizationArgs extends LayerArgs {
  /** Added to the variance (PyTorch's default is 1e-5). */
  readonly epsilon?: number;
}

/** Normalises each channel of each sample over the spatial axes, with a per-channel affine. */
export class InstanceNormalization extends GroupNormalization {
  /** The registered class name written to model.json. */
  static override className = 'InstanceNormalization';

  constructor(args: InstanceNormalizationArgs) {
    super({ ...args, groups: 1 });
  }

  protected override groupsFor(channels: number): number {
    return channels;
  }

  override getConfig(): tf.serialization.ConfigDict {
    const { groups: _groups, ...config } = super.getConfig();
    return config;
  }
}
