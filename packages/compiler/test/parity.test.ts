/**
 * Parity with the real implementations: each template and fixture is rebuilt in PyTorch by a
 * reference script (test/reference/*.py) and its parameter counts and output shape must equal
 * `compile()`'s. Needs a Python that imports torch; skipped with the reason otherwise.
 */
import { describe, expect, it } from 'vitest';
import { PARITY_CASES } from './cases';
import { compiledFigures } from './figures';
import { findTorchPython, runReference } from './python';

const { python, reason } = findTorchPython();
if (!python) console.log(`parity tests skipped: ${reason}`);

describe(`PyTorch parity (${reason})`, () => {
  for (const c of PARITY_CASES) {
    it.skipIf(!python)(c.id, { timeout: 300_000 }, () => {
      const reference = runReference(python as string, c.script, c.argument);
      expect(reference).toEqual(c.expected);
      const got = compiledFigures(c.design());
      if ('error' in reference) {
        expect(got.errors.length).toBeGreaterThan(0);
        return;
      }
      expect({
        trainable: got.trainable,
        nonTrainable: got.nonTrainable,
        output: got.output,
      }).toEqual(reference);
    });
  }

  it.skipIf(!python)(
    'shows the platform bug the importer fixes: its own bilinear=False path fails',
    { timeout: 120_000 },
    () => {
      const reference = runReference(python as string, 'modelmanager_unet.py', {
        config: { features: [16, 32], bilinear: false, platformTransposed: true },
        input: [3, 32, 32],
      });
      expect(reference).toMatchObject({
        error: expect.stringContaining('expected input') as unknown,
      });
    },
  );
});
