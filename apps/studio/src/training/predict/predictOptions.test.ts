import { describe, expect, it } from 'vitest';
import { describeTiling } from './describeTiling';
import { DEFAULT_PREDICT_FORM, readPredictForm } from './predictOptions';

describe('the predict form', () => {
  it('defaults to automatic tiling with the default overlap', () => {
    expect(readPredictForm(DEFAULT_PREDICT_FORM)).toEqual({
      ok: true,
      options: { tile: 'auto', overlap: null, resize: false },
    });
  });

  it('reads a tile size (H×W) and an overlap', () => {
    expect(readPredictForm({ mode: 'size', height: '188', width: ' 252 ', overlap: '16' })).toEqual(
      { ok: true, options: { tile: [188, 252], overlap: 16, resize: false } },
    );
    expect(readPredictForm({ ...DEFAULT_PREDICT_FORM, mode: 'off', overlap: '0' })).toEqual({
      ok: true,
      options: { tile: 'off', overlap: 0, resize: false },
    });
    expect(readPredictForm({ ...DEFAULT_PREDICT_FORM, mode: 'resize' })).toMatchObject({
      ok: true,
      options: { resize: true },
    });
  });

  it('names the wrong field', () => {
    for (const size of [
      ['', '64'],
      ['0', '64'],
      ['64', '5000'],
      ['1e3', '64'],
      ['-4', '64'],
    ])
      expect(
        readPredictForm({ mode: 'size', height: size[0]!, width: size[1]!, overlap: '' }),
      ).toEqual({ ok: false, message: 'Tile height and width must be whole numbers, 1–4096' });
    expect(readPredictForm({ ...DEFAULT_PREDICT_FORM, overlap: '2.5' })).toEqual({
      ok: false,
      message: 'Overlap must be a whole number of pixels, 0–4096',
    });
  });
});

describe('the tiling line', () => {
  it('says columns × rows of tiles, their size and overlap', () => {
    expect(
      describeTiling(
        { input: [188, 188], output: [188, 188], tiles: [2, 3], overlap: [16, 16] },
        null,
      ),
    ).toBe('3×2 tiles of 188×188, overlap 16');
    expect(
      describeTiling(
        { input: [572, 572], output: [388, 388], tiles: [2, 2], overlap: [4, 0] },
        null,
      ),
    ).toBe('2×2 tiles of 572×572 (388×388 out), overlap 0×4');
  });

  it('says when the image went through in one pass or was resized', () => {
    expect(
      describeTiling(
        { input: [704, 1008], output: [704, 1008], tiles: [1, 1], overlap: [0, 0] },
        null,
      ),
    ).toBe('whole image in one pass, input 1008×704');
    expect(describeTiling(null, [32, 48])).toBe('resized to 48×32 and back');
  });
});
