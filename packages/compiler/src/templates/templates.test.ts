import { describe, expect, it } from 'vitest';
import { zDesign } from '../design/schema';
import { findTemplate, TEMPLATES } from './index';

describe('TEMPLATES', () => {
  it('lists the seed templates and the study ones, with unique names', () => {
    expect(TEMPLATES.map((t) => [t.name, t.seed])).toEqual([
      ['modelmanager-unet', '000'],
      ['heliaedge-1d', '001'],
      ['basic-pytorch-unet', '002'],
      ['carvana', '003'],
      ['original-unet', '004'],
      ['small', null],
      ['tiny', null],
    ]);
  });

  for (const t of TEMPLATES) {
    it(`${t.name} builds a valid, named, laid-out design citing its seed`, () => {
      const design = t.build();
      expect(zDesign.parse(design)).toEqual(design);
      expect(design.name).not.toBe('Untitled design');
      expect(design.description).toMatch(t.seed ? new RegExp(`[Ss]eed ${t.seed}`) : /seed 000/);
      expect(Object.keys(design.layout.positions).sort()).toEqual(
        design.model.nodes.map((n) => n.id).sort(),
      );
    });
  }

  it('builds a fresh design on every call', () => {
    const t = findTemplate('tiny');
    const a = t?.build();
    const b = t?.build();
    a?.model.nodes.pop();
    expect(b?.model.nodes.length).toBe((a?.model.nodes.length ?? 0) + 1);
  });

  it('carries the training setups of Carvana and the paper', () => {
    expect(findTemplate('carvana')?.build().training).toEqual({
      loss: 'bce',
      optimizer: 'adam',
      learningRate: 1e-4,
      batchSize: 16,
      epochs: 3,
      threshold: 0.5,
    });
    expect(findTemplate('original-unet')?.build().training).toMatchObject({
      loss: 'weighted_ce',
      optimizer: 'sgd',
      learningRate: 0.01,
      batchSize: 1,
    });
    expect(findTemplate('nope')).toBeUndefined();
  });
});
