import { findTemplate, type Design } from '@unet-studio/compiler';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { packageName, pytorchZip } from './pytorchZip';

const small = (): Design => {
  const t = findTemplate('small');
  if (!t) throw new Error('no small template');
  return t.build();
};

describe('pytorchZip', () => {
  it('holds model.py, train.py and README.md in a folder named after the design', () => {
    const design = { ...small(), name: 'My U-Net: v2' };
    const zip = pytorchZip(design);
    if (!zip.ok) throw new Error(zip.errors.join('; '));
    expect(zip.fileName).toBe('My-U-Net-v2-pytorch.zip');
    const files = unzipSync(zip.bytes);
    expect(Object.keys(files).sort()).toEqual([
      'My-U-Net-v2-pytorch/README.md',
      'My-U-Net-v2-pytorch/model.py',
      'My-U-Net-v2-pytorch/predict.py',
      'My-U-Net-v2-pytorch/train.py',
    ]);
    expect(strFromU8(files['My-U-Net-v2-pytorch/model.py']!)).toContain('class ');
  });

  it('adds weights.pt when weights are given', () => {
    const zip = pytorchZip(small(), new Uint8Array([1, 2, 3]));
    if (!zip.ok) throw new Error(zip.errors.join('; '));
    const files = unzipSync(zip.bytes);
    expect(Array.from(files[`${packageName(small().name)}/weights.pt`] ?? [])).toEqual([1, 2, 3]);
  });

  it('refuses a design that does not compile, saying why', () => {
    const design = small();
    const broken = {
      ...design,
      model: { ...design.model, edges: design.model.edges.slice(1) },
    };
    const zip = pytorchZip(broken);
    expect(zip.ok).toBe(false);
    if (!zip.ok) expect(zip.errors.length).toBeGreaterThan(0);
  });
});
