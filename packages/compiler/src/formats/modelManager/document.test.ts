import { describe, expect, it } from 'vitest';
import { formatIssue } from '../result';
import {
  detectModelManagerSyntax,
  importModelManager,
  readModelManager,
  writeModelManager,
} from './document';
import { zModelManagerParams } from './schema';

const issuesOf = (r: {
  ok: boolean;
  issues?: readonly { path: readonly (string | number)[]; message: string }[];
}) => (r.issues ?? []).map(formatIssue);

describe('ModelManager documents', () => {
  it('fills the platform code defaults for missing keys (features [64, 128, 256, 512])', () => {
    const r = readModelManager('model:\n  name: unet\n', 'yaml');
    expect(r).toEqual({ ok: true, value: zModelManagerParams.parse({}) });
    expect(r.ok && r.value.features).toEqual([64, 128, 256, 512]);
  });

  it('writes YAML and JSON with every key explicit', () => {
    const params = zModelManagerParams.parse({ features: [16, 32], normalization: 'groupnorm' });
    expect(writeModelManager(params, 'yaml')).toBe(
      'model:\n  name: unet\n  parameters:\n    in_channels: 3\n    out_channels: 1\n    features: [16, 32]\n' +
        '    activation: relu\n    normalization: groupnorm\n    bilinear: true\n',
    );
    expect(JSON.parse(writeModelManager(params, 'json'))).toEqual({
      model: { name: 'unet', parameters: params },
    });
  });

  it('rejects unknown activations and normalizations instead of using identity', () => {
    const r = readModelManager(
      '{"model":{"name":"unet","parameters":{"activation":"gelu","normalization":"layernorm"}}}',
      'json',
    );
    expect(issuesOf(r)).toEqual([
      "model.parameters.activation: activation \"gelu\" is not supported; use one of 'relu', 'leaky_relu', 'elu'",
      "model.parameters.normalization: normalization \"layernorm\" is not supported; use one of 'batchnorm', 'groupnorm'",
    ]);
  });

  it('gives the path of the bad field for malformed documents', () => {
    expect(issuesOf(readModelManager('[1, 2]', 'json'))).toEqual([
      '(document): expected a document with a "model" section',
    ]);
    expect(
      issuesOf(
        readModelManager(
          '{"model": {"name": "unet", "parameters": {"features": [64, "x"]}}}',
          'json',
        ),
      ),
    ).toEqual(['model.parameters.features[1]: must be a whole number of channels']);
    expect(issuesOf(readModelManager('{"model": {"name": "vit"}}', 'json'))).toEqual([
      'model.name: model "vit" is not a U-Net; only \'unet\' can be imported',
    ]);
    expect(
      issuesOf(
        readModelManager('{"model": {"name": "unet", "parameters": {"bilinear": "yes"}}}', 'json'),
      ),
    ).toEqual(['model.parameters.bilinear: must be True or False']);
    expect(issuesOf(readModelManager('{"model": ', 'json'))[0]).toMatch(
      /^\(document\): not valid JSON/,
    );
    expect(issuesOf(readModelManager('model:\n  name: unet\n  name: x\n', 'yaml'))[0]).toMatch(
      /^\(document\): not valid YAML: line 3/,
    );
  });

  it('refuses YAML alias bombs', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...Array.from(
        { length: 8 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(', ')}]`,
      ),
    ].join('\n');
    const r = readModelManager(bomb, 'yaml');
    expect(r.ok).toBe(false);
  });

  it('detects the spelling from the text', () => {
    expect(detectModelManagerSyntax('  {"model": {}}')).toBe('json');
    expect(detectModelManagerSyntax("net = mm.create_model('unet')")).toBe('python');
    expect(detectModelManagerSyntax('model:\n  name: unet')).toBe('yaml');
  });

  it('imports a design laid out as a U with the requested input size', () => {
    const r = importModelManager("create_model('unet', features=[8, 16, 32])", {
      inputSize: [48, 40],
    });
    if (!r.ok) throw new Error('import failed');
    const input = r.value.model.nodes.find((n) => n.kind === 'input');
    expect(input?.params).toMatchObject({ size: [48, 40], channels: 3 });
    const pos = r.value.layout.positions;
    expect(pos.enc1?.y).toBe(pos.skip1?.y);
    expect(pos.bottleneck?.y).toBeGreaterThan(pos.enc2?.y ?? Infinity);
    expect(pos.dec1?.x).toBeGreaterThan(pos.enc1?.x ?? Infinity);
    expect(issuesOf(importModelManager("create_model('unet')", { inputSize: [0, 4] }))).toEqual([
      'inputSize: must be two whole numbers between 1 and 65536, height and width',
    ]);
  });
});
