import { describe, expect, it } from 'vitest';
import { formatIssue, type ImportResult } from '../result';
import {
  exportUNetParams,
  importUNetParams,
  readUNetParams,
  readUNetParamsValue,
} from './document';

const lines = (r: ImportResult<unknown>) => (r.ok ? [] : r.issues.map(formatIssue));
const doc = (params: object, input_shape: unknown = [128, 1]) =>
  JSON.stringify({ name: 'unet', input_shape, params: { output_kernel_size: [1, 3], ...params } });
const block1d = { filters: 8, kernel: [1, 5], pool: [1, 3], strides: [1, 2] };

describe('UNetParams documents', () => {
  it('reads "separable" with a warning: heliaEDGE ignores it and builds plain convs', () => {
    const r = readUNetParams(doc({ blocks: [{ ...block1d, separable: true }], num_classes: 2 }));
    expect(r.ok && r.value.params.blocks[0]?.seperable).toBe(false);
    expect(r.ok && r.value.warnings?.map(formatIssue)).toEqual([
      'params.blocks[0].separable: unknown field "separable": heliaEDGE spells it "seperable" and ignores "separable", so it builds plain convs here (and so does the design); write "seperable" for separable convs',
    ]);
  });

  it('rejects 1D sizes heliaEDGE would build as 2D, naming the field', () => {
    const r = readUNetParams(
      doc({
        blocks: [{ filters: 8, kernel: 5, strides: 2 }],
        num_classes: 2,
        output_kernel_size: [3, 3],
      }),
    );
    expect(lines(r)).toEqual([
      'params.blocks[0].kernel: 5 on a 1D input: heliaEDGE would build a 5×5 kernel on the height-1 map; write [1, 5]',
      "params.blocks[0].strides: 2 on a 1D input: heliaEDGE's UpSampling2D(2) would make the height 2 and the skip concat fails; write [1, 2]",
      'params.output_kernel_size: [3, 3] on a 1D input: the height entry must be 1, as in [1, 3]',
    ]);
  });

  it('needs an input shape and a class count, from the document or the options', () => {
    const params = { blocks: [block1d], num_classes: 2, output_kernel_size: [1, 3] };
    expect(lines(readUNetParamsValue(params))).toEqual([
      'input_shape: is missing: this UNet section does not say its input size; add "input_shape": [T, C] (1D) or [H, W, C] (2D), or give it (unet-studio --input 256x1)',
    ]);
    expect(readUNetParamsValue(params, { inputShape: [64, 1] })).toMatchObject({
      ok: true,
      value: { inputShape: [64, 1] },
    });
    expect(lines(readUNetParams(doc({ blocks: [block1d] })))).toEqual([
      'num_classes: is missing: heliaEDGE takes the class count from the task config and this document has none; add "num_classes" or give it (unet-studio --classes N)',
    ]);
    expect(readUNetParams(doc({ blocks: [block1d] }), { numClasses: 5 })).toMatchObject({
      ok: true,
      value: { params: { num_classes: 5 } },
    });
    expect(lines(readUNetParams(doc({ blocks: [block1d], num_classes: 2 }, [64, 0, 1])))).toEqual([
      'input_shape[1]: must be at least 1',
    ]);
    expect(lines(readUNetParams(doc({ blocks: [block1d], num_classes: 2 }, [64])))).toEqual([
      'input_shape: must be [T, C] (1D) or [H, W, C] (2D)',
    ]);
  });

  it('gives paths for bad values and unknown fields', () => {
    const r = readUNetParams(
      doc({
        blocks: [{ ...block1d, norm: 'group', activation: 'gelu', dropout: 1.5 }],
        num_classes: 2,
      }),
    );
    expect(lines(r)).toEqual([
      'params.blocks[0].dropout: must be at most 0.99',
      'params.blocks[0].norm: must be "batch", "layer" or null',
      'params.blocks[0].activation: activation "gelu" is not supported; use one of relu, relu6, leaky_relu, elu, selu',
    ]);
    expect(lines(readUNetParams('{"name": "resnet", "params": {}}'))).toEqual([
      'name: model "resnet" is not a U-Net; only "unet" can be imported',
    ]);
    expect(lines(readUNetParams('"unet"'))).toEqual([
      '(document): expected a UNetParams document, a task config with a U-Net or a params object',
    ]);
  });

  it('keeps model_name, the unused output_kernel_stride and an inert use_logits through the design', () => {
    const text = doc({
      blocks: [block1d],
      num_classes: 2,
      model_name: 'EcgNet',
      output_kernel_stride: [1, 4],
      include_top: false,
      use_logits: false,
      output_kernel_size: [1, 7],
    });
    const design = importUNetParams(text);
    if (!design.ok) throw new Error('import failed');
    expect(design.value.extras['unet-params']).toEqual({
      model_name: 'EcgNet',
      output_kernel_stride: [1, 4],
      use_logits: false,
    });
    const again = exportUNetParams(design.value);
    expect(again.ok && readUNetParams(again.value)).toEqual(readUNetParams(text));
  });

  it('builds a 1D design with plain kernel sizes', () => {
    const design = importUNetParams(doc({ blocks: [block1d], num_classes: 2 }));
    if (!design.ok) throw new Error('import failed');
    const enc = design.value.model.nodes.find((n) => n.id === 'enc1');
    expect(enc?.params).toMatchObject({ kernel: 5, residual: true, dilationGrowth: 'exponential' });
    expect(design.value.model.nodes.find((n) => n.id === 'input')?.params).toEqual({
      dims: 1,
      channels: 1,
      size: [128],
    });
  });
});
