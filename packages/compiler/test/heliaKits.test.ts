/**
 * Real heliaEDGE files (fixtures/heliaedge-kits, see its sources.json): heartkit and sleepkit task
 * configs and bare UNet sections import as they are, count what Keras counts for helia-edge's
 * `unet_layer`, and export back field for field.
 */
import { describe, expect, it } from 'vitest';
import {
  compile,
  exportUNetParams,
  formatIssue,
  importAny,
  withInputSize,
  type ImportAnyOptions,
} from '../src/index';
import { fixture } from './cases';
import { kerasCounts, type KitParams } from './kerasCounts';

const kit = (file: string) => fixture(`heliaedge-kits/${file}`);

function imported(text: string, options: ImportAnyOptions = {}) {
  const r = importAny(text, options);
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join('; '));
  return r.value;
}

function totals(text: string, options: ImportAnyOptions = {}) {
  const { trainable, nonTrainable } = compile(imported(text, options).design).totals;
  return { trainable, nonTrainable };
}

function exportedValue(text: string, options: ImportAnyOptions = {}): unknown {
  const out = exportUNetParams(imported(text, options).design);
  if (!out.ok) throw new Error(JSON.stringify(out.issues));
  return JSON.parse(out.value);
}

const section = (file: string, key: string) =>
  (JSON.parse(kit(file)) as Record<string, { params: KitParams }>)[key]?.params as KitParams;

describe('heartkit and sleepkit task configs', () => {
  const cases = [
    // file, section key, frame_size, classes, Keras counts derived from unet_layer
    ['heartkit-segmentation-class-4-unet.json', 'architecture', 256, 4, 34_245, 1_160],
    // By hand, segmentation-class-2 (8/12/16/24/32, depth 1, ddepth 1, (1, 3), plain, batch):
    // encoder 56 + 420 + 816 + 1,608 + 3,168 = 6,068 (conv 3·c·f, BN 2f, projection c·f + f);
    // decoder 9,440 + 5,928 + 2,800 + 1,524 + 728 = 20,420 (pre, 1×1 reduce of 2f, post, three
    // BNs, projection); head 3·8·2 + 2 = 50; total 26,538. Moving statistics: 2 · (92 + 3 · 92).
    ['heartkit-segmentation-class-2.json', 'architecture', 256, 2, 26_538, 736],
    ['heartkit-0.x-segmentation-class-4-train.json', 'model_params', 512, 4, 65_732, 960],
    ['sleepkit-sa-2-unet-lg.json', 'architecture', 3584, 2, 19_857, 880],
  ] as const;
  for (const [file, key, frames, classes, trainable, nonTrainable] of cases) {
    it(`${file}: imports as it is, with the Keras counts of helia-edge's layers`, () => {
      const doc = JSON.parse(kit(file)) as Record<string, unknown>;
      const params = (key === 'model_params' ? doc.model_params : section(file, key)) as KitParams;
      expect(kerasCounts(params, frames, 1, classes)).toEqual({ trainable, nonTrainable });
      expect(totals(kit(file))).toEqual({ trainable, nonTrainable });
      const { kind, design, warnings } = imported(kit(file));
      expect(kind).toBe('unet-params');
      const input = design.model.nodes.find((n) => n.kind === 'input');
      expect(input?.params).toMatchObject({ dims: 1, channels: 1, size: [frames] });
      expect(warnings.map(formatIssue)).toEqual([
        `frame_size: the task config gives the frame length (${frames}) but not the channel count; 1 channel assumed (heartkit's ECG frames are (frame_size, 1)): give --input ${frames}xC for another`,
      ]);
    });
    it(`${file}: an unedited import exports field for field`, () => {
      expect(exportedValue(kit(file))).toEqual(JSON.parse(kit(file)));
    });
  }

  it('an edit changes only its field: a longer frame goes to frame_size', () => {
    const { design } = imported(kit('heartkit-segmentation-class-2.json'));
    const out = exportUNetParams(withInputSize(design, [512]));
    const want = {
      ...(JSON.parse(kit('heartkit-segmentation-class-2.json')) as object),
      frame_size: 512,
    };
    expect(out.ok && JSON.parse(out.value)).toEqual(want);
  });

  it('rejects a U-Net whose sizes do not fit its frame (sleepkit sa-2-tcn-lg: 1800 samples, 5 halvings)', () => {
    const { design, warnings } = imported(kit('sleepkit-sa-2-tcn-lg.json'));
    expect(warnings.map(formatIssue)).toContain(
      'architecture-unet: the U-Net is under "architecture-unet", which the kit does not build (it builds "architecture")',
    );
    const errors = compile(design).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.code)).toContain('SKIP_SIZE_MISMATCH');
  });
});

