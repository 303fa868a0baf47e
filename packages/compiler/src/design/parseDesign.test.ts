import { describe, expect, it } from 'vitest';
import { paperUnet } from '../../test/unets';
import { formatPath, parseDesign } from './parseDesign';

const minimal = (nodes: unknown[], edges: unknown[] = []) => ({
  format: 'unet-studio/design',
  version: 1,
  model: { nodes, edges },
});

describe('parseDesign', () => {
  it('fills every default of a minimal document', () => {
    const r = parseDesign(
      minimal([{ id: 'c', kind: 'conv' }], [{ id: 'e', source: 'a', target: 'c' }]),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.name).toBe('Untitled design');
    expect(r.value.model.nodes[0]).toMatchObject({
      kind: 'conv',
      params: { filters: 64, depth: 2, norm: { type: 'batch' } },
    });
    expect(r.value.model.edges[0]).toMatchObject({ sourcePort: 'out', targetPort: 'in' });
    expect(r.value.layout).toEqual({ positions: {}, colors: {}, groups: [] });
  });

  it('names the path of a bad field', () => {
    const r = parseDesign(
      minimal([
        { id: 'a', kind: 'input' },
        { id: 'b', kind: 'conv', params: { filters: 0 } },
      ]),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path)).toEqual(['model.nodes[1].params.filters']);
  });

  it('lists the valid kinds for an unknown kind', () => {
    const r = parseDesign(minimal([{ id: 'a', kind: 'attention' }]));
    expect(r.ok ? [] : r.issues).toEqual([
      {
        path: 'model.nodes[0].kind',
        message: expect.stringContaining('expected one of input, output, conv') as string,
      },
    ]);
  });

  it('rejects text that is not JSON, non-objects, wrong formats and bad ids', () => {
    expect(parseDesign('{ nope').ok).toBe(false);
    expect(parseDesign([1, 2])).toMatchObject({ ok: false, issues: [{ path: '' }] });
    expect(parseDesign({ ...minimal([]), format: 'other' })).toMatchObject({
      ok: false,
      issues: [{ path: 'format' }],
    });
    expect(parseDesign(minimal([{ id: 'has space', kind: 'add' }]))).toMatchObject({
      ok: false,
      issues: [{ path: 'model.nodes[0].id' }],
    });
  });

  it('reads a JSON string and round-trips a built design', () => {
    const design = paperUnet();
    const r = parseDesign(JSON.stringify(design));
    expect(r.ok && r.value).toEqual(design);
  });

  it('formats paths with indices in brackets', () => {
    expect(formatPath(['model', 'nodes', 3, 'params', 'filters'])).toBe(
      'model.nodes[3].params.filters',
    );
    expect(formatPath([])).toBe('');
  });
});
