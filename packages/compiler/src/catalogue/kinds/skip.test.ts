import { describe, expect, it } from 'vitest';
import { lowerKind, shape } from '../../../test/net';
import { symDim } from '../../shape/dimMath';
import { formatShape } from '../../shape/shapeOps';

const out = (l: ReturnType<typeof lowerKind>): string =>
  l.result ? formatShape(l.result.shape) : 'none';
const ops = (l: ReturnType<typeof lowerKind>) => l.result?.ops ?? [];

describe('skip merge', () => {
  it('concatenates equal maps with no alignment op, skip first by default', () => {
    const l = lowerKind('skip', {}, { skip: shape(64, 32, 32), up: shape(64, 32, 32) });
    expect(out(l)).toBe('128×32×32');
    expect(ops(l).map((op) => [op.op, op.inputs])).toEqual([['concat', ['src:skip', 'src:up']]]);
    const upFirst = lowerKind(
      'skip',
      { order: 'up-first' },
      { skip: shape(64, 32, 32), up: shape(32, 32, 32) },
    );
    expect(ops(upFirst)[0]?.inputs).toEqual(['src:up', 'src:skip']);
  });

  it('crops the skip to the decoder size from floor(diff/2)', () => {
    const l = lowerKind(
      'skip',
      { align: 'crop' },
      { skip: shape(512, 64, 65), up: shape(512, 56, 56) },
    );
    expect(out(l)).toBe('1024×56×56');
    expect(ops(l)[0]).toMatchObject({ op: 'crop', begin: [4, 4], inputs: ['src:skip'] });
    expect(ops(l)[1]?.inputs).toEqual(['n/crop', 'src:up']);
  });

  it('pads the decoder map: before floor(diff/2), after the rest', () => {
    const l = lowerKind(
      'skip',
      { align: 'pad' },
      { skip: shape(64, 25, 27), up: shape(64, 24, 24) },
    );
    expect(out(l)).toBe('128×25×27');
    expect(ops(l)[0]).toMatchObject({
      op: 'pad',
      before: [0, 1],
      after: [1, 2],
      inputs: ['src:up'],
    });
  });

  it('resizes the decoder map to the skip size', () => {
    const l = lowerKind(
      'skip',
      { align: 'resize' },
      { skip: shape(64, 161, 161), up: shape(64, 160, 160) },
    );
    expect(ops(l)[0]).toMatchObject({ op: 'resize', shape: { spatial: [161, 161] } });
  });

  it('reports SKIP_SIZE_MISMATCH for align none, suggesting crop for valid nets and pad otherwise', () => {
    const inputs = { skip: shape(64, 64, 64), up: shape(64, 56, 56) };
    const valid = lowerKind('skip', {}, inputs, 2, true);
    expect(valid.result).toBeNull();
    expect(valid.diagnostics[0]).toMatchObject({
      code: 'SKIP_SIZE_MISMATCH',
      fix: { edits: [{ params: { align: 'crop' } }] },
    });
    expect(lowerKind('skip', {}, inputs).diagnostics[0]?.fix?.edits[0]).toMatchObject({
      params: { align: 'pad' },
    });
    const larger = lowerKind('skip', {}, { skip: shape(64, 63), up: shape(64, 64) }, 1);
    expect(larger.diagnostics[0]?.fix?.edits[0]).toMatchObject({ params: { align: 'resize' } });
    expect(larger.diagnostics[0]?.message).not.toContain('different levels');
  });

  it('points at the wiring when the maps come from different levels', () => {
    const l = lowerKind('skip', {}, { skip: shape(64, 64, 64), up: shape(64, 16, 16) });
    expect(l.diagnostics[0]?.message).toContain('different levels');
  });

  it('reports SKIP_CROP_NEGATIVE and SKIP_PAD_NEGATIVE when the decoder map is larger', () => {
    const inputs = { skip: shape(8, 10, 10), up: shape(8, 12, 12) };
    expect(lowerKind('skip', { align: 'crop' }, inputs).diagnostics[0]?.code).toBe(
      'SKIP_CROP_NEGATIVE',
    );
    expect(lowerKind('skip', { align: 'pad' }, inputs).diagnostics[0]?.code).toBe(
      'SKIP_PAD_NEGATIVE',
    );
  });

  it('adds equal-channel maps and reports CHANNEL_MISMATCH otherwise', () => {
    expect(
      out(lowerKind('skip', { merge: 'add' }, { skip: shape(8, 4, 4), up: shape(8, 4, 4) })),
    ).toBe('8×4×4');
    const bad = lowerKind('skip', { merge: 'add' }, { skip: shape(8, 4, 4), up: shape(16, 4, 4) });
    expect(bad.diagnostics[0]?.code).toBe('CHANNEL_MISMATCH');
  });

  it('crops by a fixed amount between open sizes, and refuses a difference that grows with the input', () => {
    const h = symDim('H');
    const l = lowerKind(
      'skip',
      { align: 'crop' },
      {
        skip: { channels: 8, spatial: [{ ...h, b: [-4, 1] }] },
        up: { channels: 8, spatial: [{ ...h, b: [-180, 1] }] },
      },
      1,
    );
    expect(ops(l)[0]).toMatchObject({ op: 'crop', begin: [88] });
    const growing = lowerKind(
      'skip',
      { align: 'crop' },
      {
        skip: { channels: 8, spatial: [h] },
        up: { channels: 8, spatial: [{ ...h, a: [1, 2] }] },
      },
      1,
    );
    expect(growing.diagnostics[0]?.code).toBe('SKIP_SIZE_MISMATCH');
  });
});
