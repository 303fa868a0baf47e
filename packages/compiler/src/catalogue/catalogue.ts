/**
 * The layer catalogue: one spec per node kind. The palette, inspector, compiler, runtime and
 * exporters all read it; adding a kind is one module in `kinds/` plus its line here.
 */
import { activationLayer } from './kinds/activation';
import { addLayer } from './kinds/add';
import { convLayer } from './kinds/conv';
import { dropoutLayer } from './kinds/dropout';
import { inputLayer } from './kinds/input';
import { normLayer } from './kinds/norm';
import { outputLayer } from './kinds/output';
import { poolLayer } from './kinds/pool';
import { skipLayer } from './kinds/skip';
import { upconvLayer } from './kinds/upconv';
import type { LayerKind } from './params';
import type { Catalogue, LayerSpec } from './types';

/** Every node kind's spec, keyed by kind. */
export const CATALOGUE = {
  input: inputLayer,
  output: outputLayer,
  conv: convLayer,
  pool: poolLayer,
  upconv: upconvLayer,
  skip: skipLayer,
  dropout: dropoutLayer,
  norm: normLayer,
  activation: activationLayer,
  add: addLayer,
} as const satisfies Catalogue;

/**
 * The spec of one kind, typed for that kind.
 * @example layerSpec('conv').inputs // [{ name: 'in', label: 'in' }]
 */
export function layerSpec<K extends LayerKind>(kind: K): LayerSpec<K> {
  const all: Catalogue = CATALOGUE;
  return all[kind];
}
