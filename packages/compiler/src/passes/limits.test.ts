import { describe, expect, it } from 'vitest';
import { deepUnet, stridedPools, type RawDesign } from '../../test/hostile';
import { paperUnet } from '../../test/unets';
import { compile } from '../compile';
import { parseDesign } from '../design/parseDesign';
import type { Design } from '../design/schema';
import type { Diagnostic } from '../diagnostics/types';
import { passContext } from './context';
import { DESIGN_LIMITS } from './limits';
import { deriveSizeRule, lowerOpen } from './sizeRule';
import { structurePass } from './structure';

function parsed(doc: RawDesign): Design {
  const result = parseDesign(JSON.stringify(doc));
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('; '));
  return result.value;
}

const errors = (design: Design): Diagnostic[] =>
  compile(design).diagnostics.filter((d) => d.severity === 'error');

// Designs of thousands of nodes on a shared machine: a generous limit per test, which a hang fails.
describe('limits pass', { timeout: 30_000 }, () => {
  it('names the node and the limit for a stride of 2^52, and lowers nothing', () => {
    const c = compile(parsed(stridedPools(20, 2 ** 52)));
    expect(c.ok).toBe(false);
    const first = c.diagnostics.find((d) => d.code === 'PARAM_LIMIT');
    expect(first?.nodeId).toBe('p0');
    expect(first?.message).toContain('4,503,599,627,370,496 is above the limit of 1,024');
    expect(c.nodes['p0']?.shape).toBeNull();
  });

  it('stops 1,100 stride-2 pools at the first node past 2^20, open or fixed size', () => {
    for (const size of [null, 64]) {
      const found = errors(parsed(stridedPools(1100, 2, size)));
      expect(found.map((d) => [d.code, d.nodeId])).toEqual([['SCALE_LIMIT', 'p20']]);
      expect(found[0]?.message).toContain('downsamples the input by 2,097,152 on H');
      expect(found[0]?.message).toContain('1,048,576');
    }
  });

  it('stops a 1,500-level U-Net at its 21st pool', () => {
    const found = errors(parsed(deepUnet(1500)));
    expect(found.map((d) => [d.code, d.nodeId])).toEqual([['SCALE_LIMIT', 'p20']]);
  });

  it('accepts 20 levels (a factor of 2^20) and real U-Nets, with their shapes', () => {
    expect(errors(parsed(deepUnet(20)))).toEqual([]);
    const paper = compile(paperUnet());
    expect(paper.ok).toBe(true);
    expect(paper.nodes['out']?.shape).toEqual({ channels: 2, spatial: [388, 388] });
  });

  it('bounds sizes, channels, kernels and the node count', () => {
    const big = stridedPools(1, 2, DESIGN_LIMITS.size + 1);
    expect(errors(parsed(big))[0]?.message).toContain(
      `size 65,537 is above the limit of ${DESIGN_LIMITS.size.toLocaleString('en-US')}`,
    );
    const wide = stridedPools(1, 2);
    wide.model.nodes.push({
      id: 'c',
      kind: 'conv',
      params: { filters: 70_000, kernel: [3, 2000] },
    });
    wide.model.edges.push({ id: 'ec', source: 'in', target: 'c' });
    expect(errors(parsed(wide))[0]?.message).toContain("Conv block 'c': filters 70,000");
    const many = stridedPools(DESIGN_LIMITS.nodes, 1);
    const found = errors(parsed(many));
    expect(found.map((d) => d.code)).toEqual(['DESIGN_TOO_LARGE']);
    expect(found[0]?.message).toContain('at most 50,000 nodes');
  });

  it('an upsampling chain past 2^20 is named too', () => {
    const doc = stridedPools(0, 1, 4);
    doc.model.nodes = doc.model.nodes.filter((n) => n.kind !== 'output');
    doc.model.edges = [];
    let prev = 'in';
    for (let i = 0; i < 3; i++) {
      doc.model.nodes.push({
        id: `u${i}`,
        kind: 'upconv',
        params: { mode: 'nearest', factor: 1024 },
      });
      doc.model.edges.push({ id: `e${i}`, source: prev, target: `u${i}` });
      prev = `u${i}`;
    }
    doc.model.nodes.push({ id: 'out', kind: 'output' });
    doc.model.edges.push({ id: 'eo', source: prev, target: 'out' });
    const found = errors(parsed(doc));
    expect(found.map((d) => [d.code, d.nodeId])).toEqual([['SCALE_LIMIT', 'u2']]);
    expect(found[0]?.message).toContain('upsamples the input by 1,073,741,824');
  });

  it('the size arithmetic itself terminates past the limits (open sizes overflow to Infinity)', () => {
    const design = parsed(stridedPools(1100, 2, null));
    const s = structurePass(design, passContext(1, []));
    const open = lowerOpen(s);
    expect(open.failed).toBe(false);
    expect(() => deriveSizeRule(s, open)).not.toThrow();
  });
});
