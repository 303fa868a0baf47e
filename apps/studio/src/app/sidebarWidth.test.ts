import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SIDEBAR_WIDTH,
  MAX_SIDEBAR_WIDTH,
  MIN_SIDEBAR_WIDTH,
  SIDEBAR_WIDTH_KEY,
  clampSidebarWidth,
  readSidebarWidth,
  writeSidebarWidth,
} from './sidebarWidth';

function memory(): Storage {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
  } as Storage;
}

describe('sidebar width', () => {
  it('clamps into the allowed range and falls back on junk', () => {
    expect(clampSidebarWidth(10)).toBe(MIN_SIDEBAR_WIDTH);
    expect(clampSidebarWidth(5000)).toBe(MAX_SIDEBAR_WIDTH);
    expect(clampSidebarWidth(Number.NaN)).toBe(DEFAULT_SIDEBAR_WIDTH);
    expect(clampSidebarWidth(400.6)).toBe(401);
  });

  it('remembers a width and ignores a hostile stored value', () => {
    const s = memory();
    expect(readSidebarWidth(s)).toBe(DEFAULT_SIDEBAR_WIDTH);
    writeSidebarWidth(s, 450);
    expect(readSidebarWidth(s)).toBe(450);
    s.setItem(SIDEBAR_WIDTH_KEY, 'x'.repeat(1000));
    expect(readSidebarWidth(s)).toBe(DEFAULT_SIDEBAR_WIDTH);
    s.setItem(SIDEBAR_WIDTH_KEY, 'abc');
    expect(readSidebarWidth(s)).toBe(DEFAULT_SIDEBAR_WIDTH);
  });

  it('survives a storage that throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
    } as unknown as Storage;
    expect(readSidebarWidth(broken)).toBe(DEFAULT_SIDEBAR_WIDTH);
    expect(() => writeSidebarWidth(broken, 400)).not.toThrow();
  });
});
