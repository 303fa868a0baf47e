/**
 * A compiled node's ops are made when first read, by lowering the node again: they must be the
 * ops its first lowering made, for every node of every design.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDesign } from '../../bench/generateDesign';
import { structured } from '../../test/designArbitraries';
import { compile } from '../compile';
import { parseDesign } from '../design/parseDesign';
import type { Design } from '../design/schema';
import { AXIS_NAMES } from '../catalogue/spatial';
import { TEMPLATES } from '../templates';
import { passContext } from './context';
import { lowerGraph } from './lowerGraph';
import { structurePass } from './structure';

/** Every lowered node's ops read from its entry, next to the ops of the first lowering. */
function bothLowerings(design: Design, open = false) {
  const s = structurePass(design, passContext(1, []));
  const inputSize = open ? AXIS_NAMES[s.dims].map(() => null) : undefined;
  const lowering = lowerGraph(s, { report: () => undefined, keepOps: true, inputSize });
  return s.nodes.map((node, i) => ({
    id: node.id,
    first: lowering.ops[i] ?? null,
    onRead: lowering.nodes[i]?.ops ?? null,
  }));
}

describe('ops made on first read', () => {
  it('equal the first lowering’s, for every template, with fixed and open input sizes', () => {
    for (const template of TEMPLATES) {
      for (const open of [false, true]) {
        for (const { id, first, onRead } of bothLowerings(template.build(), open)) {
          expect(onRead, `${template.name} / ${id}`).toEqual(first);
        }
      }
    }
  });

  it('equal the first lowering’s on random designs, including failing ones', () => {
    fc.assert(
      fc.property(structured, (doc) => {
        const parsed = parseDesign(doc);
        if (!parsed.ok) return;
        for (const { id, first, onRead } of bothLowerings(parsed.value)) {
          expect(onRead, id).toEqual(first);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('make the design’s op list, once, in topological order', () => {
    const design = generateDesign(200);
    const c = compile(design);
    expect(c.ok).toBe(true);
    const ops = c.ops;
    expect(c.ops).toBe(ops);
    expect(ops).toEqual(c.order.flatMap((id) => c.nodes[id]?.ops ?? []));
    expect(ops.map((op) => op.id)).toContain('s0c0/conv0');
    expect(c.nodes.s0c0?.ops).toBe(c.nodes.s0c0?.ops);
  });
});
