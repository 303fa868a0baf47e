import { compile, type CompiledDesign, type Diagnostic } from '@unet-studio/compiler';
import { describe, expect, it } from 'vitest';
import { setNodeParams } from '../state/designEdits';
import { chainDesign } from '../state/testDesign';
import { deriveViews, UNKNOWN_NODE } from './views';

/** A compilation with just the fields the views read. */
function fakeCompiled(diagnostics: Diagnostic[]): CompiledDesign {
  return {
    diagnostics,
    nodes: {
      enc1: {
        shape: { channels: 64, spatial: [284, 284] },
        cost: { trainable: 1792, nonTrainable: 128, macs: 1, activationBytes: 1 },
      },
    },
    edgeShapes: { e2: { channels: 64, spatial: [284, 284] } },
  } as unknown as CompiledDesign;
}

const mismatch: Diagnostic = {
  code: 'SKIP_SIZE_MISMATCH',
  severity: 'error',
  message: 'sizes differ',
  nodeId: 'skip1',
};

/** The ids whose view object differs between two derivations. */
function changed<T>(a: ReadonlyMap<string, T>, b: ReadonlyMap<string, T>): string[] {
  return [...b.keys()].filter((id) => a.get(id) !== b.get(id));
}

describe('deriveViews', () => {
  it('shows shapes, parameter counts and problems where they belong', () => {
    const views = deriveViews(
      fakeCompiled([mismatch, { ...mismatch, nodeId: undefined, edgeId: 'e9' }]),
    );
    expect(views.nodes.get('enc1')).toMatchObject({ shape: '64×284×284', params: 1920 });
    expect(views.nodes.get('skip1')).toMatchObject({
      shape: null,
      problems: [{ code: 'SKIP_SIZE_MISMATCH' }],
    });
    expect(views.edges.get('e2')?.shape).toBe('64×284×284');
    expect(views.edges.get('e9')?.problems).toHaveLength(1);
    expect(views.nodes.get('nowhere')).toBeUndefined();
    expect(UNKNOWN_NODE).toMatchObject({ shape: null, params: null, problems: [] });
  });

  it('keeps the view objects of the nodes and edges an edit did not change', () => {
    const d = chainDesign();
    const before = deriveViews(compile(d));
    // A wider decoder conv changes its own parameters and the shapes after it, nothing upstream.
    const after = deriveViews(compile(setNodeParams(d, 'dec1', { filters: 8 })), before);
    expect(changed(before.nodes, after.nodes).sort()).toEqual(['dec1', 'output']);
    expect(changed(before.edges, after.edges)).toEqual(['e8']);
    expect(after.nodes.get('dec1')?.shape).toMatch(/^8×/);
  });

  it('gives every shape a new view when the input size changes', () => {
    const d = chainDesign();
    const sized = (n: number) => {
      const input = d.model.nodes.find((x) => x.kind === 'input');
      if (input?.kind !== 'input') throw new Error('no input');
      return setNodeParams(d, 'input', { ...input.params, size: [n, n] });
    };
    const a = deriveViews(compile(sized(64)));
    const b = deriveViews(compile(sized(96)), a);
    expect(changed(a.edges, b.edges)).toHaveLength(d.model.edges.length);
    expect(b.nodes.get('enc1')?.shape).not.toBe(a.nodes.get('enc1')?.shape);
  });

  it('keeps a view whose problems are equal but newly made', () => {
    const a = deriveViews(fakeCompiled([{ ...mismatch }]));
    const b = deriveViews(fakeCompiled([{ ...mismatch }]), a);
    expect(b.nodes.get('skip1')).toBe(a.nodes.get('skip1'));
    const c = deriveViews(fakeCompiled([{ ...mismatch, message: 'other' }]), b);
    expect(c.nodes.get('skip1')?.problems).not.toBe(b.nodes.get('skip1')?.problems);
  });
});
