import { readFileSync } from 'node:fs';
import { compile, importAny, type Design } from '@unet-studio/compiler';
import { describe, expect, it } from 'vitest';
import { importWithContext, type ImportContextRequest } from './importContext';
import { initialForm, readForm } from './importContextForm';
import { importText, type ImportOutcome } from './importDocument';

const kit = (file: string): string =>
  readFileSync(
    new URL(`../../../../packages/compiler/fixtures/heliaedge-kits/${file}`, import.meta.url),
    'utf8',
  );
const SECTION = kit('heartkit-segmentation-class-4-unet.architecture.json');

/** The request of an import that asks for context (fails the test otherwise). */
function asked(outcome: ImportOutcome): ImportContextRequest {
  if (outcome.ok || !outcome.context) throw new Error(`expected a question, got ${outcome.ok}`);
  return outcome.context;
}

function opened(outcome: ImportOutcome): Design {
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.design;
}

const totals = (design: Design) => {
  const { trainable, nonTrainable } = compile(design).totals;
  return { trainable, nonTrainable };
};

describe('a heliaEDGE section without its input size and class count', () => {
  it('asks for both instead of stopping, hinting at a 1D input that fits the section', () => {
    const outcome = importText(SECTION);
    expect(outcome.ok ? '' : outcome.message).toMatch(/input_shape: is missing/);
    const request = asked(outcome);
    expect(request).toMatchObject({ askInput: true, askClasses: true, stride: [1, 16] });
    expect(request.dims[0]).toBe(1);
    expect(initialForm(request)).toEqual({ dims: 1, size: '256', channels: '1', classes: '' });
  });

  it('still asks when the import is named after its file, as opening a file does', () => {
    const outcome = importText(SECTION, 'architecture.json');
    expect(outcome.ok ? '' : outcome.message).toMatch(/^architecture\.json: /);
    expect(asked(outcome).askClasses).toBe(true);
  });

  it('imports with the values given, counting what the CLI counts for --input 256x1 --classes 4', () => {
    const request = asked(importText(SECTION));
    const read = readForm(request, { dims: 1, size: '256', channels: '1', classes: '4' });
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    const design = opened(importWithContext(request, read.values));
    const input = design.model.nodes.find((n) => n.kind === 'input');
    const output = design.model.nodes.find((n) => n.kind === 'output');
    expect(input?.params).toEqual({ dims: 1, channels: 1, size: [256] });
    expect(output?.params).toMatchObject({ classes: 4 });
    const cli = importAny(SECTION, { inputShape: [256, 1], numClasses: 4 });
    if (!cli.ok) throw new Error('the CLI import failed');
    expect(totals(design)).toEqual(totals(cli.value.design));
    expect(totals(design)).toEqual({ trainable: 34_245, nonTrainable: 1_160 });
  });

  it('asks only for the class count when the document gives its input size', () => {
    const doc = JSON.parse(SECTION) as Record<string, unknown>;
    const request = asked(importText(JSON.stringify({ ...doc, input_shape: [512, 2] })));
    expect(request).toMatchObject({ askInput: false, askClasses: true });
    const read = readForm(request, { dims: 1, size: '', channels: '', classes: '3' });
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    const design = opened(importWithContext(request, read.values));
    expect(design.model.nodes.find((n) => n.kind === 'input')?.params).toMatchObject({
      channels: 2,
      size: [512],
    });
  });

  it('offers only 2D for a section whose integer kernels cannot build in 1D', () => {
    const request = asked(
      importText('{"blocks": [{"filters": 8, "strides": 2}, {"filters": 16}]}'),
    );
    expect(request.dims).toEqual([2]);
    expect(initialForm(request).size).toBe('128×128');
    const read = readForm(request, { dims: 2, size: '64x96', channels: '3', classes: '2' });
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    const design = opened(importWithContext(request, read.values));
    expect(design.model.nodes.find((n) => n.kind === 'input')?.params).toMatchObject({
      channels: 3,
      size: [64, 96],
    });
  });

  it('names each invalid field and refuses outright a section that is broken otherwise', () => {
    const request = asked(importText(SECTION));
    expect(readForm(request, { dims: 1, size: '0', channels: 'two', classes: '' })).toEqual({
      ok: false,
      errors: {
        size: 'Input length must be a whole number from 1 to 65536',
        channels: 'Channels must be a whole number from 1 to 65536',
        classes: 'Classes must be a whole number from 1 to 65536',
      },
    });
    const broken = importText('{"name": "unet", "params": {"blocks": [{"filters": -3}]}}');
    expect(broken.ok || broken.context).toBeFalsy();
    expect(broken.ok ? '' : broken.message).toMatch(/filters/);
  });
});
