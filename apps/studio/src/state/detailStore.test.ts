import { describe, expect, it } from 'vitest';
import { createDetailStore } from './detailStore';

describe('detail store', () => {
  it('writes at once at full detail', () => {
    const detail = createDetailStore();
    const seen: string[] = [];
    detail.write({}, () => seen.push('a'));
    expect(seen).toEqual(['a']);
  });

  it('holds writes back while zoomed out and does the latest per element on zooming in', () => {
    const detail = createDetailStore();
    const label = {};
    const other = {};
    const seen: string[] = [];
    detail.setCoarse(true);
    detail.write(label, () => seen.push('label 1'));
    detail.write(label, () => seen.push('label 2'));
    detail.write(other, () => seen.push('other'));
    expect(seen).toEqual([]);
    detail.setCoarse(false);
    expect(seen).toEqual(['label 2', 'other']);
    detail.setCoarse(true);
    detail.setCoarse(false);
    expect(seen).toEqual(['label 2', 'other']);
  });

  it('drops the held write of an element that is gone', () => {
    const detail = createDetailStore();
    const gone = {};
    const seen: string[] = [];
    detail.setCoarse(true);
    detail.write(gone, () => seen.push('gone'));
    detail.forget(gone);
    detail.setCoarse(false);
    expect(seen).toEqual([]);
  });
});
