/**
 * Hostile inputs from the red-team list, each run through the real CLI in a child process with a
 * time limit (the test fails if the process has to be killed): each gets the documented message and
 * exit code (2 unreadable input, 1 design errors).
 */
import { describe, expect, it } from 'vitest';
import {
  blankLinesAfterCreateModel,
  deeplyNestedJson,
  deepUnet,
  forgedNames,
  manyUnknownKeys,
  stridedPools,
} from '../../../packages/compiler/test/hostile';
import { cliProcess, type ProcessRun } from '../test/cliProcess';
import { tempDir, writeFiles } from '../test/harness';

/** Far above a normal run (a second or two), far below "hangs". */
const LIMIT_MS = 90_000;

async function check(files: Record<string, string>, argv: string[]): Promise<ProcessRun> {
  const dir = tempDir();
  writeFiles(dir, files);
  const run = await cliProcess(argv, dir, LIMIT_MS);
  expect(run.killed, 'the CLI had to be killed').toBe(false);
  return run;
}

describe('hostile inputs end quickly with the documented message and exit code', () => {
  it('designs whose sizes overflow exit 1, naming the node and the limit', async () => {
    const run = await check({ 'strides.json': JSON.stringify(stridedPools(20, 2 ** 52)) }, [
      'check',
      'strides.json',
    ]);
    expect(run.code).toBe(1);
    expect(run.out).toContain(
      "error PARAM_LIMIT node p0: Pool 'p0': window 4,503,599,627,370,496 is above the limit of 1,024.",
    );
    const overflowing = { 'pools.json': stridedPools(1100, 2, null), 'unet.json': deepUnet(1500) };
    for (const [file, design] of Object.entries(overflowing)) {
      const r = await check({ [file]: JSON.stringify(design) }, ['check', file]);
      expect(r.code).toBe(1);
      expect(r.out).toMatch(
        /^error SCALE_LIMIT node p20: Pool 'p20' downsamples the input by 2,097,152 on H/m,
      );
    }
  }, 300_000);

  it('a design past the node limit prints its diagnostics line by line, in linear time', async () => {
    const design = stridedPools(0, 1);
    for (let i = 0; i < 60_000; i++) design.model.nodes.push({ id: `n${i}`, kind: 'dropout' });
    const run = await check({ 'many.json': JSON.stringify(design) }, ['check', 'many.json']);
    expect(run.code).toBe(1);
    const lines = run.out.trimEnd().split('\n');
    expect(lines).toContain(
      'error DESIGN_TOO_LARGE: The design has 60,002 nodes and 1 edges; the compiler accepts at most 50,000 nodes and 100,000 edges.',
    );
    // every dropout is unconnected and unreachable: one line each, named
    expect(lines.filter((l) => l.startsWith('warning UNREACHABLE_NODE node n'))).toHaveLength(
      60_000,
    );
    expect(lines[lines.length - 1]).toMatch(/^many\.json: 60001 errors, 60000 warnings$/);
  }, 300_000);

  it('unreadable documents exit 2 with the file, the field path and a short message', async () => {
    const nested = await check({ 'nested.json': deeplyNestedJson(200_000) }, [
      'check',
      'nested.json',
    ]);
    expect(nested.code).toBe(2);
    expect(nested.err).toMatch(
      /^unet-studio check: nested\.json: model\[0\]\[0\].*nested more than 64 levels deep/,
    );
    expect(nested.err.length).toBeLessThan(1000);
    const keys = await check({ 'keys.json': manyUnknownKeys(300_000) }, ['check', 'keys.json']);
    expect(keys.code).toBe(2);
    expect(keys.err.trim()).toBe(
      'unet-studio check: keys.json: model: an object with 300,002 fields; at most 100,000 are read',
    );
    const blank = await check({ 'blank.py': blankLinesAfterCreateModel(1_000_000) }, [
      'check',
      'blank.py',
    ]);
    expect(blank.code).toBe(2);
    expect(blank.err).toContain('blank.py: (document): the text is 977 KiB');
  }, 300_000);

  it('names with escapes and line breaks cannot forge output; misleading messages are fixed', async () => {
    const forged = await check({ 'forged.json': JSON.stringify(forgedNames()) }, [
      'check',
      'forged.json',
    ]);
    expect(forged.code).toBe(0);
    // eslint-disable-next-line no-control-regex -- looking for raw escape and carriage return bytes
    expect(forged.out).not.toMatch(/[\u001b\r]/);
    expect(forged.out).not.toMatch(/^error FORGED/m);
    expect(forged.out).toContain('node p0 (\\u001b[31merror FAKE\\u001b[0m\\u000aerror FORGED');
    expect(forged.out).toContain('forged.json: 0 errors, 2 warnings');
    const proto = await check(
      { 'model.py': "create_model('unet', constructor=3, toString=4, __proto__=5)\n" },
      ['check', 'model.py'],
    );
    expect(proto.code).toBe(2);
    expect(proto.err).toContain('unknown parameter "constructor"');
    expect(proto.err).not.toContain('given twice');
    const huge = await check({}, ['check', 'template:tiny', '--input', '1000000x1000000']);
    expect(huge.code).toBe(2);
    expect(huge.err).toContain('1,000,000 is above the limit of 65,536');
  }, 300_000);
});
