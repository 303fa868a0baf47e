import { describe, expect, it } from 'vitest';
import type { Design, DesignNode } from '../../design/schema';
import { findTemplate } from '../../templates/index';
import { designToUNetParams } from './fromDesign';

function template(name: string): Design {
  const t = findTemplate(name);
  if (!t) throw new Error(name);
  return t.build();
}

function setParams(design: Design, id: string, params: Record<string, unknown>): Design {
  const nodes = design.model.nodes.map((n) =>
    n.id === id ? ({ ...n, params: { ...n.params, ...params } } as DesignNode) : n,
  );
  return { ...design, model: { ...design.model, nodes } };
}

describe('designToUNetParams', () => {
  it('reads the heartkit template back', () => {
    const r = designToUNetParams(template('heliaedge-1d'));
    expect(r).toMatchObject({
      ok: true,
      value: { inputShape: [256, 1], params: { num_classes: 4, output_kernel_size: [1, 5] } },
    });
    expect(
      r.ok &&
        r.value.params.blocks.map((b) => [b.filters, b.depth, b.ddepth, b.kernel, b.seperable]),
    ).toEqual([
      [12, 2, 1, [1, 5], true],
      [24, 2, 1, [1, 5], true],
      [32, 2, 1, [1, 5], true],
      [48, 2, 1, [1, 5], true],
    ]);
  });

  it('names the node that breaks heliaEDGE’s pattern', () => {
    expect(designToUNetParams(template('modelmanager-unet'))).toEqual({
      ok: false,
      issues: [
        {
          nodeId: 'enc1',
          message:
            'batch norm (eps 0.00001, momentum 0.1); heliaEDGE uses BatchNormalization (eps 1e-3, momentum 0.99, i.e. 0.01 here), LayerNormalization (eps 1e-3) or none',
        },
      ],
    });
    const bilinear = setParams(template('heliaedge-1d'), 'up2', { mode: 'bilinear' });
    expect(designToUNetParams(bilinear)).toEqual({
      ok: false,
      issues: [
        {
          nodeId: 'up2',
          message: 'bilinear upsampling, heliaEDGE uses UpSampling2D (nearest, no conv)',
        },
      ],
    });
    const sigmoid = setParams(template('heliaedge-1d'), 'output', { activation: 'sigmoid' });
    expect(designToUNetParams(sigmoid)).toEqual({
      ok: false,
      issues: [
        { nodeId: 'output', message: 'sigmoid output, heliaEDGE heads end in logits or softmax' },
      ],
    });
  });

  it('requires the decoder convs to reuse the deepest block’s last dilation', () => {
    const dilated = setParams(template('heliaedge-1d'), 'enc4', { dilation: 2 });
    expect(designToUNetParams(dilated)).toEqual({
      ok: false,
      issues: [
        {
          nodeId: 'pre4',
          message:
            "dilation [1,1], heliaEDGE's decoder convs reuse the deepest block's last dilation, [1,2] (constant)",
        },
      ],
    });
    let fixed = dilated;
    for (const id of ['pre4', 'pre3', 'pre2', 'pre1'])
      fixed = setParams(fixed, id, { dilation: 2 });
    expect(designToUNetParams(fixed)).toMatchObject({
      ok: true,
      value: { params: { blocks: [{}, {}, {}, { dilation: [1, 2] }] } },
    });
  });

  it('reads a level without a merge as skip false', () => {
    const base = template('heliaedge-1d');
    const nodes = base.model.nodes.filter((n) => n.id !== 'skip2' && n.id !== 'red2');
    const edges = base.model.edges
      .filter((e) => !['skip2', 'red2'].includes(e.source) && !['skip2', 'red2'].includes(e.target))
      .concat({
        id: 'up2-post2',
        source: 'up2',
        sourcePort: 'out',
        target: 'post2',
        targetPort: 'in',
      });
    const r = designToUNetParams({ ...base, model: { nodes, edges } });
    expect(r.ok && r.value.params.blocks.map((b) => b.skip)).toEqual([true, false, true, true]);
  });
});
