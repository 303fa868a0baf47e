import { readFileSync } from 'node:fs';
import { findTemplate, serializeDesign } from '@unet-studio/compiler';
import { describe, expect, it } from 'vitest';
import { NO_VIEWS } from '../flow/views';
import { chainDesign } from '../state/testDesign';
import { importBytes, importText, type ImportOutcome } from './importDocument';
import { embedPngText } from './pngText';
import { renderCanvasSvg } from './svgExport';

const YAML = `model:
  name: unet
  parameters:
    in_channels: 1
    out_channels: 2
    features: [8, 16, 32]
`;

/** The message of a refused import (fails the test when the import succeeded). */
function refusal(outcome: ImportOutcome): string {
  if (outcome.ok) throw new Error(`expected a refusal, got a ${outcome.what}`);
  return outcome.message;
}

function small() {
  const t = findTemplate('small');
  if (!t) throw new Error('template small is missing');
  return t.build();
}

describe('file import', () => {
  it('reads every supported kind of document', () => {
    const design = importText(serializeDesign(chainDesign()));
    expect(design).toMatchObject({ ok: true, what: 'design', design: { name: 'chain' } });
    const yaml = importText(YAML);
    expect(yaml.ok && yaml.design.model.nodes.filter((n) => n.kind === 'pool')).toHaveLength(2);
    const json = importText(
      JSON.stringify({ model: { name: 'unet', parameters: { features: [8, 16] } } }),
    );
    expect(json).toMatchObject({ ok: true, what: 'ModelManager config' });
    const python = importText(
      "model_manager.create_model('unet', features=[8, 16, 32], bilinear=False)",
    );
    expect(python).toMatchObject({ ok: true, what: 'Python create_model line' });
    const helia = importText(
      JSON.stringify({
        name: 'unet',
        input_shape: [256, 1],
        params: {
          blocks: [{ filters: 8, strides: [1, 2], kernel: [1, 5], pool: [1, 3] }],
          output_kernel_size: [1, 5],
          num_classes: 2,
        },
      }),
    );
    expect(helia).toMatchObject({ ok: true, what: 'UNetParams file' });
    const task = importText(
      readFileSync(
        new URL(
          '../../../../packages/compiler/fixtures/heliaedge-kits/heartkit-segmentation-class-4-unet.json',
          import.meta.url,
        ),
        'utf8',
      ),
    );
    expect(task).toMatchObject({ ok: true, what: 'UNetParams file' });
    expect(task.ok && task.design.model.nodes.find((n) => n.kind === 'input')?.params).toEqual({
      dims: 1,
      channels: 1,
      size: [256],
    });
  });

  it('names the bad field of a malformed file', () => {
    const bad = importText(YAML.replace('[8, 16, 32]', '[8, -16, 32]'));
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/model\.parameters\.features\[1\]/);
    const unknown = importText(YAML.replace('in_channels: 1', 'in_chanels: 1'));
    expect(!unknown.ok && unknown.message).toMatch(/in_chanels/);
    const design = JSON.parse(serializeDesign(chainDesign())) as {
      model: { nodes: { kind: string }[] };
    };
    const node = design.model.nodes[1];
    if (node) node.kind = 'laser';
    const badDesign = importText(JSON.stringify(design));
    expect(!badDesign.ok && badDesign.message).toMatch(/model\.nodes\[1\]/);
  });

  it('refuses foreign and broken files with a reason', () => {
    expect(refusal(importText('{"format":"excalidraw"}'))).toMatch(/format: "excalidraw"/);
    expect(refusal(importText('{"hello": 1}'))).toMatch(/hello/);
    expect(refusal(importText('{ not json'))).toMatch(/JSON/);
    expect(refusal(importText('just: [a, yaml, list]'))).toMatch(/not a design/);
    expect(refusal(importText('   '))).toBe('The file is empty.');
    expect(refusal(importText("create_model('resnet', depth=50)"))).toMatch(/not a U-Net/);
    expect(refusal(importBytes(new Uint8Array([0xff, 0xfe, 0x00, 0x81]), 'blob.bin'))).toMatch(
      /blob\.bin/,
    );
    expect(refusal(importText('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toMatch(
      /no U-Net Studio design/,
    );
  });

  it('reopens a design embedded in an exported SVG', () => {
    const d = small();
    const text = serializeDesign(d);
    const svg = renderCanvasSvg({ nodes: [], edges: [] }, NO_VIEWS, text, 'x <&> "y"');
    expect(svg).toContain('<title>x &lt;&amp;&gt; &quot;y&quot;</title>');
    const back = importText(svg);
    expect(back.ok && serializeDesign(back.design)).toBe(text);
  });

  it('reports a PNG without a design, and a truncated one', () => {
    const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 0]);
    expect(refusal(importBytes(png, 'shot.png'))).toMatch(/shot\.png/);
    expect(() => embedPngText(png, 'x')).toThrow();
  });
});
