import { describe, expect, it } from 'vitest';
import { blankLinesAfterCreateModel, deeplyNestedJson, manyUnknownKeys } from '../../test/hostile';
import { parseDesign } from '../design/parseDesign';
import { checkJsonBounds, JSON_LIMITS, readJson } from './boundedJson';
import { importAny } from './detect';
import { excerpt } from './excerpt';
import { formatIssue } from './result';
import { looksLikeCreateModelCall } from './textKind';
import { flowDepth, parseYamlText } from './yamlText';

/** Every issue of a failed import as the lines a user reads. */
function lines(text: string): string[] {
  const r = importAny(text);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.issues.map(formatIssue);
}

// Megabyte inputs on a shared machine: a generous limit per test, which a hang still fails.
const HEAVY = { timeout: 30_000 };

describe('the bounded JSON reader', HEAVY, () => {
  it('names the field where a document nests too deeply, instead of overflowing the stack', () => {
    const [line, ...rest] = lines(deeplyNestedJson(200_000));
    expect(rest).toEqual([]);
    expect(line).toMatch(/^model\[0\]\[0\].*: nested more than 64 levels deep/);
    expect(line?.length).toBeLessThan(300);
    const parsed = parseDesign(deeplyNestedJson(200_000));
    expect(parsed.ok ? [] : parsed.issues.map((i) => i.message)).toEqual([
      'nested more than 64 levels deep; no U-Net Studio document is',
    ]);
    expect(checkJsonBounds(JSON.parse('[[[[1]]]]'))).toBeNull();
  });

  it('refuses an object of more than 100,000 keys in one short line, and caps the issues of the rest', () => {
    expect(lines(manyUnknownKeys(100_000))).toEqual([
      'model: an object with 100,002 fields; at most 100,000 are read',
    ]);
    const keys = Array.from({ length: 5_000 }, (_, i) => `"k${i}${'x'.repeat(600)}":1`);
    const mm = `{"model":{"name":"unet","parameters":{${keys.join(',')}}}}`;
    const found = lines(mm);
    expect(found.length).toBeLessThanOrEqual(51);
    expect(found[found.length - 1]).toContain('and 4,950 more problems');
    expect(found.join('\n').length).toBeLessThan(40_000);
  });

  it('never echoes more than an excerpt of a bad value, with control characters escaped', () => {
    expect(excerpt('a'.repeat(100), 10)).toBe('aaaaaaaaaa… (90 more characters)');
    expect(excerpt('\u001b[31mred\n')).toBe('\\u001b[31mred\\u000a');
    const bad = `{"format":"unet-studio/design","version":1,"name":"${'n'.repeat(3_000_000)}","model":{"nodes":[],"edges":[]}}`;
    const parsed = parseDesign(bad);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(JSON.stringify(parsed.issues).length).toBeLessThan(1000);
  });

  it('refuses text above 8 MiB, saying so', () => {
    const r = readJson(' '.repeat(JSON_LIMITS.length + 1));
    expect(r.ok ? '' : r.issues[0]?.message).toBe('the text is 8.0 MiB; at most 8 MiB is read');
  });
});

describe('recognising and reading text in linear time', HEAVY, () => {
  it('a create_model line followed by a megabyte of blank lines is answered at once', () => {
    const text = blankLinesAfterCreateModel(1_000_000);
    expect(looksLikeCreateModelCall(text)).toBe(false);
    expect(lines(text)).toEqual([
      '(document): the text is 977 KiB; a YAML config is read up to 256 KiB',
    ]);
    expect(looksLikeCreateModelCall("m = create_model(\n  'unet', 3, 1)")).toBe(true);
    expect(looksLikeCreateModelCall("model:\n  create_model('unet')")).toBe(false);
  });

  it('YAML: deep flow nesting and duplicate keys are named without recursion or quadratic checks', () => {
    expect(lines(`model: ${'['.repeat(5000)}${']'.repeat(5000)}`)).toEqual([
      '(document): not readable YAML: nested more than 64 levels deep',
    ]);
    const dup = parseYamlText('model:\n  name: unet\n  name: other\n');
    expect(dup.ok ? '' : dup.issues[0]?.message).toBe(
      'not valid YAML: line 3, column 3: the key "name" appears twice',
    );
    expect(flowDepth('a: [[1], {b: "]]]"}] # [[[', 64)).toBe(2);
    expect(flowDepth("a: [it's, [[x]]]", 64)).toBe(3);
    const many = `model:\n  name: unet\n${Array.from({ length: 5_000 }, (_, i) => `k${i}: 1\n`).join('')}`;
    expect(parseYamlText(many).ok).toBe(true);
  });

  it('create_model keywords named like Object members are unknown parameters, not duplicates', () => {
    for (const key of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const found = lines(`create_model('unet', ${key}=3)`);
      expect(found).toHaveLength(1);
      expect(found[0]).toContain(`unknown parameter "${key}"`);
      expect(found[0]).not.toContain('given twice');
    }
    expect(lines("create_model('unet', in_channels=3, in_channels=4)")[0]).toContain(
      'in_channels is given twice',
    );
  });
});
