/**
 * Keras parameter counts of a heliaEDGE U-Net, derived from helia-edge's `unet_layer`
 * (helia_edge/models/unet.py at 99a12249) layer by layer, independently of the compiler:
 *
 * - a 1D input (T, C) is reshaped to (1, T, C); sizes are (h, w) pairs, an integer k is (k, k);
 * - encoder block: `depth` × [Conv2D or SeparableConv2D (depthwise k_h·k_w·c_in, no bias, plus
 *   pointwise c_in·f), bias only without norm; BatchNormalization (γ, β trainable; moving mean and
 *   variance not) or LayerNormalization over axes [1, 2] (γ, β of shape (H, W))]; a 1×1 Conv2D
 *   residual projection with bias from the block input; MaxPooling2D "same" (⌈n / stride⌉);
 * - decoder block, deepest first: (`ddepth` or `depth`) × the same conv + norm at the pre-upsampling
 *   size; UpSampling2D(strides); with a skip, concatenate and a 1×1 Conv2D (never separable, bias
 *   only without norm) + norm; a conv + norm; a 1×1 Conv2D residual projection with bias;
 * - head (include_top): Conv2D(num_classes, output_kernel_size) with bias.
 */

/** A block as a kit writes it (helia-edge's defaults fill what is left out). */
export interface KitBlock {
  readonly filters: number;
  readonly depth?: number;
  readonly ddepth?: number | null;
  readonly kernel?: number | readonly number[];
  readonly strides?: number | readonly number[];
  readonly skip?: boolean;
  readonly seperable?: boolean;
  readonly norm?: 'batch' | 'layer' | null;
}

/** Params as a kit writes them. */
export interface KitParams {
  readonly blocks: readonly KitBlock[];
  readonly include_top?: boolean;
  readonly output_kernel_size?: number | readonly number[];
}

const pair = (v: number | readonly number[]): [number, number] =>
  typeof v === 'number' ? [v, v] : [v[0] ?? 1, v[1] ?? 1];

/** Trainable and non-trainable Keras parameters of `params` on a 1D input (T, C). */
export function kerasCounts(
  params: KitParams,
  frames: number,
  channels: number,
  classes: number,
): { trainable: number; nonTrainable: number } {
  let trainable = 0;
  let nonTrainable = 0;
  let size: [number, number] = [1, frames];
  const conv = (
    cin: number,
    f: number,
    kernel: [number, number],
    separable: boolean,
    bias: boolean,
  ) => {
    const k = kernel[0] * kernel[1];
    trainable += (separable ? k * cin + cin * f : k * cin * f) + (bias ? f : 0);
  };
  const norm = (kind: KitBlock['norm'], f: number) => {
    if (kind === 'batch') {
      trainable += 2 * f;
      nonTrainable += 2 * f;
    } else if (kind === 'layer') trainable += 2 * size[0] * size[1];
  };
  const sizes: [number, number][] = [];
  let c = channels;
  for (const b of params.blocks) {
    const nm = b.norm === undefined ? 'batch' : b.norm;
    const kernel = pair(b.kernel ?? 3);
    for (let d = 0; d < (b.depth ?? 1); d++) {
      conv(d === 0 ? c : b.filters, b.filters, kernel, b.seperable ?? false, nm === null);
      norm(nm, b.filters);
    }
    trainable += c * b.filters + b.filters;
    sizes.push(size);
    const s = pair(b.strides ?? 1);
    size = [Math.ceil(size[0] / s[0]), Math.ceil(size[1] / s[1])];
    c = b.filters;
  }
  for (let i = params.blocks.length - 1; i >= 0; i--) {
    const b = params.blocks[i] as KitBlock;
    const nm = b.norm === undefined ? 'batch' : b.norm;
    const kernel = pair(b.kernel ?? 3);
    for (let d = 0; d < (b.ddepth || (b.depth ?? 1)); d++) {
      conv(c, b.filters, kernel, b.seperable ?? false, nm === null);
      norm(nm, b.filters);
      c = b.filters;
    }
    size = sizes[i] as [number, number];
    if (b.skip ?? true) {
      conv(c + b.filters, b.filters, [1, 1], false, nm === null);
      norm(nm, b.filters);
    }
    conv(b.filters, b.filters, kernel, b.seperable ?? false, nm === null);
    norm(nm, b.filters);
    trainable += b.filters * b.filters + b.filters;
    c = b.filters;
  }
  if (params.include_top ?? true)
    conv(c, classes, pair(params.output_kernel_size ?? 3), false, true);
  return { trainable, nonTrainable };
}
