import { findTemplate } from '@unet-studio/compiler';
import { describe, expect, it } from 'vitest';
import { blankDesign } from '../state/blankDesign';
import { connect, removeElements } from '../state/designEdits';
import { chainDesign } from '../state/testDesign';
import { autoLayout, elkLayout, uShapedLayout } from './autoLayout';

describe('auto-layout', () => {
  it('lays a U-Net out as a U: encoder going down, bottleneck lowest, skips horizontal', async () => {
    const template = findTemplate('small');
    if (!template) throw new Error('template small is missing');
    const d = template.build();
    const p = await autoLayout(d);
    expect(Object.keys(p).sort()).toEqual(d.model.nodes.map((n) => n.id).sort());
    const y = (id: string): number => p[id]?.y ?? NaN;
    expect(y('enc1')).toBeLessThan(y('enc2'));
    expect(y('enc2')).toBeLessThan(y('enc3'));
    expect(y('bottleneck')).toBeGreaterThan(y('enc3'));
    expect(y('skip1')).toBe(y('enc1'));
    expect(p.skip1?.x).toBeGreaterThan(p.enc1?.x ?? Infinity);
  });

  it('uses the layered layout for graphs without U-Net levels', async () => {
    let flat = removeElements(chainDesign(), ['pool1', 'up1', 'skip1']);
    flat = connect(flat, {
      source: 'enc1',
      sourcePort: 'out',
      target: 'mid',
      targetPort: 'in',
    }).design;
    flat = connect(flat, {
      source: 'mid',
      sourcePort: 'out',
      target: 'dec1',
      targetPort: 'in',
    }).design;
    expect(uShapedLayout(flat)).toBeNull();
    expect(uShapedLayout(blankDesign())).toBeNull();
    const p = await elkLayout(flat);
    const x = (id: string): number => p[id]?.x ?? NaN;
    expect(x('input')).toBeLessThan(x('enc1'));
    expect(x('enc1')).toBeLessThan(x('mid'));
    expect(x('mid')).toBeLessThan(x('dec1'));
    expect(x('dec1')).toBeLessThan(x('output'));
  });
});
