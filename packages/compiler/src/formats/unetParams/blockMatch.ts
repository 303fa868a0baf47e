/**
 * Checks of single nodes against heliaEDGE's layers, for the UNetParams exporter: sizes in 1D and
 * 2D spelling, norms, activations and the conv settings every heliaEDGE conv shares.
 */
import type { SpatialInt } from '../../catalogue/common';
import type { NodeOf } from '../../design/schema';
import { PatternMismatch } from '../mismatch';
import { describeSpatial, spatialValues } from '../spatial';
import type { HeliaSize, UNetBlock } from './schema';

/** The format's name in messages. */
export const F = 'heliaEDGE';

/** Throws a mismatch at `nodeId`. */
export function fail(nodeId: string | null, message: string): never {
  throw new PatternMismatch(nodeId, message);
}

/** A design size as heliaEDGE writes it: `[1, k]` in 1D; as designed in 2D. */
export function heliaSize(value: SpatialInt, dims: 1 | 2, nodeId: string, what: string): HeliaSize {
  const v = spatialValues(value);
  if (dims === 1) {
    const k = v.length === 1 ? v[0] : v.length === 2 && v[0] === 1 ? v[1] : undefined;
    if (k === undefined) fail(nodeId, `${what} ${describeSpatial(value)} is not a 1D size`);
    return [1, k];
  }
  if (typeof value === 'number') return value;
  const [h, w] = v;
  if (h === undefined || w === undefined || v.length !== 2)
    fail(nodeId, `${what} ${describeSpatial(value)} needs two entries in 2D`);
  return [h, w];
}

/** True when two heliaEDGE sizes mean the same thing. */
export function sameSize(a: HeliaSize, b: HeliaSize): boolean {
  const pa = typeof a === 'number' ? [a, a] : a;
  const pb = typeof b === 'number' ? [b, b] : b;
  return pa[0] === pb[0] && pa[1] === pb[1];
}

/** The block fields a conv node implies (norm, activation, separable). */
export interface ConvLook {
  readonly norm: UNetBlock['norm'];
  readonly activation: UNetBlock['activation'];
  readonly seperable: boolean;
}

function normOf(node: NodeOf<'conv'>): UNetBlock['norm'] {
  const n = node.params.norm;
  if (n.type === 'none') return null;
  if (n.type === 'batch' && n.eps === 1e-3 && n.momentum === 0.01) return 'batch';
  if (n.type === 'layer' && n.eps === 1e-3) return 'layer';
  return fail(
    node.id,
    `${n.type} norm (eps ${n.eps}, momentum ${n.momentum}); ${F} uses BatchNormalization ` +
      '(eps 1e-3, momentum 0.99, i.e. 0.01 here), LayerNormalization (eps 1e-3) or none',
  );
}

function activationOf(node: NodeOf<'conv'>): UNetBlock['activation'] {
  const { type, alpha } = node.params.activation;
  if (type === 'relu' || type === 'relu6' || type === 'selu') return type;
  if (type === 'leaky_relu' && alpha === 0.2) return type;
  if (type === 'elu' && (alpha === null || alpha === 1)) return type;
  const shown = alpha === null ? type : `${type} (alpha ${alpha})`;
  return fail(
    node.id,
    `activation ${shown}; ${F} offers relu, relu6, leaky_relu (slope 0.2), elu and selu`,
  );
}

/** Checks the settings every heliaEDGE conv shares and reads the block fields it implies. */
export function convLook(node: NodeOf<'conv'>): ConvLook {
  const p = node.params;
  const norm = normOf(node);
  if (p.stride !== 1 && spatialValues(p.stride).some((s) => s !== 1))
    fail(
      node.id,
      `stride ${describeSpatial(p.stride)}, ${F} convs have stride 1 (pools downsample)`,
    );
  if (p.padding !== 'same') fail(node.id, `padding ${p.padding}, ${F} convs are same-padded`);
  const biasOk = p.bias === 'auto' || (p.bias === 'on') === (norm === null);
  if (!biasOk)
    fail(node.id, `bias ${p.bias}, ${F} convs have a bias exactly when the block has no norm`);
  return { norm, activation: activationOf(node), seperable: p.separable };
}

/** Checks that `node` looks like its block's encoder conv (same norm, activation, kernel...). */
export function sameLook(
  node: NodeOf<'conv'>,
  look: ConvLook,
  block: string,
  separable: boolean,
): void {
  const mine = convLook(node);
  if (mine.norm !== look.norm)
    fail(
      node.id,
      `norm ${mine.norm ?? 'none'}, but block ${block} uses ${look.norm ?? 'none'}; a ${F} block has one norm`,
    );
  if (mine.activation !== look.activation)
    fail(node.id, `activation ${mine.activation}, but block ${block} uses ${look.activation}`);
  if (mine.seperable !== separable)
    fail(node.id, `separable ${String(mine.seperable)}, ${F} makes it ${String(separable)} here`);
}
