import { describe, expect, it } from 'vitest';
import type { Design, DesignNode } from '../../design/schema';
import { findTemplate } from '../../templates/index';
import { designToModelManager } from './fromDesign';

function template(name: string): Design {
  const t = findTemplate(name);
  if (!t) throw new Error(name);
  return t.build();
}

function edit(design: Design, id: string, change: (node: DesignNode) => DesignNode): Design {
  const nodes = design.model.nodes.map((n) => (n.id === id ? change(n) : n));
  return { ...design, model: { ...design.model, nodes } };
}

function setConv(design: Design, id: string, params: Record<string, unknown>): Design {
  return edit(design, id, (n) => ({ ...n, params: { ...n.params, ...params } }) as DesignNode);
}

describe('designToModelManager', () => {
  it('reads the platform template back as its create_model arguments', () => {
    expect(designToModelManager(template('modelmanager-unet'))).toEqual({
      ok: true,
      value: {
        params: {
          in_channels: 3,
          out_channels: 1,
          features: [64, 128, 256, 512, 1024],
          activation: 'relu',
          normalization: 'batchnorm',
          bilinear: true,
        },
        inputSize: [256, 256],
      },
    });
  });

  it('reads the transposed-conv study templates as bilinear=False', () => {
    const r = designToModelManager(template('tiny'));
    expect(r).toMatchObject({
      ok: true,
      value: { params: { features: [8, 16, 32], bilinear: false } },
    });
  });

  it('names the node and the reason when a conv does not fit', () => {
    const r = designToModelManager(setConv(template('modelmanager-unet'), 'dec2', { kernel: 5 }));
    expect(r).toEqual({
      ok: false,
      issues: [{ nodeId: 'dec2', message: 'kernel 5, ModelManager convs are 3×3' }],
    });
  });

  it('explains why the other seeds are not ModelManager models', () => {
    expect(designToModelManager(template('original-unet'))).toEqual({
      ok: false,
      issues: [{ nodeId: 'enc1', message: 'padding valid, ModelManager convs are same-padded' }],
    });
    expect(designToModelManager(template('basic-pytorch-unet'))).toEqual({
      ok: false,
      issues: [
        {
          nodeId: 'skip4',
          message: 'align resize, ModelManager zero-pads the upsampled map (align pad)',
        },
      ],
    });
    expect(designToModelManager(template('heliaedge-1d'))).toEqual({
      ok: false,
      issues: [{ nodeId: 'input', message: 'a 1D input, ModelManager models are 2D' }],
    });
  });

  it('needs one activation and one normalization for the whole network', () => {
    const mixed = setConv(template('tiny'), 'dec1', { activation: { type: 'elu', alpha: null } });
    expect(designToModelManager(mixed)).toEqual({
      ok: false,
      issues: [
        {
          nodeId: 'dec1',
          message: 'activation elu, but enc1 uses relu; a ModelManager config has one activation',
        },
      ],
    });
    const slope = setConv(template('tiny'), 'enc1', {
      activation: { type: 'leaky_relu', alpha: 0.3 },
    });
    expect(designToModelManager(slope)).toMatchObject({
      ok: false,
      issues: [
        { nodeId: 'enc1', message: expect.stringContaining('leaky_relu (alpha 0.3)') as unknown },
      ],
    });
  });

  it('rejects a sigmoid head: the platform returns logits', () => {
    const sigmoid = edit(
      template('tiny'),
      'output',
      (n) => ({ ...n, params: { ...n.params, activation: 'sigmoid' } }) as DesignNode,
    );
    expect(designToModelManager(sigmoid)).toEqual({
      ok: false,
      issues: [
        {
          nodeId: 'output',
          message: 'sigmoid output, ModelManager returns logits (activation none)',
        },
      ],
    });
  });

  it('reports graphs that are not one path with skips', () => {
    const base = template('tiny');
    const stray: Design = {
      ...base,
      model: {
        ...base.model,
        nodes: [
          ...base.model.nodes,
          { id: 'extra', kind: 'dropout', params: { rate: 0.5, spatial: false } },
        ],
      },
    };
    expect(designToModelManager(stray)).toEqual({
      ok: false,
      issues: [{ nodeId: 'extra', message: 'not on the path from the input to the output' }],
    });
    const branch: Design = {
      ...base,
      model: {
        nodes: [
          ...base.model.nodes,
          { id: 'side', kind: 'dropout', params: { rate: 0.5, spatial: false } },
        ],
        edges: [
          ...base.model.edges,
          { id: 'x', source: 'enc1', sourcePort: 'out', target: 'side', targetPort: 'in' },
        ],
      },
    };
    expect(designToModelManager(branch)).toMatchObject({
      ok: false,
      issues: [{ nodeId: 'enc1', message: expect.stringContaining('feeds two layers') as unknown }],
    });
    const empty: Design = { ...base, model: { nodes: [], edges: [] } };
    expect(designToModelManager(empty)).toEqual({
      ok: false,
      issues: [{ nodeId: null, message: 'the design has no input node' }],
    });
  });

  it('checks that each skip comes from the matching encoder level', () => {
    const base = template('small');
    const edges = base.model.edges.map((e) =>
      e.target === 'skip1' && e.targetPort === 'skip' ? { ...e, source: 'enc2' } : e,
    );
    expect(designToModelManager({ ...base, model: { ...base.model, edges } })).toMatchObject({
      ok: false,
      issues: [
        {
          nodeId: 'skip1',
          message: 'its skip comes from another level than the matching encoder block',
        },
      ],
    });
  });
});
