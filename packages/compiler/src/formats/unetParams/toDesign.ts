/**
 * Canonical UNetParams → a design, following helia-edge's `unet_layer`: residual encoder blocks
 * with max-pool "same", decoder convs before nearest upsampling, an up-first concat reduced by a
 * 1×1 conv, a residual post conv, and the optional head.
 */
import type { z } from 'zod';
import type { zActivationSpec, zNormSpec } from '../../catalogue/common';
import type { Design, ExtraValue } from '../../design/schema';
import { createDesignBuilder } from '../designBuilder';
import type { HeliaSize, UNetBlock, UNetParams } from './schema';

/** The key of heliaEDGE's fields in `Design['extras']`. */
export const UNET_PARAMS_EXTRAS = 'unet-params';

/** The input of a UNetParams model: `[T, C]` (1D) or `[H, W, C]` (2D); null leaves a size open. */
export type UNetInputShape =
  readonly [number | null, number] | readonly [number | null, number | null, number];

/** A design size from a heliaEDGE size: in 1D `[1, k]` becomes `k`. */
export function designSize(value: HeliaSize, dims: 1 | 2): number | number[] {
  if (typeof value === 'number') return value;
  return dims === 1 ? value[1] : [value[0], value[1]];
}

/** heliaEDGE's norms: Keras BatchNormalization (eps 1e-3, momentum 0.99) or LayerNormalization over H, W. */
export function heliaNorm(norm: UNetBlock['norm']): z.input<typeof zNormSpec> {
  if (norm === 'batch') return { type: 'batch', groups: null, eps: 1e-3, momentum: 0.01 };
  if (norm === 'layer') return { type: 'layer', groups: null, eps: 1e-3, momentum: 0.1 };
  return { type: 'none', groups: null, eps: 1e-5, momentum: 0.1 };
}

/** heliaEDGE's activations with Keras 3 defaults (leaky_relu slope 0.2, elu alpha 1). */
export function heliaActivation(
  activation: UNetBlock['activation'],
): z.input<typeof zActivationSpec> {
  if (activation === 'leaky_relu') return { type: 'leaky_relu', alpha: 0.2 };
  if (activation === 'elu') return { type: 'elu', alpha: 1 };
  return { type: activation, alpha: null };
}

/** The dilation heliaEDGE's decoder convs reuse: the deepest block's last encoder conv's. */
export function leftoverDilation(params: UNetParams): HeliaSize {
  const deepest = params.blocks[params.blocks.length - 1];
  if (!deepest || deepest.dilation === null) return 1;
  const e = deepest.depth - 1;
  return typeof deepest.dilation === 'number'
    ? deepest.dilation ** e
    : [deepest.dilation[0] ** e, deepest.dilation[1] ** e];
}

/**
 * Builds the design of canonical `params` for `inputShape`.
 * @example unetParamsToDesign(params, [256, 1]) // 1D, 256 samples, 1 channel
 */
export function unetParamsToDesign(
  params: UNetParams,
  inputShape: UNetInputShape,
  name?: string,
): Design {
  const dims = inputShape.length === 2 ? 1 : 2;
  const b = createDesignBuilder();
  const channels = inputShape[inputShape.length - 1] as number;
  const size = inputShape.slice(0, -1);
  const style = (block: UNetBlock) => ({
    padding: 'same' as const,
    bias: 'auto' as const,
    separable: block.seperable,
    norm: heliaNorm(block.norm),
    activation: heliaActivation(block.activation),
  });
  let prev = b.add('input', 'input', 'Input', { dims, channels, size });
  const skips: (string | null)[] = [];
  params.blocks.forEach((block, i) => {
    const n = i + 1;
    const enc = b.add('conv', `enc${n}`, `Encoder ${n}`, {
      ...style(block),
      filters: block.filters,
      kernel: designSize(block.kernel, dims),
      depth: block.depth,
      dilation: designSize(block.dilation ?? 1, dims),
      dilationGrowth: 'exponential',
      dropout: block.dropout ?? 0,
      residual: true,
    });
    b.connect(prev, enc);
    skips.push(block.skip ? enc : null);
    const pool = b.add('pool', `pool${n}`, `Pool ${n}`, {
      mode: 'max',
      window: designSize(block.pool, dims),
      stride: designSize(block.strides, dims),
      padding: 'same',
    });
    b.connect(enc, pool);
    prev = pool;
  });
  const leftover = designSize(leftoverDilation(params), dims);
  for (let i = params.blocks.length - 1; i >= 0; i--) {
    const block = params.blocks[i] as UNetBlock;
    const n = i + 1;
    const kernel = designSize(block.kernel, dims);
    const pre = b.add('conv', `pre${n}`, `Decoder ${n}`, {
      ...style(block),
      filters: block.filters,
      kernel,
      depth: block.ddepth || block.depth,
      dilation: leftover,
    });
    b.connect(prev, pre);
    const up = b.add('upconv', `up${n}`, `Up ${n}`, {
      mode: 'nearest',
      factor: designSize(block.strides, dims),
    });
    b.connect(pre, up);
    prev = up;
    const skip = skips[i];
    if (skip) {
      const merge = b.add('skip', `skip${n}`, `Skip ${n}`, {
        merge: 'concat',
        align: 'none',
        order: 'up-first',
      });
      b.connect(up, merge, 'up');
      b.connect(skip, merge, 'skip');
      const red = b.add('conv', `red${n}`, `Reduce ${n}`, {
        ...style(block),
        separable: false,
        filters: block.filters,
        kernel: 1,
        depth: 1,
      });
      b.connect(merge, red);
      prev = red;
    }
    const post = b.add('conv', `post${n}`, `Post ${n}`, {
      ...style(block),
      filters: block.filters,
      kernel,
      depth: 1,
      residual: true,
    });
    b.connect(prev, post);
    prev = post;
  }
  const head = b.add('output', 'output', 'Output', {
    conv: params.include_top,
    classes: params.num_classes,
    kernel: designSize(params.output_kernel_size, dims),
    bias: true,
    activation: params.include_top && !params.use_logits ? 'softmax' : 'none',
  });
  b.connect(prev, head);
  const extras: Record<string, ExtraValue> = {
    model_name: params.model_name,
    output_kernel_stride:
      typeof params.output_kernel_stride === 'number'
        ? params.output_kernel_stride
        : [...params.output_kernel_stride],
  };
  if (!params.include_top) extras.use_logits = params.use_logits;
  const shape = `[${inputShape.map((s) => s ?? 'None').join(', ')}]`;
  return b.build({
    name: name ?? `${params.model_name} (heliaEDGE)`,
    description: `heliaEDGE UNetParams, ${params.blocks.length} blocks, input ${shape} (seed 001).`,
    extras: { [UNET_PARAMS_EXTRAS]: extras },
  });
}
