import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { structured } from '../../test/designArbitraries';
import { basicUnet, lowCodeUnet, paperUnet } from '../../test/unets';
import { parseDesign } from '../design/parseDesign';
import type { Design } from '../design/schema';
import { formatDim } from '../shape/dimMath';
import { passContext } from './context';
import { reopenOps } from './reopenOps';
import { shapesPass } from './shapes';
import { deriveSizeRule, lowerOpen, type OpenLowering } from './sizeRule';
import { structurePass } from './structure';

function both(design: Design) {
  const ctx = passContext(1, []);
  const s = structurePass(design, ctx);
  const shapes = shapesPass(design, ctx, s, true);
  return { s, fast: reopenOps(s, shapes), full: lowerOpen(s) };
}

const outputs = (o: OpenLowering) => [...o.outputs].map(([id, dims]) => [id, dims.map(formatDim)]);

describe('reopenOps', () => {
  it('re-derives the open sizes of exact designs, giving the same rule as a second lowering', () => {
    for (const design of [paperUnet(), lowCodeUnet(), basicUnet([160, 240])]) {
      const { s, fast, full } = both(design);
      expect(fast).not.toBeNull();
      if (!fast) continue;
      expect(deriveSizeRule(s, fast)).toEqual(deriveSizeRule(s, full));
      expect(outputs(fast)).toEqual(outputs(full));
    }
    const { fast } = both(paperUnet());
    expect(fast && outputs(fast)).toEqual([['out', ['H−184', 'W−184']]]);
  });

  it('declines when a downsampling is inexact, so the caller lowers again', () => {
    expect(both(basicUnet([161, 161])).fast).toBeNull();
    expect(both(lowCodeUnet([100, 100])).fast).toBeNull();
  });

  it('agrees with a second lowering on random structured designs', () => {
    let compared = 0;
    fc.assert(
      fc.property(structured, (doc) => {
        const parsed = parseDesign(doc);
        if (!parsed.ok) return;
        const { s, fast, full } = both(parsed.value);
        if (!fast) return;
        compared++;
        expect(deriveSizeRule(s, fast)).toEqual(deriveSizeRule(s, full));
        expect(outputs(fast)).toEqual(outputs(full));
      }),
      { numRuns: 300 },
    );
    expect(compared).toBeGreaterThan(30);
  });
});
