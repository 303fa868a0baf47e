/**
 * Primitive operations: what every node kind lowers to. A compiled design holds its nodes'
 * primitive ops in topological order, with shapes, so the runtime (tfjs) and the exporters
 * (PyTorch) build the model from them without re-deriving anything.
 *
 * All spatial tuples have one entry per spatial axis (1 in 1D, 2 in 2D). Padding and size rules
 * follow TensorFlow: `same` gives ceil(n / stride) with the odd pixel at the end (bottom/right).
 */
import type { Shape } from '../shape/shape';
import type { ActivationType, NormType } from '../catalogue/common';

interface OpBase {
  /** Unique op id, `<nodeId>/<local>` (e.g. `enc1/conv0`); also the weight-name prefix. */
  readonly id: string;
  /** The design node this op belongs to. */
  readonly nodeId: string;
  /** Ids of the ops whose outputs feed this one, in order. */
  readonly inputs: readonly string[];
  /** Output shape. */
  readonly shape: Shape;
}

/** The model input. */
export interface InputOp extends OpBase {
  readonly op: 'input';
}
/** A convolution (optionally depthwise-separable: depthwise k×k then pointwise 1×1, Keras style). */
export interface ConvOp extends OpBase {
  readonly op: 'conv';
  readonly inChannels: number;
  readonly outChannels: number;
  readonly kernel: readonly number[];
  readonly stride: readonly number[];
  readonly dilation: readonly number[];
  readonly padding: 'same' | 'valid';
  readonly bias: boolean;
  readonly separable: boolean;
}
/**
 * A transposed convolution (TensorFlow's sizes). `same`: out = in·stride; `valid`:
 * out = in·stride + max(kernel − stride, 0), which is PyTorch's (in−1)·stride + kernel when the
 * kernel is at least the stride.
 */
export interface ConvTransposeOp extends OpBase {
  readonly op: 'convTranspose';
  readonly inChannels: number;
  readonly outChannels: number;
  readonly kernel: readonly number[];
  readonly stride: readonly number[];
  readonly padding: 'same' | 'valid';
  readonly bias: boolean;
}
/** Normalisation. `layer` normalises over the spatial axes with affine parameters of the spatial shape. */
export interface NormOp extends OpBase {
  readonly op: 'norm';
  readonly norm: Exclude<NormType, 'none'>;
  readonly channels: number;
  /** GroupNorm groups (resolved: never null). 1 for other kinds. */
  readonly groups: number;
  readonly eps: number;
  /** PyTorch convention: weight of the new batch statistics. */
  readonly momentum: number;
}
/** An activation. */
export interface ActivationOp extends OpBase {
  readonly op: 'activation';
  readonly activation: Exclude<ActivationType, 'none'> | 'softmax';
  /** LeakyReLU negative slope / ELU alpha, resolved. */
  readonly alpha: number;
}
/** Dropout (`spatial`: whole channels). */
export interface DropoutOp extends OpBase {
  readonly op: 'dropout';
  readonly rate: number;
  readonly spatial: boolean;
}
/** Max or average pooling. */
export interface PoolOp extends OpBase {
  readonly op: 'pool';
  readonly mode: 'max' | 'avg';
  readonly window: readonly number[];
  readonly stride: readonly number[];
  readonly padding: 'same' | 'valid';
}
/** Interpolation upsampling by an integer factor. */
export interface UpsampleOp extends OpBase {
  readonly op: 'upsample';
  readonly mode: 'nearest' | 'bilinear';
  readonly factor: readonly number[];
  readonly alignCorners: boolean;
}
/** Element-wise sum of two same-shaped inputs. */
export interface AddOp extends OpBase {
  readonly op: 'add';
}
/** Channel concatenation, inputs in order. */
export interface ConcatOp extends OpBase {
  readonly op: 'concat';
}
/** Crop: keep `[begin, begin + size)` on each spatial axis. */
export interface CropOp extends OpBase {
  readonly op: 'crop';
  readonly begin: readonly number[];
}
/** Zero padding: `before[i]` and `after[i]` on each spatial axis. */
export interface PadOp extends OpBase {
  readonly op: 'pad';
  readonly before: readonly number[];
  readonly after: readonly number[];
}
/** Bilinear resize (half-pixel centres, no antialias) to the op's shape. */
export interface ResizeOp extends OpBase {
  readonly op: 'resize';
}
/** Marks a model output (identity). */
export interface OutputOp extends OpBase {
  readonly op: 'output';
}

/** Any primitive op. */
export type PrimitiveOp =
  | InputOp
  | ConvOp
  | ConvTransposeOp
  | NormOp
  | ActivationOp
  | DropoutOp
  | PoolOp
  | UpsampleOp
  | AddOp
  | ConcatOp
  | CropOp
  | PadOp
  | ResizeOp
  | OutputOp;

/** The op type tags. */
export type PrimitiveOpType = PrimitiveOp['op'];
