import { describe, expect, it } from 'vitest';
import { formatIssue } from '../result';
import { modelManagerToPython, parsePythonCall } from './python';
import { readModelManager } from './document';
import { zModelManagerParams } from './schema';

function failure(text: string): string {
  const r = parsePythonCall(text);
  if (r.ok) throw new Error('expected a failure');
  return r.issues.map(formatIssue).join('\n');
}

describe('parsePythonCall', () => {
  it('reads keyword arguments, quotes of both kinds, booleans, lists and trailing commas', () => {
    const r = parsePythonCall(
      `m = model_manager.create_model("unet", features=[8, 16,], bilinear=False, activation='elu',)`,
    );
    expect(r).toMatchObject({
      ok: true,
      value: { model: 'unet', args: { features: [8, 16], bilinear: false, activation: 'elu' } },
    });
  });

  it('maps positional arguments to the UNet signature order', () => {
    const r = parsePythonCall(`create_model('unet', 1, 2, (8, 16), 'elu', 'groupnorm', True)`);
    expect(r).toMatchObject({
      ok: true,
      value: {
        args: {
          in_channels: 1,
          out_channels: 2,
          features: [8, 16],
          activation: 'elu',
          normalization: 'groupnorm',
          bilinear: true,
        },
      },
    });
  });

  it('accepts line breaks, comments and backslash continuations', () => {
    const text = "create_model(  # the platform\n  'unet',\\\n  in_channels=1,  # grey\n)\n";
    expect(parsePythonCall(text)).toMatchObject({ ok: true, value: { args: { in_channels: 1 } } });
  });

  it('never evaluates: variables, calls and operators are rejected with their position', () => {
    expect(failure(`create_model('unet', in_channels=n)`)).toBe(
      '(document): line 1, column 34: "n" is a variable; write the value itself',
    );
    expect(failure(`create_model('unet', features=list(range(3)))`)).toContain(
      'line 1, column 31: "list" is a variable',
    );
    expect(failure(`create_model('unet', in_channels=1+2)`)).toContain(
      'line 1, column 35: unexpected character "+"',
    );
    expect(failure(`__import__('os').system('rm -rf /')`)).toContain(
      'line 1, column 1: expected a call of create_model, found "__import__"',
    );
  });

  it('rejects broken syntax with line and column', () => {
    expect(failure(`create_model('unet', in_channels=3`)).toContain(
      'line 1, column 35: expected "," between arguments, found the end of the text',
    );
    expect(failure(`create_model('unet', features=[1, 2)`)).toContain(
      'expected "," between list items',
    );
    expect(failure(`create_model('unet\n', in_channels=3)`)).toContain(
      'line 1, column 14: unterminated string',
    );
    expect(failure(`create_model('unet') extra`)).toContain('unexpected "extra" after the call');
    expect(failure(`create_model(in_channels=3, 'unet')`)).toContain(
      'positional argument follows keyword argument',
    );
    expect(failure(`create_model('unet', in_channels=3, in_channels=4)`)).toContain(
      'in_channels is given twice',
    );
    expect(failure(`create_model('unet', 1, 2, [1], 'relu', 'batchnorm', True, 9)`)).toContain(
      'too many positional arguments',
    );
    expect(failure(`build_model('unet')`)).toContain('expected a call of create_model');
    expect(failure(`create_model()`)).toContain('needs the model name');
    expect(failure(`create_model('unet', in_channels=3x)`)).toContain('"3x" is not a number');
  });
});

describe('readModelManager (python)', () => {
  it('names the field and its position for bad values', () => {
    const r = readModelManager(
      `create_model('unet', activation='gelu', features=[64, -1])`,
      'python',
    );
    expect(r.ok).toBe(false);
    const lines = r.ok ? [] : r.issues.map(formatIssue);
    expect(lines).toContain(
      "activation: line 1, column 22: activation \"gelu\" is not supported; use one of 'relu', 'leaky_relu', 'elu'",
    );
    expect(lines).toContain('features[1]: line 1, column 41: must be at least 1');
  });

  it('rejects other models and unknown arguments', () => {
    expect(readModelManager(`create_model('resnet')`, 'python')).toMatchObject({
      ok: false,
      issues: [{ path: ['name'] }],
    });
    const r = readModelManager(`create_model('unet', kernel_size=5)`, 'python');
    expect(r).toMatchObject({ ok: false, issues: [{ path: ['kernel_size'] }] });
    expect(r.ok ? '' : (r.issues[0]?.message ?? '')).toContain(
      "the platform's UNet accepts in_channels, out_channels, features",
    );
  });

  it('writes every key explicitly and reads it back', () => {
    const params = zModelManagerParams.parse({
      features: [8, 16],
      activation: 'leaky_relu',
      bilinear: false,
    });
    const line = modelManagerToPython(params);
    expect(line).toBe(
      "model_manager.create_model('unet', in_channels=3, out_channels=1, features=[8, 16], activation='leaky_relu', normalization='batchnorm', bilinear=False)",
    );
    expect(readModelManager(line, 'python')).toEqual({ ok: true, value: params });
  });
});
