/**
 * Checks one conv block against the platform's DoubleConv (two 3×3 same convs without bias, each +
 * norm + activation) and reads its normalisation and activation, which must be the same for every
 * block of a ModelManager config.
 */
import type { NodeOf } from '../../design/schema';
import { PatternMismatch } from '../mismatch';
import { describeSpatial, spatialIs } from '../spatial';
import type { ModelManagerParams } from './schema';

/** The config-wide choices a conv block implies. */
export interface ConvStyle {
  readonly nodeId: string;
  readonly normalization: ModelManagerParams['normalization'];
  readonly activation: ModelManagerParams['activation'];
}

const F = 'ModelManager';

function normalizationOf(node: NodeOf<'conv'>): ModelManagerParams['normalization'] {
  const n = node.params.norm;
  const c = node.params.filters;
  if (n.type === 'batch' && n.eps === 1e-5 && n.momentum === 0.1) return 'batchnorm';
  if (n.type === 'group' && n.eps === 1e-5 && (n.groups === null || n.groups === Math.min(32, c))) {
    return 'groupnorm';
  }
  throw new PatternMismatch(
    node.id,
    `${n.type} norm (groups ${n.groups ?? 'auto'}, eps ${n.eps}, momentum ${n.momentum}); ${F} convs use ` +
      'BatchNorm2d (eps 1e-5, momentum 0.1) or GroupNorm(min(32, C)) (eps 1e-5)',
  );
}

function activationOf(node: NodeOf<'conv'>): ModelManagerParams['activation'] {
  const { type, alpha } = node.params.activation;
  if (type === 'relu') return 'relu';
  if (type === 'leaky_relu' && (alpha === null || alpha === 0.01)) return 'leaky_relu';
  if (type === 'elu' && (alpha === null || alpha === 1)) return 'elu';
  const shown = alpha === null ? type : `${type} (alpha ${alpha})`;
  throw new PatternMismatch(
    node.id,
    `activation ${shown}; ${F} offers relu, leaky_relu (slope 0.01) and elu (alpha 1)`,
  );
}

/**
 * Checks `node` and returns the style it implies; `previous` is the style of the blocks before
 * (they must agree), `filters` the width the pattern needs here (null: any).
 */
export function convStyle(
  node: NodeOf<'conv'>,
  previous: ConvStyle | null,
  filters: number | null,
): ConvStyle {
  const p = node.params;
  const fail = (message: string): never => {
    throw new PatternMismatch(node.id, message);
  };
  if (filters !== null && p.filters !== filters)
    fail(`${p.filters} filters, ${F} needs ${filters} here`);
  if (!spatialIs(p.kernel, 3)) fail(`kernel ${describeSpatial(p.kernel)}, ${F} convs are 3×3`);
  if (!spatialIs(p.stride, 1))
    fail(`stride ${describeSpatial(p.stride)}, ${F} convs have stride 1`);
  if (p.padding !== 'same') fail(`padding ${p.padding}, ${F} convs are same-padded`);
  if (!spatialIs(p.dilation, 1))
    fail(`dilation ${describeSpatial(p.dilation)}, ${F} convs are not dilated`);
  if (p.separable) fail(`separable convs, ${F} convs are plain`);
  if (p.depth !== 2) fail(`depth ${p.depth}, ${F} blocks hold two convs`);
  if (p.bias === 'on') fail(`bias on, ${F} convs have no bias`);
  if (p.dropout > 0) fail(`dropout ${p.dropout}, ${F} blocks have none`);
  if (p.residual) fail(`a residual projection, ${F} blocks have none`);
  const style: ConvStyle = {
    nodeId: node.id,
    normalization: normalizationOf(node),
    activation: activationOf(node),
  };
  if (previous && previous.normalization !== style.normalization) {
    fail(
      `${style.normalization}, but ${previous.nodeId} uses ${previous.normalization}; a ${F} config has one normalization`,
    );
  }
  if (previous && previous.activation !== style.activation) {
    fail(
      `activation ${style.activation}, but ${previous.nodeId} uses ${previous.activation}; a ${F} config has one activation`,
    );
  }
  return previous ?? style;
}
