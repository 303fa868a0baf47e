import { describe, expect, it } from 'vitest';
import { zDesign, type Design } from '../design/schema';
import { findTemplate } from '../templates/index';
import { uLayout } from './uLayout';

function template(name: string): Design {
  const t = findTemplate(name);
  if (!t) throw new Error(name);
  return t.build();
}

function chainDesign(kinds: string[], extraEdges: [string, string][] = []): Design {
  const nodes = kinds.map((kind, i) => ({ id: `n${i}`, kind }));
  const edges = kinds
    .slice(1)
    .map((_, i) => ({ id: `e${i}`, source: `n${i}`, target: `n${i + 1}` }));
  extraEdges.forEach(([s, t], i) => edges.push({ id: `x${i}`, source: s, target: t }));
  return zDesign.parse({ format: 'unet-studio/design', version: 1, model: { nodes, edges } });
}

describe('uLayout', () => {
  it('draws the encoder down the left, the bottleneck at the bottom and the decoder up the right', () => {
    const p = uLayout(template('modelmanager-unet'));
    const y = (id: string) => p[id]?.y ?? NaN;
    const x = (id: string) => p[id]?.x ?? NaN;
    expect([y('enc1'), y('enc2'), y('enc3'), y('enc4'), y('bottleneck')]).toEqual([
      ...[0, 1, 2, 3, 4].map((l) => l * y('enc2')),
    ]);
    expect(y('enc2')).toBeGreaterThan(0);
    for (const level of [1, 2, 3, 4]) {
      expect(y(`skip${level}`)).toBe(y(`enc${level}`));
      expect(x(`skip${level}`)).toBeGreaterThan(x(`enc${level}`));
      expect(x(`dec${level}`)).toBeGreaterThan(x('bottleneck'));
      expect(x(`enc${level}`)).toBeLessThan(x('bottleneck'));
    }
    expect(y('output')).toBe(0);
    expect(x('output')).toBeGreaterThan(x('dec1'));
  });

  it('puts heliaEDGE’s pre-upsampling convs on the level below their merge', () => {
    const p = uLayout(template('heliaedge-1d'));
    expect(p.pre4?.y).toBe(p.pool4?.y);
    expect(p.pre3?.y).toBe(p.enc4?.y);
    expect(p.skip3?.y).toBe(p.enc3?.y);
  });

  it('gives every node its own position', () => {
    for (const name of ['original-unet', 'heliaedge-1d', 'tiny']) {
      const design = template(name);
      const p = uLayout(design);
      const spots = new Set(Object.values(p).map((q) => `${q.x},${q.y}`));
      expect(Object.keys(p).sort()).toEqual(design.model.nodes.map((n) => n.id).sort());
      expect(spots.size).toBe(design.model.nodes.length);
    }
  });

  it('falls back to layers for graphs without levels, and tolerates cycles', () => {
    const flat = uLayout(chainDesign(['input', 'conv', 'conv', 'output']));
    expect([0, 1, 2, 3].map((i) => flat[`n${i}`]?.x)).toEqual([0, 280, 560, 840]);
    const cyclic = uLayout(chainDesign(['input', 'conv', 'conv', 'output'], [['n2', 'n1']]));
    expect(Object.keys(cyclic)).toHaveLength(4);
    const unpaired = uLayout(chainDesign(['input', 'upconv', 'conv', 'output']));
    expect(unpaired.n3?.x).toBeGreaterThan(unpaired.n2?.x ?? Infinity);
  });
});
