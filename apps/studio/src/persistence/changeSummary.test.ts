import { describe, expect, it } from 'vitest';
import { addNode, removeElements } from '../state/designEdits';
import { chainDesign } from '../state/testDesign';
import { summarizeChange } from './changeSummary';

describe('change summary', () => {
  const before = chainDesign();

  it('says what was added, removed, changed and renamed', () => {
    const added = addNode(addNode(before, 'conv', { x: 0, y: 0 }).design, 'conv', {
      x: 9,
      y: 9,
    }).design;
    expect(summarizeChange(before, added)).toMatch(/^Added Conv.* ×2$/);
    const removed = removeElements(before, ['mid'], []);
    expect(summarizeChange(before, removed)).toMatch(/removed .*Conv.*removed 2 wires/i);
    const renamed = { ...before, name: 'Cells' };
    expect(summarizeChange(before, renamed)).toBe('Renamed to “Cells”');
    expect(summarizeChange(null, before)).toBe('Started with 8 layers');
    expect(summarizeChange(before, before)).toBe('No change');
  });
});
