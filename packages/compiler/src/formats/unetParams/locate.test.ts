import { describe, expect, it } from 'vitest';
import { importAny } from '../detect';
import { formatIssue } from '../result';
import { locateUNet } from './locate';

const params = {
  blocks: [{ filters: 4, kernel: [1, 3], pool: [1, 2], strides: [1, 2] }],
  output_kernel_size: [1, 3],
};

describe('locateUNet', () => {
  it('finds the U-Net wherever the kits put it', () => {
    expect(locateUNet(params)?.paramsPath).toEqual([]);
    expect(locateUNet({ name: 'unet', params })?.paramsPath).toEqual(['params']);
    expect(locateUNet({ frame_size: 64, architecture: { name: 'unet', params } })).toMatchObject({
      kind: 'task',
      paramsPath: ['architecture', 'params'],
      input: { path: ['frame_size'], form: 'frame', value: 64 },
    });
    expect(locateUNet({ model: { name: 'unet', params }, num_classes: 3 })).toMatchObject({
      paramsPath: ['model', 'params'],
      classes: { path: ['num_classes'], value: 3 },
    });
    expect(locateUNet({ model: 'unet', model_params: params })?.modelNamePath).toEqual(['model']);
  });

  it('leaves ModelManager configs and other documents alone', () => {
    expect(locateUNet({ model: { name: 'unet', parameters: { features: [8, 16] } } })).toBeNull();
    expect(locateUNet({ model: { name: 'unet', params: { features: [8, 16] } } })).toBeNull();
    expect(locateUNet({ datasets: [] })).toBeNull();
    expect(locateUNet([params])).toBeNull();
  });
});

describe('importAny on heliaEDGE task configs', () => {
  it('reads "model": {"name": "unet", "params": …} in JSON and YAML, with frame_size and num_classes', () => {
    const json = JSON.stringify({
      frame_size: 64,
      num_classes: 3,
      model: { name: 'unet', params },
    });
    const yaml = `frame_size: 64\nnum_classes: 3\nmodel:\n  name: unet\n  params:\n    blocks:\n      - {filters: 4, kernel: [1, 3], pool: [1, 2], strides: [1, 2]}\n    output_kernel_size: [1, 3]\n`;
    for (const text of [json, yaml]) {
      const r = importAny(text);
      expect(r.ok && r.value.kind).toBe('unet-params');
      const nodes = r.ok ? r.value.design.model.nodes : [];
      expect(nodes.find((n) => n.kind === 'input')?.params).toMatchObject({ size: [64] });
      expect(nodes.find((n) => n.kind === 'output')?.params).toMatchObject({ classes: 3 });
    }
  });

  it('names a task config whose model is not a U-Net', () => {
    const r = importAny(
      JSON.stringify({ frame_size: 64, architecture: { name: 'tcn', params: {} } }),
    );
    expect(r.ok ? [] : r.issues.map(formatIssue)).toEqual([
      'architecture.name: model "tcn" is not a U-Net; only "unet" can be imported',
    ]);
  });
});
