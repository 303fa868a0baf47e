/**
 * A design → canonical UNetParams and input shape, by matching heliaEDGE's U-Net along the
 * design's chain. When the design does not fit, the result names the first node that breaks it.
 */
import type { Design, NodeOf } from '../../design/schema';
import type { ChainLink } from '../designChain';
import { expectKind, runMatcher } from '../mismatch';
import type { ExportResult } from '../result';
import { spatialIs } from '../spatial';
import { convLook, F, fail, heliaSize, sameLook, sameSize, type ConvLook } from './blockMatch';
import { zUNetParams, type HeliaSize, type UNetBlock, type UNetParams } from './schema';
import { leftoverDilation, UNET_PARAMS_EXTRAS, type UNetInputShape } from './toDesign';

/** What the UNetParams exporter returns. */
export interface UNetParamsExport {
  readonly params: UNetParams;
  readonly inputShape: UNetInputShape;
}

interface EncBlock {
  readonly block: UNetBlock;
  readonly look: ConvLook;
  readonly at: number;
}

function encoderBlock(
  enc: NodeOf<'conv'>,
  pool: NodeOf<'pool'>,
  dims: 1 | 2,
  at: number,
): EncBlock {
  const p = enc.params;
  const look = convLook(enc);
  if (!p.residual) fail(enc.id, `no residual projection, ${F} encoder blocks are residual`);
  const dilated = !spatialIs(p.dilation, 1);
  if (dilated && p.dilationGrowth !== 'exponential')
    fail(enc.id, `constant dilation, ${F} grows it exponentially (conv d uses dilation^d)`);
  const q = pool.params;
  if (q.mode !== 'max') fail(pool.id, `${q.mode} pooling, ${F} uses max-pooling`);
  if (q.padding !== 'same') fail(pool.id, `padding ${q.padding}, ${F} pools with padding "same"`);
  const block: UNetBlock = {
    filters: p.filters,
    depth: p.depth,
    ddepth: null,
    kernel: heliaSize(p.kernel, dims, enc.id, 'kernel'),
    pool: heliaSize(q.window, dims, pool.id, 'window'),
    strides: heliaSize(q.stride ?? q.window, dims, pool.id, 'stride'),
    skip: false,
    seperable: look.seperable,
    dropout: p.dropout > 0 ? p.dropout : null,
    norm: look.norm,
    dilation: dilated ? heliaSize(p.dilation, dims, enc.id, 'dilation') : null,
    activation: look.activation,
  };
  return { block, look, at };
}

function plainConv(node: NodeOf<'conv'>, enc: EncBlock, n: number, what: string): void {
  const p = node.params;
  if (p.filters !== enc.block.filters)
    fail(node.id, `${p.filters} filters, ${F} uses the block's ${enc.block.filters}`);
  if (p.dropout > 0) fail(node.id, `dropout ${p.dropout}, ${F} has dropout in encoder blocks only`);
  if (p.residual !== (what === 'post'))
    fail(
      node.id,
      p.residual
        ? `a residual projection, ${F}'s ${what} conv has none`
        : `no residual projection, ${F}'s post conv is residual`,
    );
  if (what !== 'pre' && !spatialIs(p.dilation, 1))
    fail(node.id, `dilation, ${F}'s ${what} conv is not dilated`);
  if (what !== 'pre' && p.depth !== 1)
    fail(node.id, `depth ${p.depth}, ${F}'s ${what} conv is a single conv`);
  sameLook(node, enc.look, `enc${n}`, what === 'reduce' ? false : enc.block.seperable);
}

