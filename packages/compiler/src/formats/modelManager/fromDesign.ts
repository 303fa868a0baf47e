/**
 * A design → ModelManager parameters, by matching the platform's U-Net pattern along the design's
 * chain. When the design does not fit, the result names the first node that breaks the pattern.
 */
import type { Design, NodeOf } from '../../design/schema';
import type { ChainLink } from '../designChain';
import { expectKind as expectKindOf, PatternMismatch as Mismatch, runMatcher } from '../mismatch';
import type { ExportResult } from '../result';
import { describeSpatial, spatialIs } from '../spatial';
import { zModelManagerParams, type ModelManagerParams } from './schema';
import { convStyle, type ConvStyle } from './convStyle';

/** What the ModelManager exporter returns: the parameters and the input size the design used. */
export interface ModelManagerExport {
  readonly params: ModelManagerParams;
  readonly inputSize: readonly (number | null)[];
}

const FORMAT = 'ModelManager';

function expectKind<K extends ChainLink['node']['kind']>(
  link: ChainLink | undefined,
  kind: K,
  what: string,
): NodeOf<K> {
  return expectKindOf(link, kind, FORMAT, what);
}

function checkPool(node: NodeOf<'pool'>): void {
  const p = node.params;
  const stride = p.stride ?? p.window;
  if (p.mode !== 'max')
    throw new Mismatch(node.id, `${p.mode} pooling, ${FORMAT} uses max-pooling`);
  if (!spatialIs(p.window, 2) || !spatialIs(stride, 2)) {
    throw new Mismatch(
      node.id,
      `window ${describeSpatial(p.window)} stride ${describeSpatial(stride)}, ${FORMAT} pools 2×2 with stride 2`,
    );
  }
  if (p.padding !== 'valid')
    throw new Mismatch(node.id, `padding ${p.padding}, ${FORMAT}'s MaxPool2d(2) floors (valid)`);
}

function checkUp(node: NodeOf<'upconv'>, bilinear: boolean, filters: number): void {
  const p = node.params;
  if (!spatialIs(p.factor, 2))
    throw new Mismatch(node.id, `factor ${describeSpatial(p.factor)}, ${FORMAT} upsamples by 2`);
  if (bilinear) {
    if (p.mode !== 'bilinear')
      throw new Mismatch(
        node.id,
        `${p.mode} upsampling, but the first up level is bilinear; ${FORMAT} uses one kind`,
      );
    if (!p.alignCorners)
      throw new Mismatch(
        node.id,
        `bilinear without align corners, ${FORMAT} uses align_corners=True`,
      );
    if (p.conv)
      throw new Mismatch(node.id, `a conv after upsampling, ${FORMAT}'s bilinear Up has none`);
    return;
  }
  if (p.mode !== 'transposed')
    throw new Mismatch(
      node.id,
      `${p.mode} upsampling, but the first up level is a transposed conv; ${FORMAT} uses one kind`,
    );
  if (p.kernel !== null && !spatialIs(p.kernel, 2))
    throw new Mismatch(
      node.id,
      `kernel ${describeSpatial(p.kernel)}, ${FORMAT}'s transposed conv is 2×2`,
    );
  if (p.filters !== filters)
    throw new Mismatch(
      node.id,
      `${p.filters ?? 'unchanged'} filters, ${FORMAT} needs ${filters} (the next level's width)`,
    );
  if (!p.bias) throw new Mismatch(node.id, `no bias, ${FORMAT}'s ConvTranspose2d has a bias`);
}

function checkSkip(link: ChainLink, from: number): void {
  const node = expectKind(link, 'skip', 'a skip merge');
  const p = node.params;
  if (link.skipFrom !== from)
    throw new Mismatch(
      node.id,
      'its skip comes from another level than the matching encoder block',
    );
  if (p.merge !== 'concat' || p.order !== 'skip-first')
    throw new Mismatch(node.id, `${p.merge} (${p.order}), ${FORMAT} concatenates the skip first`);
  if (p.align !== 'pad')
    throw new Mismatch(
      node.id,
      `align ${p.align}, ${FORMAT} zero-pads the upsampled map (align pad)`,
    );
}

function checkHead(node: NodeOf<'output'>): number {
  const p = node.params;
  if (!p.conv) throw new Mismatch(node.id, `no head conv, ${FORMAT} ends with a 1×1 conv`);
  if (!spatialIs(p.kernel, 1))
    throw new Mismatch(node.id, `kernel ${describeSpatial(p.kernel)}, ${FORMAT}'s OutConv is 1×1`);
  if (!p.bias) throw new Mismatch(node.id, `no bias, ${FORMAT}'s OutConv has a bias`);
  if (p.activation !== 'none')
    throw new Mismatch(
      node.id,
      `${p.activation} output, ${FORMAT} returns logits (activation none)`,
    );
  return p.classes;
}

function match(chain: readonly ChainLink[]): ModelManagerExport {
  const input = expectKind(chain[0], 'input', 'the input');
  if (input.params.dims !== 2)
    throw new Mismatch(input.id, `a ${input.params.dims}D input, ${FORMAT} models are 2D`);
  let at = 1;
  let style: ConvStyle | null = null;
  const conv = (filters: number | null, what: string): number => {
    const node = expectKind(chain[at++], 'conv', what);
    style = convStyle(node, style, filters);
    return node.params.filters;
  };
  const features = [conv(null, 'a conv block')];
  const skipAt = [1];
  while (chain[at]?.node.kind === 'pool') {
    checkPool(chain[at++]?.node as NodeOf<'pool'>);
    skipAt.push(at);
    features.push(conv(null, 'a conv block after the pool'));
  }
  const firstUp = chain[at]?.node;
  // With a single level there is no Up block, and `bilinear` keeps the platform's default.
  const bilinear = firstUp?.kind === 'upconv' ? firstUp.params.mode === 'bilinear' : true;
  for (let level = features.length - 1; level >= 1; level--) {
    const width = features[level - 1] as number;
    checkUp(expectKind(chain[at++], 'upconv', `the up level ${level}`), bilinear, width);
    checkSkip(chain[at++] as ChainLink, skipAt[level - 1] as number);
    conv(width, `the decoder conv block of level ${level}`);
  }
  const out_channels = checkHead(expectKind(chain[at++], 'output', 'the output head'));
  const finalStyle = style as ConvStyle | null;
  if (!finalStyle) throw new Mismatch(null, 'the design has no conv block');
  const params = zModelManagerParams.parse({
    in_channels: input.params.channels,
    out_channels,
    features,
    activation: finalStyle.activation,
    normalization: finalStyle.normalization,
    bilinear,
  });
  return { params, inputSize: input.params.size };
}

/**
 * Writes `design` as ModelManager parameters, or says which node does not fit.
 * @example designToModelManager(design) // { ok: false, issues: [{ nodeId: 'dec2', message: 'kernel 5, ModelManager convs are 3×3' }] }
 */
export function designToModelManager(design: Design): ExportResult<ModelManagerExport> {
  return runMatcher(design, FORMAT, match);
}
