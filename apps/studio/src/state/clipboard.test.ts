import { describe, expect, it } from 'vitest';
import { FRAGMENT_FORMAT, copyFragment, parseFragment, pasteFragment } from './clipboard';
import { chainDesign } from './testDesign';

describe('clipboard', () => {
  it('copies the selected nodes with the links between them only', () => {
    const f = copyFragment(chainDesign(), ['enc1', 'pool1', 'mid']);
    expect(f?.nodes.map((n) => n.id)).toEqual(['enc1', 'pool1', 'mid']);
    expect(f?.edges.map((e) => e.id)).toEqual(['e2', 'e3']);
    expect(copyFragment(chainDesign(), ['ghost'])).toBeNull();
  });

  it('pastes with fresh ids, internal links rewired and positions offset', () => {
    const d = chainDesign();
    const f = copyFragment(d, ['enc1', 'pool1']);
    if (!f) throw new Error('no fragment');
    const pasted = pasteFragment(d, f, { x: 40, y: 40 });
    expect(pasted.ids).toEqual(['enc1_2', 'pool1_2']);
    const edge = pasted.design.model.edges.at(-1);
    expect(edge).toMatchObject({ source: 'enc1_2', target: 'pool1_2' });
    expect(pasted.design.layout.positions.enc1_2).toEqual({ x: 240, y: 40 });
    const twice = pasteFragment(pasted.design, f, { x: 80, y: 80 });
    expect(twice.ids).toEqual(['enc1_3', 'pool1_3']);
  });

  it('round-trips through text and refuses malformed fragments, naming the field', () => {
    const f = copyFragment(chainDesign(), ['enc1']);
    const text = JSON.stringify(f);
    const back = parseFragment(text);
    expect(back?.ok).toBe(true);
    expect(parseFragment('hello')).toBeNull();
    expect(parseFragment('{"format":"other"}')).toBeNull();
    const bad = JSON.parse(text) as { nodes: { params: { filters: unknown } }[] };
    const first = bad.nodes[0];
    if (first) first.params.filters = 'many';
    const result = parseFragment(JSON.stringify(bad));
    expect(result).toMatchObject({ ok: false });
    expect(result && !result.ok && result.message).toMatch(/nodes\.0\.params\.filters/);
  });

  it('refuses a deeply nested paste with a short message instead of overflowing the stack', () => {
    const deep = `{"format":"${FRAGMENT_FORMAT}","nodes":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    const result = parseFragment(deep);
    expect(result).toMatchObject({ ok: false });
    expect(result && !result.ok && result.message.length).toBeLessThan(300);
  });
});