function decoderBlock(
  chain: readonly ChainLink[],
  at: number,
  enc: EncBlock,
  n: number,
  dims: 1 | 2,
  leftover: HeliaSize,
): { block: UNetBlock; at: number } {
  const pre = expectKind(chain[at++], 'conv', F, `the decoder conv of block ${n}`);
  plainConv(pre, enc, n, 'pre');
  const kernel = enc.block.kernel;
  if (!sameSize(heliaSize(pre.params.kernel, dims, pre.id, 'kernel'), kernel))
    fail(pre.id, `a kernel other than its block's, ${F} uses the block's kernel`);
  const dilation = heliaSize(pre.params.dilation, dims, pre.id, 'dilation');
  const constant =
    pre.params.dilationGrowth === 'constant' ||
    pre.params.depth === 1 ||
    spatialIs(pre.params.dilation, 1);
  if (!sameSize(dilation, leftover) || !constant) {
    fail(
      pre.id,
      `dilation ${JSON.stringify(dilation)}, ${F}'s decoder convs reuse the deepest block's last dilation, ${JSON.stringify(leftover)} (constant)`,
    );
  }
  const up = expectKind(chain[at++], 'upconv', F, `the upsampling of block ${n}`);
  if (up.params.mode !== 'nearest' || up.params.conv)
    fail(
      up.id,
      `${up.params.mode} upsampling${up.params.conv ? ' with a conv' : ''}, ${F} uses UpSampling2D (nearest, no conv)`,
    );
  if (!sameSize(heliaSize(up.params.factor, dims, up.id, 'factor'), enc.block.strides))
    fail(up.id, `factor other than block ${n}'s strides, ${F} upsamples by the strides`);
  let skip = false;
  const merge = chain[at];
  if (merge?.node.kind === 'skip') {
    const p = merge.node.params;
    if (merge.skipFrom !== enc.at)
      fail(merge.node.id, `its skip comes from another level than enc${n}`);
    if (p.merge !== 'concat' || p.order !== 'up-first')
      fail(merge.node.id, `${p.merge} (${p.order}), ${F} concatenates [upsampled, skip]`);
    if (p.align !== 'none')
      fail(merge.node.id, `align ${p.align}, ${F} does not align sizes (align none)`);
    const red = expectKind(chain[at + 1], 'conv', F, `the 1×1 reduce conv of block ${n}`);
    plainConv(red, enc, n, 'reduce');
    if (!spatialIs(red.params.kernel, 1))
      fail(red.id, `kernel other than 1, ${F} reduces with a 1×1 conv`);
    at += 2;
    skip = true;
  }
  const post = expectKind(chain[at++], 'conv', F, `the post conv of block ${n}`);
  plainConv(post, enc, n, 'post');
  if (!sameSize(heliaSize(post.params.kernel, dims, post.id, 'kernel'), kernel))
    fail(post.id, `a kernel other than its block's, ${F} uses the block's kernel`);
  const depth = pre.params.depth === enc.block.depth ? null : pre.params.depth;
  return { block: { ...enc.block, ddepth: depth, skip }, at };
}

function extrasOf(design: Design): Record<string, unknown> {
  return design.extras[UNET_PARAMS_EXTRAS] ?? {};
}

function match(design: Design, chain: readonly ChainLink[]): UNetParamsExport {
  const input = expectKind(chain[0], 'input', F, 'the input');
  const dims = input.params.dims;
  let at = 1;
  const encoders: EncBlock[] = [];
  while (chain[at]?.node.kind === 'conv' && chain[at + 1]?.node.kind === 'pool') {
    encoders.push(
      encoderBlock(
        chain[at]?.node as NodeOf<'conv'>,
        chain[at + 1]?.node as NodeOf<'pool'>,
        dims,
        at,
      ),
    );
    at += 2;
  }
  if (encoders.length === 0)
    fail(
      chain[at]?.node.id ?? null,
      `${F} starts with an encoder block (a residual conv, then a pool)`,
    );
  const deepest = encoders[encoders.length - 1] as EncBlock;
  const leftover = leftoverDilation({ blocks: [deepest.block] } as UNetParams);
  const blocks: UNetBlock[] = [];
  for (let i = encoders.length - 1; i >= 0; i--) {
    const decoded = decoderBlock(chain, at, encoders[i] as EncBlock, i + 1, dims, leftover);
    blocks.unshift(decoded.block);
    at = decoded.at;
  }
  const out = expectKind(chain[at], 'output', F, 'the output head');
  const o = out.params;
  if (!o.bias) fail(out.id, `no bias, ${F}'s head conv has a bias`);
  if (o.activation === 'sigmoid')
    fail(out.id, `sigmoid output, ${F} heads end in logits or softmax`);
  if (!o.conv && o.activation !== 'none')
    fail(out.id, `softmax without the head conv, ${F} applies softmax only with include_top`);
  const base = {
    blocks,
    include_top: o.conv,
    output_kernel_size: heliaSize(o.kernel, dims, out.id, 'kernel'),
    num_classes: o.classes,
  };
  const extras = extrasOf(design);
  const use_logits = o.conv ? o.activation === 'none' : extras.use_logits !== false;
  const withExtras = zUNetParams.safeParse({
    ...base,
    use_logits,
    model_name: extras.model_name,
    output_kernel_stride: extras.output_kernel_stride,
  });
  // Hand-edited extras that no longer validate fall back to heliaEDGE's defaults.
  const parsed = withExtras.success ? withExtras : zUNetParams.safeParse({ ...base, use_logits });
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    fail(null, `${first?.path.join('.') ?? 'params'}: ${first?.message ?? 'invalid'} in ${F}`);
  }
  const value = parsed.data;
  const channels = input.params.channels;
  const [a, b] = input.params.size;
  const inputShape: UNetInputShape =
    dims === 1 ? [a ?? null, channels] : [a ?? null, b ?? null, channels];
  return { params: value, inputShape };
}

/**
 * Writes `design` as canonical UNetParams with its input shape, or says which node does not fit.
 * @example designToUNetParams(design) // { ok: false, issues: [{ nodeId: 'up3', message: 'bilinear upsampling, ...' }] }
 */
export function designToUNetParams(design: Design): ExportResult<UNetParamsExport> {
  return runMatcher(design, F, (chain) => match(design, chain));
}
