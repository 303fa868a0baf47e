/**
 * Typed access to the loosely typed arguments tfjs hands a kernel, shared by the kernels here.
 */
import type * as tf from '@tensorflow/tfjs';
import type { ConvGeometry, KernelPad } from './convGeometry';
import { convGeometry } from './convGeometry';

/** The argument object of a tfjs kernel function. */
export type KernelArgs = Parameters<tf.KernelFunc>[0];

/**
 * A kernel U-Net Studio registers. When it replaces one of tfjs's, calls it `declines` (and
 * NCHW calls) go to tfjs's kernel.
 */
export interface TrainingKernel extends tf.KernelConfig {
  readonly declines?: (args: KernelArgs) => boolean;
}

/** The attributes every convolution-gradient kernel receives (tfjs-core kernel_names.ts). */
export interface ConvGradAttrs {
  readonly strides: number | [number, number];
  readonly pad: KernelPad;
  readonly dilations?: number | [number, number];
  readonly dataFormat?: 'NHWC' | 'NCHW';
  readonly dimRoundingMode?: 'floor' | 'round' | 'ceil';
  /** Filter-gradient kernels: the filter's shape. */
  readonly filterShape?: [number, number, number, number];
  /** Input-gradient kernels: the input's shape. */
  readonly inputShape?: [number, number, number, number];
}

/** Returns the named input of a kernel call, or throws naming the kernel and the input. */
export function kernelInput(args: KernelArgs, name: string, kernel: string): tf.TensorInfo {
  const t = args.inputs[name];
  if (t === undefined) throw new Error(`${kernel}: missing input "${name}"`);
  return t;
}

/** The attributes of a convolution-gradient kernel call. */
function convGradAttrs(args: KernelArgs): ConvGradAttrs {
  // tfjs types attrs as a generic attribute map; the conv-gradient ops always pass these keys.
  return (args.attrs ?? {}) as unknown as ConvGradAttrs;
}

/**
 * The forward geometry of a convolution-gradient call. Plain convolutions are taken without
 * dilation (their gradient kernels get none from tfjs); depthwise ones with theirs.
 */
function gradGeometry(
  kernel: string,
  xShape: readonly number[],
  filterShape: readonly number[],
  attrs: ConvGradAttrs,
  depthwise: boolean,
): ConvGeometry {
  if ((attrs.dataFormat ?? 'NHWC') !== 'NHWC') {
    throw new Error(`${kernel}: only NHWC (channels-last) tensors are supported`);
  }
  return convGeometry(
    xShape,
    filterShape,
    attrs.strides,
    depthwise ? (attrs.dilations ?? 1) : 1,
    attrs.pad,
    attrs.dimRoundingMode,
    depthwise,
  );
}

/**
 * A kernel's 4D shape attribute (`filterShape`, `inputShape`, …).
 *
 * @throws when it is missing or not 4D, naming the kernel and the attribute.
 */
function shapeAttr(
  kernel: string,
  name: string,
  shape: readonly number[] | undefined,
): [number, number, number, number] {
  if (shape === undefined || shape.length !== 4)
    throw new Error(`${kernel}: missing attribute "${name}"`);
  return shape as [number, number, number, number];
}

/** A filter-gradient call: inputs x and dy, the `filterShape` attribute, the geometry. */
export interface FilterGradCall {
  readonly x: tf.TensorInfo;
  readonly dy: tf.TensorInfo;
  readonly filterShape: [number, number, number, number];
  readonly g: ConvGeometry;
}

/** Reads a filter-gradient call (`Conv2DBackpropFilter`, `DepthwiseConv2dNativeBackpropFilter`). */
export function filterGradCall(
  args: KernelArgs,
  kernel: string,
  depthwise: boolean,
): FilterGradCall {
  const x = kernelInput(args, 'x', kernel);
  const dy = kernelInput(args, 'dy', kernel);
  const attrs = convGradAttrs(args);
  const filterShape = shapeAttr(kernel, 'filterShape', attrs.filterShape);
  return { x, dy, filterShape, g: gradGeometry(kernel, x.shape, filterShape, attrs, depthwise) };
}

/** An input-gradient call: inputs dy and filter, the `inputShape` attribute, the geometry. */
export interface InputGradCall {
  readonly dy: tf.TensorInfo;
  readonly filter: tf.TensorInfo;
  readonly inputShape: [number, number, number, number];
  readonly g: ConvGeometry;
}

/** Reads an input-gradient call (`Conv2DBackpropInput`, `DepthwiseConv2dNativeBackpropInput`). */
export function inputGradCall(args: KernelArgs, kernel: string, depthwise: boolean): InputGradCall {
  const dy = kernelInput(args, 'dy', kernel);
  const filter = kernelInput(args, 'filter', kernel);
  const attrs = convGradAttrs(args);
  const inputShape = shapeAttr(kernel, 'inputShape', attrs.inputShape);
  const g = gradGeometry(kernel, inputShape, filter.shape, attrs, depthwise);
  return { dy, filter, inputShape, g };
}