describe('bare UNet sections', () => {
  const arch = kit('heartkit-segmentation-class-4-unet.architecture.json');

  it('asks for the input size and the class count, naming the options that give them', () => {
    const r = importAny(arch);
    expect(r.ok ? [] : r.issues.map(formatIssue)).toEqual([
      'input_shape: is missing: this UNet section does not say its input size; add "input_shape": [T, C] (1D) or [H, W, C] (2D), or give it (unet-studio --input 256x1)',
      'num_classes: is missing: heliaEDGE takes the class count from the task config and this document has none; add "num_classes" or give it (unet-studio --classes N)',
    ]);
  });

  it('imports with them, counts as the task config does and exports without adding them', () => {
    const options = { inputShape: [256, 1] as const, numClasses: 4 };
    expect(totals(arch, options)).toEqual({ trainable: 34_245, nonTrainable: 1_160 });
    expect(exportedValue(arch, options)).toEqual(JSON.parse(arch));
  });

  it('a bare params object (sleepkit) exports as the same object', () => {
    const params = kit('sleepkit-sa-2-unet-lg.architecture-params.json');
    const options = { inputShape: [3584, 1] as const, numClasses: 2 };
    expect(totals(params, options)).toEqual({ trainable: 19_857, nonTrainable: 880 });
    expect(exportedValue(params, options)).toEqual(JSON.parse(params));
  });
});

describe('model names, unknown keys and "separable"', () => {
  const docstring = kit('helia-edge-docstring-section.json');
  const options = { inputShape: [800, 1] as const, numClasses: 5 };

  it('reads model_name (the older kits) and name (helia-edge) and writes each back as spelled', () => {
    expect(imported(docstring, options).design.extras['unet-params']?.model_name).toBe(
      'efficientnetv2',
    );
    expect(exportedValue(docstring, options)).toEqual(JSON.parse(docstring));
    const named = docstring.replace('"model_name"', '"name"');
    expect(imported(named, options).design.extras['unet-params']?.model_name).toBe(
      'efficientnetv2',
    );
    expect(exportedValue(named, options)).toEqual(JSON.parse(named));
  });

  it('keeps unknown keys with a warning; "separable" is ignored, as heliaEDGE ignores it', () => {
    const doc = JSON.parse(kit('heartkit-segmentation-class-2.json')) as {
      architecture: { params: { blocks: Record<string, unknown>[]; family?: string } };
    };
    doc.architecture.params.family = 'residual';
    doc.architecture.params.blocks[0] = { ...doc.architecture.params.blocks[0], separable: true };
    const text = JSON.stringify(doc);
    const { design, warnings } = imported(text);
    expect(warnings.map(formatIssue).slice(0, 2)).toEqual([
      'architecture.params.family: unknown field "family": heliaEDGE ignores it (params has name, blocks, include_top, use_logits, model_name, output_kernel_size, output_kernel_stride, num_classes); kept for the export',
      'architecture.params.blocks[0].separable: unknown field "separable": heliaEDGE spells it "seperable" and ignores "separable", so it builds plain convs here (and so does the design); write "seperable" for separable convs',
    ]);
    const enc1 = design.model.nodes.find((n) => n.id === 'enc1');
    expect(enc1?.kind === 'conv' && enc1.params.separable).toBe(false);
    expect(totals(text).trainable).toBe(26_538);
    expect(exportedValue(text)).toEqual(doc);
  });
});
