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
      ['milesial-unet', null],
      ['small', null],
      ['tiny', null],
    ]);
  });

  for (const t of TEMPLATES) {
    it(`${t.name} builds a valid, named, laid-out design citing its seed`, () => {
      const design = t.build();
      expect(zDesign.parse(design)).toEqual(design);
      expect(design.name).not.toBe('Untitled design');
      const cites = t.seed
        ? new RegExp(`[Ss]eed ${t.seed}`)
        : t.name === 'milesial-unet'
          ? /milesial\/Pytorch-UNet/
          : /seed 000/;
      expect(design.description).toMatch(cites);
      expect(Object.keys(design.layout.positions).sort()).toEqual(
        design.model.nodes.map((n) => n.id).sort(),
      );
    });
  }

  it('names the reference implementation and its merge order, upsampling and norm', () => {
    for (const t of TEMPLATES) {
      expect(t.description, t.name).toMatch(/\[(skip, up|up, skip)\]/);
      expect(t.description, t.name).toMatch(/upsampl|up-conv|ConvTranspose2d/);
      expect(t.description, t.name).toMatch(/BatchNorm|no norm/);
      expect(t.description, t.name).toMatch(/\.py|unet_layer|Pytorch-UNet/);
    }
  });

  it("builds milesial's bilinear U-Net with its half-width decoder middle convs", () => {
    const design = findTemplate('milesial-unet')?.build();
    const widths = design?.model.nodes
      .filter((n) => n.kind === 'conv' && n.id.startsWith('dec'))
      .map((n) => [n.id, n.kind === 'conv' ? n.params.filters : 0]);
    expect(widths).toEqual([
      ['dec4a', 512],
      ['dec4b', 256],
      ['dec3a', 256],
      ['dec3b', 128],
      ['dec2a', 128],
      ['dec2b', 64],
      ['dec1a', 64],
      ['dec1b', 64],
    ]);
  });

  it('builds a fresh design on every call', () => {
    const t = findTemplate('tiny');
    const a = t?.build();
    const b = t?.build();
    a?.model.nodes.pop();
    expect(b?.model.nodes.length).toBe((a?.model.nodes.length ?? 0) + 1);
  });

  it('carries the training setups of Carvana and the paper', () => {
    const { augment, ...carvana } = findTemplate('carvana')!.build().training;
    expect(Object.values(augment).filter((family) => family.enabled)).toEqual([]);
    expect(carvana).toEqual({
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
