import { findTemplate } from '@unet-studio/compiler';
import { describe, expect, it } from 'vitest';
import { chainDesign } from '../state/testDesign';
import { featuresProblem, nextLevelWidth, readLevels, withFeatures } from './levels';

function small() {
  const t = findTemplate('small');
  if (!t) throw new Error('template small is missing');
  return t.build();
}

describe('levels editor', () => {
  it('reads a ModelManager-style design as its features list', () => {
    const view = readLevels(small());
    expect(view.ok && view.params.features).toEqual([16, 32, 64, 128]);
  });

  it('regenerates encoder, decoder and skips for a new list, keeping the name and input size', () => {
    const d = { ...small(), name: 'My net' };
    const more = withFeatures(d, [16, 32, 64, 128, 256]);
    expect(more.name).toBe('My net');
    const view = readLevels(more);
    expect(view.ok && view.params.features).toEqual([16, 32, 64, 128, 256]);
    expect(view.ok && view.inputSize).toEqual([64, 64]);
    const pools = (x: typeof d) => x.model.nodes.filter((n) => n.kind === 'pool').length;
    const skips = (x: typeof d) => x.model.nodes.filter((n) => n.kind === 'skip').length;
    expect([pools(d), skips(d)]).toEqual([3, 3]);
    expect([pools(more), skips(more)]).toEqual([4, 4]);
    const fewer = withFeatures(d, [8, 16]);
    expect([pools(fewer), skips(fewer)]).toEqual([1, 1]);
    expect(Object.keys(fewer.layout.positions).sort()).toEqual(
      fewer.model.nodes.map((n) => n.id).sort(),
    );
  });

  it('refuses invalid lists and designs that are not ModelManager-style', () => {
    expect(featuresProblem([16, 0])).toMatch(/level 2/);
    expect(featuresProblem([])).not.toBeNull();
    const d = small();
    expect(withFeatures(d, [16, -3])).toBe(d);
    const chain = chainDesign();
    expect(readLevels(chain).ok).toBe(false);
    expect(withFeatures(chain, [8, 16])).toBe(chain);
  });

  it('suggests doubling the last width for a new level', () => {
    expect(nextLevelWidth([16, 32])).toBe(64);
    expect(nextLevelWidth([])).toBe(64);
  });
});
