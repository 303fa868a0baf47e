/**
 * The parity cases: every template and every fixture config, each with the reference script that
 * rebuilds it in PyTorch, that script's argument, and the figures the reference gives (recorded
 * from the scripts; `expected.test.ts` holds `compile()` to them, `parity.test.ts` re-runs them).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  findTemplate,
  importModelManager,
  importUNetParams,
  readModelManager,
  readUNetParams,
  unetParamsDocument,
  type Design,
  type UNetParamsConfig,
  type ModelManagerSyntax,
} from '../src/index';
import { EXPECTED, type Expected } from './expected';

/** One parity case. */
export interface ParityCase {
  readonly id: string;
  /** Reference script in test/reference/. */
  readonly script:
    | 'modelmanager_unet.py'
    | 'basic_unet.py'
    | 'original_unet.py'
    | 'heliaedge_unet.py'
    | 'milesial_unet.py';
  /** The script's JSON argument. */
  readonly argument: { readonly config: unknown; readonly input: readonly (number | null)[] };
  readonly design: () => Design;
  readonly expected: Expected;
}

/** The fixtures folder. */
export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/** Reads a fixture file as text. */
export function fixture(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8');
}

function expected(id: string): Expected {
  const e = EXPECTED[id];
  if (!e) throw new Error(`no expected figures for ${id}`);
  return e;
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; issues: readonly unknown[] }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

function template(
  name: string,
  script: ParityCase['script'],
  config: unknown,
  input: number[],
): ParityCase {
  const t = findTemplate(name);
  if (!t) throw new Error(`no template ${name}`);
  return {
    id: `template:${name}`,
    script,
    argument: { config, input },
    design: () => t.build(),
    expected: expected(`template:${name}`),
  };
}

const SYNTAX: Record<string, ModelManagerSyntax> = { json: 'json', yaml: 'yaml', py: 'python' };

function modelManagerCase(file: string, size: [number, number]): ParityCase {
  const text = fixture(`model-manager/${file}`);
  const syntax = SYNTAX[file.split('.').pop() ?? ''] ?? 'json';
  const params = unwrap(readModelManager(text, syntax));
  return {
    id: `model-manager/${file}`,
    script: 'modelmanager_unet.py',
    argument: { config: params, input: [params.in_channels, ...size] },
    design: () => unwrap(importModelManager(text, { syntax, inputSize: size })),
    expected: expected(`model-manager/${file}`),
  };
}

/** The heliaEDGE reference script's config: helia-edge's params plus the class count. */
export function referenceParams(config: UNetParamsConfig): Record<string, unknown> {
  const doc = unetParamsDocument(config);
  return { ...(doc.params as Record<string, unknown>), num_classes: config.params.num_classes };
}

function unetParamsCase(file: string): ParityCase {
  const text = fixture(`unet-params/${file}`);
  const config = unwrap(readUNetParams(text));
  const doc = referenceParams(config);
  return {
    id: `unet-params/${file}`,
    script: 'heliaedge_unet.py',
    argument: { config: doc, input: [...config.inputShape] },
    design: () => unwrap(importUNetParams(text)),
    expected: expected(`unet-params/${file}`),
  };
}

const CLASSIC = { in_channels: 3, out_channels: 1, features: [64, 128, 256, 512] };

/** Every parity case. */
export const PARITY_CASES: readonly ParityCase[] = [
  template(
    'modelmanager-unet',
    'modelmanager_unet.py',
    { features: [64, 128, 256, 512, 1024] },
    [3, 256, 256],
  ),
  template(
    'heliaedge-1d',
    'heliaedge_unet.py',
    referenceParams(unwrap(readUNetParams(fixture('unet-params/heartkit-1d.json')))),
    [256, 1],
  ),
  template('basic-pytorch-unet', 'basic_unet.py', CLASSIC, [3, 256, 256]),
  template('carvana', 'basic_unet.py', CLASSIC, [3, 160, 240]),
  template('original-unet', 'original_unet.py', { in_channels: 1, out_channels: 2 }, [1, 572, 572]),
  template('milesial-unet', 'milesial_unet.py', { n_channels: 3, n_classes: 1 }, [3, 256, 256]),
  template(
    'small',
    'modelmanager_unet.py',
    { features: [16, 32, 64, 128], bilinear: false },
    [3, 64, 64],
  ),
  template('tiny', 'modelmanager_unet.py', { features: [8, 16, 32], bilinear: false }, [3, 32, 32]),
  modelManagerCase('platform-default.yaml', [64, 64]),
  modelManagerCase('code-default.json', [96, 80]),
  modelManagerCase('groupnorm.json', [100, 75]),
  modelManagerCase('leaky-relu.py', [61, 61]),
  modelManagerCase('elu-transposed.yaml', [48, 52]),
  modelManagerCase('groupnorm-odd.json', [32, 32]),
  modelManagerCase('odd-widths.py', [45, 37]),
  unetParamsCase('heartkit-1d.json'),
  unetParamsCase('unet-2d.json'),
  unetParamsCase('dilation.json'),
  unetParamsCase('dropout.json'),
  unetParamsCase('layer-norm.json'),
  unetParamsCase('skip-false.json'),
  unetParamsCase('no-top.json'),
  unetParamsCase('softmax-no-norm.json'),
];
