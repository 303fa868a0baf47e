import { describe, expect, it } from 'vitest';
import { basicUnet, lowCodeUnet, paperUnet } from '../test/unets';
import { compile } from './compile';
import { formatShape } from './shape/shapeOps';

const outShape = (c: ReturnType<typeof compile>): string => {
  const s = c.nodes.out?.shape;
  return s ? formatShape(s) : 'none';
};
const codes = (c: ReturnType<typeof compile>): string[] => c.diagnostics.map((d) => d.code);

describe('compile: the original paper U-Net', () => {
  const c = compile(paperUnet());

  it('maps 572×572 to 2×388×388 with the paper’s level sizes', () => {
    expect(c.ok).toBe(true);
    expect(outShape(c)).toBe('2×388×388');
    const sizes = ['enc0', 'enc1', 'enc2', 'enc3', 'bottom', 'dec3', 'dec2', 'dec1', 'dec0'].map(
      (id) => c.nodes[id]?.shape?.spatial[0],
    );
    expect(sizes).toEqual([568, 280, 136, 64, 28, 52, 100, 196, 388]);
  });

  it('crops 568 to 392 at the top level, starting at 88', () => {
    const crop = c.nodes.skip0?.ops?.find((op) => op.op === 'crop');
    expect(crop).toMatchObject({ begin: [88, 88], shape: { channels: 64, spatial: [392, 392] } });
  });

  it('counts 31,030,658 parameters, all trainable', () => {
    expect(c.totals.trainable).toBe(31_030_658);
    expect(c.totals.nonTrainable).toBe(0);
  });

  it('states the rule H ≡ 12 (mod 16), H ≥ 188', () => {
    const rule = c.diagnostics.find((d) => d.code === 'INPUT_SIZE_RULE');
    expect(rule?.nodeId).toBe('in');
    expect(rule?.message).toContain('H ≡ 12 (mod 16), H ≥ 188');
    expect(c.sizeRule?.[1]).toMatchObject({ axis: 'W', modulus: 16, residues: [12], min: 188 });
  });

  it('flags 570 and offers 572', () => {
    const bad = compile(paperUnet([570, 570]));
    const d = bad.diagnostics.find(
      (x) => x.code === 'INPUT_SIZE_INVALID' || x.code === 'ODD_POOL_INPUT',
    );
    expect(d?.message).toContain('556 or 572');
    expect(d?.fix?.edits).toEqual([{ op: 'setInputSize', size: [572, 572] }]);
  });

  it('reports INPUT_SIZE_INVALID on the input when the size is too small', () => {
    const bad = compile(paperUnet([172, 572]));
    const d = bad.diagnostics.find((x) => x.code === 'INPUT_SIZE_INVALID');
    expect(d?.nodeId).toBe('in');
    expect(d?.fix?.edits).toEqual([{ op: 'setInputSize', size: [188, 572] }]);
    expect(bad.ok).toBe(false);
  });

  it('compiles an open size to H−184', () => {
    const open = compile(paperUnet([null, null]));
    expect(outShape(open)).toBe('2×H−184×W−184');
    expect(open.totals.trainable).toBe(31_030_658);
    expect(open.totals.macs).toBeNaN();
    expect(open.sizeRule?.[0]?.text).toBe('H ≡ 12 (mod 16), H ≥ 188');
  });
});

describe('compile: the low-code ModelManager U-Net', () => {
  const c = compile(lowCodeUnet());

  it('counts 31,384,833 trainable parameters and the BN running statistics apart', () => {
    expect(c.ok).toBe(true);
    expect(c.totals.trainable).toBe(31_384_833);
    // 2 × channels of every BatchNorm: 2 × 2 × (64+128+256+512+1024+512+256+128+64) = 11,776
    expect(c.totals.nonTrainable).toBe(11_776);
    expect(outShape(c)).toBe('1×256×256');
  });

  it('pads odd sizes instead of failing, with a warning and a fix', () => {
    const odd = compile(lowCodeUnet([100, 100]));
    expect(odd.ok).toBe(true);
    expect(outShape(odd)).toBe('1×100×100');
    const pad = odd.nodes.skip2?.ops?.find((op) => op.op === 'pad');
    expect(pad).toMatchObject({ before: [0, 0], after: [1, 1] });
    const warn = odd.diagnostics.find((d) => d.code === 'ODD_POOL_INPUT');
    expect(warn?.nodeId).toBe('pool3');
    expect(warn?.fix?.edits).toEqual([{ op: 'setInputSize', size: [96, 96] }]);
  });

  it('states "divisible by 16" for a same-padded 4-pool U-Net', () => {
    expect(c.diagnostics.find((d) => d.code === 'INPUT_SIZE_RULE')?.message).toContain(
      'H divisible by 16',
    );
  });
});

describe('compile: the basic PyTorch U-Net', () => {
  it('counts 31,037,633 trainable parameters', () => {
    const c = compile(basicUnet());
    expect(c.ok).toBe(true);
    expect(c.totals.trainable).toBe(31_037_633);
    expect(outShape(c)).toBe('1×160×240');
  });

  it('resizes the decoder map for a 161×161 input', () => {
    const c = compile(basicUnet([161, 161]));
    expect(outShape(c)).toBe('1×161×161');
    const resize = c.nodes.skip0?.ops?.find((op) => op.op === 'resize');
    expect(resize?.shape.spatial).toEqual([161, 161]);
    expect(codes(c)).toContain('ODD_POOL_INPUT');
  });
});

describe('compile: output', () => {
  it('emits every op in topological order only when ok', () => {
    const c = compile(basicUnet());
    const index = new Map(c.ops.map((op, i) => [op.id, i]));
    for (const op of c.ops)
      for (const input of op.inputs) expect(index.get(input)).toBeLessThan(index.get(op.id) ?? -1);
    expect(c.ops[0]?.op).toBe('input');
    expect(c.ops.at(-1)?.op).toBe('output');
    const broken = compile(paperUnet([100, 100]));
    expect(broken.ok).toBe(false);
    expect(broken.ops).toEqual([]);
  });

  it('gives every edge the shape of its source', () => {
    const c = compile(basicUnet());
    expect(c.edgeShapes['enc0-pool0.in']).toEqual({ channels: 64, spatial: [160, 240] });
  });

  it('scales MACs and activation bytes with the batch, not parameters', () => {
    const one = compile(basicUnet(), { batch: 1 });
    const four = compile(basicUnet(), { batch: 4 });
    expect(four.totals.macs).toBe(4 * one.totals.macs);
    expect(four.totals.activationBytes).toBe(4 * one.totals.activationBytes);
    expect(four.totals.trainable).toBe(one.totals.trainable);
    expect(four.batch).toBe(4);
  });

  it('applies the inputSize option to the compiled design', () => {
    const c = compile(basicUnet(), { inputSize: [64, 96] });
    expect(outShape(c)).toBe('1×64×96');
    const input = c.design.model.nodes.find((n) => n.kind === 'input');
    expect(input?.params).toMatchObject({ size: [64, 96] });
  });
});
