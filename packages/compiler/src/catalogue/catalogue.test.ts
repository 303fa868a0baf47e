import { describe, expect, it } from 'vitest';
import { shape } from '../../test/net';
import type { Shape } from '../shape/shape';
import { CATALOGUE, layerSpec } from './catalogue';
import { LAYER_KINDS, PARAM_SCHEMAS } from './params';

const ports = (names: readonly { name: string }[]) => names.map((p) => p.name);

describe('CATALOGUE', () => {
  it('has one spec per kind, keyed by its own kind, with the params schema of that kind', () => {
    expect(Object.keys(CATALOGUE).sort()).toEqual([...LAYER_KINDS].sort());
    for (const kind of LAYER_KINDS) {
      expect(layerSpec(kind).kind).toBe(kind);
      expect(layerSpec(kind).params.parse({})).toEqual(PARAM_SCHEMAS[kind].parse({}));
      expect(layerSpec(kind).description.length).toBeGreaterThan(10);
    }
  });

  it('names the ports the design format uses', () => {
    expect(ports(CATALOGUE.input.inputs)).toEqual([]);
    expect(ports(CATALOGUE.skip.inputs)).toEqual(['skip', 'up']);
    expect(ports(CATALOGUE.add.inputs)).toEqual(['a', 'b']);
    for (const kind of [
      'output',
      'conv',
      'pool',
      'upconv',
      'dropout',
      'norm',
      'activation',
    ] as const) {
      expect(ports(CATALOGUE[kind].inputs)).toEqual(['in']);
    }
    for (const kind of LAYER_KINDS)
      expect(ports(CATALOGUE[kind].outputs)).toEqual(kind === 'output' ? [] : ['out']);
  });

  it('derives parameter counts and costs for every kind from its lowering', () => {
    const x = shape(16, 32, 32);
    const inputsOf = (kind: string): Record<string, Shape> =>
      kind === 'input'
        ? {}
        : kind === 'skip'
          ? { skip: x, up: x }
          : kind === 'add'
            ? { a: x, b: x }
            : { in: x };
    for (const kind of LAYER_KINDS) {
      const spec = layerSpec(kind);
      const cost = spec.cost({ params: spec.params.parse({}), inputs: inputsOf(kind) });
      expect(cost, kind).not.toBeNull();
      expect(cost?.activationBytes, kind).toBeGreaterThanOrEqual(0);
    }
    // default conv block: two 3×3 convs to 64 channels with batch norm
    const conv = CATALOGUE.conv.paramCount({
      params: CATALOGUE.conv.params.parse({}),
      inputs: { in: x },
    });
    expect(conv).toEqual({ trainable: 9 * 16 * 64 + 9 * 64 * 64 + 4 * 64, nonTrainable: 4 * 64 });
  });

  it('returns null costs when the lowering fails', () => {
    const params = { ...CATALOGUE.conv.params.parse({}), padding: 'valid' as const };
    expect(CATALOGUE.conv.cost({ params, inputs: { in: shape(1, 3, 3) } })).toBeNull();
  });
});
