import { describe, expect, it } from 'vitest';
import { matchShortcut, SHORTCUTS, type KeyLike } from './shortcuts';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('shortcuts', () => {
  it('maps the usual editor keys to commands', () => {
    expect(matchShortcut(key('z', { ctrlKey: true }))).toBe('undo');
    expect(matchShortcut(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(matchShortcut(key('y', { metaKey: true }))).toBe('redo');
    expect(matchShortcut(key('d', { ctrlKey: true }))).toBe('duplicate');
    expect(matchShortcut(key('g', { metaKey: true }))).toBe('group');
    expect(matchShortcut(key('l'))).toBe('autoLayout');
    expect(matchShortcut(key('?', { shiftKey: true }))).toBe('help');
    expect(matchShortcut(key('Escape'))).toBe('close');
  });

  it('leaves copy/paste to the browser and ignores other keys', () => {
    expect(matchShortcut(key('c', { ctrlKey: true }))).toBeNull();
    expect(matchShortcut(key('v', { ctrlKey: true }))).toBeNull();
    expect(matchShortcut(key('q'))).toBeNull();
    expect(matchShortcut(key('l', { altKey: true }))).toBeNull();
    expect(matchShortcut(key('L', { shiftKey: true }))).toBeNull();
  });

  it('lists a label for every shortcut', () => {
    expect(SHORTCUTS.every((s) => s.label.length > 0 && s.keys.length > 0)).toBe(true);
  });
});
