import { describe, expect, it } from 'vitest';
import { shownText } from './draftText';

describe('shownText', () => {
  it('shows what is being typed while the design holds what it committed', () => {
    // Typing "Enc 1 " commits the trimmed name; the trailing space stays in the box.
    expect(shownText('Enc 1', { text: 'Enc 1 ', committed: 'Enc 1' })).toBe('Enc 1 ');
    // Clearing the box commits nothing new (the design keeps its name) but the box stays empty.
    expect(shownText('Level 1', { text: '', committed: 'Level 1' })).toBe('');
  });

  it('shows the design once it holds something else, e.g. after undo', () => {
    expect(shownText('conv1', { text: 'Encoder', committed: 'Encoder' })).toBe('conv1');
    expect(shownText('conv1', null)).toBe('conv1');
  });
});
