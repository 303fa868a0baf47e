import { serializeDesign } from '@unet-studio/compiler';
import { describe, expect, it } from 'vitest';
import { chainDesign } from '../state/testDesign';
import {
  MAX_JOURNAL_CHARS,
  clearJournal,
  journalKey,
  journalToApply,
  readJournal,
  writeJournal,
} from './journal';
import { MemoryStorage } from './memoryStorage';

const design = { ...chainDesign(), name: 'renamed just before leaving' };

describe('recovery journal', () => {
  it('keeps the design per document and reads it back', () => {
    const store = new MemoryStorage();
    expect(writeJournal('a', design, 1000, store)).toBe(true);
    expect(readJournal('a', store)?.design.name).toBe('renamed just before leaving');
    expect(readJournal('a', store)?.at).toBe(1000);
    expect(readJournal('b', store)).toBeNull();
  });

  it('applies only a journal newer than the stored record and different from it', () => {
    const store = new MemoryStorage();
    writeJournal('a', design, 1000, store);
    const older = serializeDesign(chainDesign());
    expect(journalToApply('a', 999, older, store)?.design.name).toBe(design.name);
    expect(journalToApply('a', 1000, older, store)).toBeNull();
    expect(journalToApply('a', 2000, older, store)).toBeNull();
    expect(journalToApply('a', 999, serializeDesign(design), store)).toBeNull();
  });

  it('ignores a journal that is not a readable design', () => {
    const store = new MemoryStorage();
    for (const raw of [
      'not json',
      '{"at":5}',
      '{"at":"5","text":"{}"}',
      JSON.stringify({ at: 5, text: '{"nodes": 3}' }),
      JSON.stringify({ at: null, text: serializeDesign(design) }),
      'null',
      `"${'x'.repeat(MAX_JOURNAL_CHARS + 500)}"`,
    ]) {
      store.setItem(journalKey('a'), raw);
      expect(readJournal('a', store)).toBeNull();
      expect(journalToApply('a', 0, '', store)).toBeNull();
    }
  });

  it('is cleared, and a full or missing storage is no error', () => {
    const store = new MemoryStorage();
    writeJournal('a', design, 1000, store);
    clearJournal('a', store);
    expect(readJournal('a', store)).toBeNull();
    store.full = true;
    expect(writeJournal('a', design, 1000, store)).toBe(false);
    expect(writeJournal('a', design, 1000, null)).toBe(false);
    expect(readJournal('a', null)).toBeNull();
    expect(() => clearJournal('a', null)).not.toThrow();
  });
});
