import { AUGMENT_OFF, blankDesign, type Design } from '@unet-studio/compiler';
import {
  classWeightsOf,
  makeAugmenter,
  makeSyntheticShapes,
  splitData,
  syntheticFor,
} from '@unet-studio/runtime';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../settings';
import { runAugmenter, runSets } from './runData';

const settings = {
  ...defaultSettings({ size: [16, 16], channels: 1, classes: 1 }, blankDesign().training),
  seed: 3,
};
const data = makeSyntheticShapes({ count: 10, size: [16, 16], channels: 1, seed: 2 });

function withAugment(design: Design): Design {
  const augment = {
    ...AUGMENT_OFF,
    flip: { enabled: true, strength: 0.5 },
    elastic: { enabled: true, strength: 10 },
  };
  return { ...design, training: { ...design.training, augment } };
}

describe('a browser run’s data', () => {
  it('splits with the run’s seed as the CLI’s train does, or keeps a given val/ set', () => {
    const sets = runSets(data, undefined, settings);
    const cli = splitData(data, settings.validationSplit, 3);
    expect(Array.from(sets.train.x)).toEqual(Array.from(cli.train.x));
    expect(sets.validation?.count).toBe(cli.validation?.count);
    const given = runSets(data, cli.train, settings);
    expect(given.train).toBe(data);
    expect(given.validation).toBe(cli.train);
    expect(given.classWeights).toBeNull();
  });

  it('weighs classes from the whole set, train and validation alike', () => {
    const sets = runSets(data, undefined, { ...settings, classWeights: 'inverse' });
    expect(sets.classWeights).toEqual(classWeightsOf(data, 'inverse'));
    expect(sets.train.weights?.length).toBe(sets.train.count * 256);
    expect(sets.validation?.weights?.length).toBe(sets.validation!.count * 256);
    expect(() => runSets(data, undefined, { ...settings, classWeights: [1] })).toThrow(
      /class weights need 2/,
    );
  });

  it('augments with the design’s families and the run’s seed, exactly as the CLI does', () => {
    expect(runAugmenter(blankDesign(), settings, data)).toBeNull();
    const design = withAugment(blankDesign());
    const browser = runAugmenter(design, settings, data)!;
    const cli = makeAugmenter(design.training.augment, 3)!;
    const at = { epoch: 2, indices: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] };
    const a = browser(data, at);
    expect(Array.from(a.x)).toEqual(Array.from(cli(data, at).x));
    expect(Array.from(a.x)).not.toEqual(Array.from(data.x));
  });

  it('refuses augmentation of 1D data', () => {
    const signals = syntheticFor({ size: [32], channels: 1, classes: 1 }, 4, 1);
    expect(() => runAugmenter(withAugment(blankDesign()), settings, signals)).toThrow(/2D images/);
  });
});
