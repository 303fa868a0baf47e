import { describe, expect, it } from 'vitest';
import { DESIGN_VERSION } from './schema';
import { MIGRATIONS, migrateDesign, type Migration } from './migrations';

/** A test-local format history: version 0 called the model `graph`. */
const renameGraph: Migration = {
  from: 0,
  up: ({ graph, ...rest }) => ({ ...rest, model: graph }),
};
const v0 = { format: 'unet-studio/design', version: 0, graph: { nodes: [], edges: [] } };

describe('migrateDesign', () => {
  it('has no migrations for version 1 and passes a current document through', () => {
    expect(MIGRATIONS).toEqual([]);
    const doc = {
      format: 'unet-studio/design',
      version: DESIGN_VERSION,
      model: { nodes: [], edges: [] },
    };
    expect(migrateDesign(doc)).toEqual({ ok: true, value: doc });
  });

  it('runs the steps in order and bumps the version', () => {
    const r = migrateDesign(v0, [renameGraph], 1);
    expect(r).toEqual({
      ok: true,
      value: { format: 'unet-studio/design', version: 1, model: { nodes: [], edges: [] } },
    });
  });

  it('chains several steps', () => {
    const addName: Migration = { from: 1, up: (doc) => ({ ...doc, name: 'upgraded' }) };
    const r = migrateDesign(v0, [addName, renameGraph], 2);
    expect(r.ok && r.value).toMatchObject({ version: 2, name: 'upgraded', model: { nodes: [] } });
  });

  it('rejects future, unknown and malformed versions with a clear message', () => {
    expect(migrateDesign({ version: 7 })).toMatchObject({
      ok: false,
      issues: [{ path: 'version', message: expect.stringContaining('newer') as string }],
    });
    expect(migrateDesign(v0)).toMatchObject({
      ok: false,
      issues: [{ message: expect.stringContaining('no upgrade from version 0') as string }],
    });
    expect(migrateDesign({ version: '1' })).toMatchObject({
      ok: false,
      issues: [{ path: 'version' }],
    });
    expect(migrateDesign({})).toMatchObject({ ok: false, issues: [{ path: 'version' }] });
    expect(migrateDesign(null)).toMatchObject({ ok: false, issues: [{ path: '' }] });
  });

  it('reports a step that throws instead of throwing', () => {
    const broken: Migration = {
      from: 0,
      up: () => {
        throw new Error('graph missing');
      },
    };
    expect(migrateDesign(v0, [broken], 1)).toMatchObject({
      ok: false,
      issues: [{ message: expect.stringContaining('graph missing') as string }],
    });
  });
});
