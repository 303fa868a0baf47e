import { describe, expect, it } from 'vitest';
import { serializeDesign } from '../design/serializeDesign';
import { findTemplate } from '../templates/index';
import { importAny } from './detect';
import { formatIssue } from './result';

describe('importAny', () => {
  it('recognises each document by its content', () => {
    const design = findTemplate('tiny')?.build();
    if (!design) throw new Error('no template');
    const cases: [string, string][] = [
      [serializeDesign(design), 'design'],
      ['{"model": {"name": "unet", "parameters": {"features": [8, 16]}}}', 'model-manager-json'],
      ['model:\n  name: unet\n', 'model-manager-yaml'],
      ["\uFEFFnet = mm.create_model('unet', features=[8, 16])", 'model-manager-python'],
      [
        '{"name": "unet", "input_shape": [32, 32, 3], "params": {"blocks": [{"filters": 4}], "num_classes": 1}}',
        'unet-params',
      ],
    ];
    for (const [text, kind] of cases)
      expect(importAny(text)).toMatchObject({ ok: true, value: { kind } });
  });

  it('passes the input size to configs that lack one', () => {
    const r = importAny('model:\n  name: unet\n', { inputSize: [96, 64] });
    expect(r.ok && r.value.design.model.nodes[0]?.params).toMatchObject({ size: [96, 64] });
  });

  it('says what it expected for anything else', () => {
    const lines = (text: string) => {
      const r = importAny(text);
      return r.ok ? [] : r.issues.map(formatIssue);
    };
    expect(lines('{"hello": 1}')[0]).toContain('not a design ("format": "unet-studio/design")');
    expect(lines('just words')[0]).toContain('not a design, a ModelManager config');
    expect(
      lines(
        '{"format": "unet-studio/design", "version": 1, "model": {"nodes": [{"id": "a", "kind": "warp"}], "edges": []}}',
      )[0],
    ).toMatch(/^model\.nodes\[0\]/);
    expect(lines('\u0000\u0001binary')).toHaveLength(1);
  });
});
