import { describe, expect, it } from 'vitest';
import { compile } from '../../compile';
import { importAny } from '../detect';
import { formatIssue } from '../result';
import { bilinearFalseWarning, modelManagerParamCounts, modelManagerWarnings } from './platformBug';
import { zModelManagerParams } from './schema';
import { modelManagerToDesign } from './toDesign';

const params = (features: number[], bilinear: boolean) =>
  zModelManagerParams.parse({ features, bilinear });

describe("the platform's bilinear=False module", () => {
  // Platform figures: sum(p.numel()) of test/reference/modelmanager_unet.py's PlatformUNet built
  // with platformTransposed=True (the platform's own Up), which its forward pass then rejects.
  const cases: [number[], number, number][] = [
    [[16, 32, 64], 141_705, 117_361],
    [[8, 16, 32], 35_717, 29_625],
    [[16, 32, 64, 128], 584_937, 482_737],
    [[16, 48, 96], 299_945, 246_401],
  ];
  for (const [features, platform, studio] of cases) {
    it(`features [${features.join(', ')}]: the platform holds ${platform}, the studio builds ${studio}`, () => {
      const p = params(features, false);
      expect(modelManagerParamCounts(p)).toEqual({ platform, studio });
      expect(compile(modelManagerToDesign(p)).totals.trainable).toBe(studio);
    });
  }

  it('counts bilinear configs once: the platform and the studio build the same network', () => {
    const p = params([64, 128, 256, 512], true);
    expect(modelManagerParamCounts(p)).toEqual({ platform: 7_785_729, studio: 7_785_729 });
    expect(bilinearFalseWarning(p)).toBeNull();
    expect(modelManagerWarnings(modelManagerToDesign(p))).toEqual([]);
  });

  it('warns on import, naming the crash and both counts', () => {
    const yaml =
      'model:\n  name: unet\n  parameters:\n    features: [16, 32, 64]\n    bilinear: false\n';
    const r = importAny(yaml);
    expect(r.ok && r.value.warnings.map(formatIssue)).toEqual([
      "model.parameters.bilinear: bilinear: false crashes the real platform on its first forward pass (its ConvTranspose2d(96, 48) is given the 64-channel map). U-Net Studio builds the corrected network (117,361 parameters; the platform's module holds 141,705); a config exported with bilinear: false will fail there",
    ]);
    const line = importAny("create_model('unet', features=[16, 32, 64], bilinear=False)");
    expect(line.ok && line.value.warnings.length).toBe(1);
  });
});
