import { describe, expect, it } from 'vitest';
import { createRandom } from '../data/random';
import { connectedComponents, distanceTransform } from './distanceTransform';

describe('distanceTransform', () => {
  it('gives exact Euclidean distances to the nearest site', () => {
    const rng = createRandom(4);
    const h = 9;
    const w = 13;
    const sites = Array.from({ length: h * w }, () => rng.next() < 0.08);
    sites[5] = true;
    const d = distanceTransform((i) => sites[i]!, h, w);
    for (let i = 0; i < h * w; i++) {
      let best = Infinity;
      for (let j = 0; j < h * w; j++) {
        if (!sites[j]) continue;
        best = Math.min(best, Math.hypot(Math.floor(i / w) - Math.floor(j / w), (i % w) - (j % w)));
      }
      expect(d[i]).toBeCloseTo(best, 9);
    }
  });

  it('is Infinity everywhere without sites', () => {
    expect(Array.from(distanceTransform(() => false, 2, 2))).toEqual([
      Infinity,
      Infinity,
      Infinity,
      Infinity,
    ]);
  });
});

describe('connectedComponents', () => {
  it('separates diagonal neighbours (4-connectivity)', () => {
    const mask = [1, 0, 0, 1, 1, 0, 0, 0, 1];
    const { labels, count } = connectedComponents((i) => mask[i] === 1, 3, 3);
    // 1 0 0 / 1 1 0 / 0 0 1: the bottom-right pixel touches the rest only diagonally.
    expect(count).toBe(2);
    expect([labels[0], labels[3], labels[4]]).toEqual([1, 1, 1]);
    expect(labels[8]).toBe(2);
  });
});
