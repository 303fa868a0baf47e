import { blankDesign, classLabel, parseDesign, serializeDesign } from '@unet-studio/compiler';
import { describe, expect, it } from 'vitest';
import { createDesignStore } from '../state/designStore';
import { nameFor, withClassName } from './classNames';

const BLACK = 0x000000;
const RED = 0xff0000;
const GREEN = 0x00ff00;

describe('class names in the design', () => {
  it('saves a renamed class with the legend colours as one undo step per edit', () => {
    const store = createDesignStore(blankDesign());
    const colors = [BLACK, RED, GREEN];
    // Typing "ro", "roa", "road" in one field is one step (same key); another field is another.
    for (const text of ['r', 'ro', 'road'])
      store.getState().transact('Name class 1', withClassName(colors, 1, text), 'class-name-1');
    store.getState().transact('Name class 2', withClassName(colors, 2, 'grass'), 'class-name-2');
    expect(store.getState().design.training.classes).toEqual([
      { name: '', color: '#000000' },
      { name: 'road', color: '#ff0000' },
      { name: 'grass', color: '#00ff00' },
    ]);
    const reopened = parseDesign(serializeDesign(store.getState().design));
    expect(reopened.ok && classLabel(reopened.value.training.classes, 1)).toBe('road');
    store.getState().undo();
    expect(store.getState().design.training.classes?.map((c) => c.name)).toEqual(['', 'road', '']);
    store.getState().undo();
    expect(store.getState().design.training.classes).toBeUndefined();
  });

  it('keeps each colour’s name when the legend comes in another order, and cleans names', () => {
    const named = withClassName([BLACK, RED, GREEN], 1, 'road\u001b[31m\n')(blankDesign());
    expect(named.training.classes?.[1]?.name).toBe('road[31m');
    const reordered = withClassName([BLACK, GREEN, RED], 1, 'grass')(named);
    expect(reordered.training.classes).toEqual([
      { name: '', color: '#000000' },
      { name: 'grass', color: '#00ff00' },
      { name: 'road[31m', color: '#ff0000' },
    ]);
    expect(nameFor(reordered.training.classes, RED, 0)).toBe('road[31m');
    expect(
      withClassName([BLACK, RED], 0, 'x'.repeat(200))(blankDesign()).training.classes?.[0]?.name,
    ).toHaveLength(60);
    expect(withClassName([BLACK, GREEN, RED], 1, 'grass')(reordered)).toBe(reordered);
  });
});
