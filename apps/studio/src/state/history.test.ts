import { describe, expect, it } from 'vitest';
import {
  HISTORY_LIMIT,
  commit,
  commitFrom,
  createHistory,
  redo,
  redoLabel,
  replacePresent,
  undo,
  undoLabel,
} from './history';

describe('history', () => {
  it('undoes and redoes committed steps in order', () => {
    let h = createHistory('a');
    h = commit(h, 'b', 'add b');
    h = commit(h, 'c', 'add c');
    expect(undoLabel(h)).toBe('add c');
    h = undo(h);
    expect(h.present).toBe('b');
    expect(redoLabel(h)).toBe('add c');
    h = undo(h);
    expect(h.present).toBe('a');
    expect(undo(h)).toBe(h);
    h = redo(redo(h));
    expect(h.present).toBe('c');
    expect(redo(h)).toBe(h);
  });

  it('drops the redo branch on a new commit', () => {
    let h = commit(commit(createHistory(1), 2, 'two'), 3, 'three');
    h = commit(undo(h), 4, 'four');
    expect(h.future).toHaveLength(0);
    expect(undo(h).present).toBe(2);
  });

  it('merges steps that share a coalescing key', () => {
    let h = createHistory('');
    h = commit(h, 'f', 'type', 'name');
    h = commit(h, 'fo', 'type', 'name');
    h = commit(h, 'foo', 'type', 'name');
    expect(h.past).toHaveLength(1);
    expect(undo(h).present).toBe('');
    h = commit(h, 'foo!', 'other');
    expect(h.past).toHaveLength(2);
  });

  it('turns a transient sequence into a single step', () => {
    let h = createHistory({ x: 0 });
    const base = h.present;
    for (let x = 1; x <= 30; x++) h = replacePresent(h, { x });
    h = commitFrom(h, base, 'move');
    expect(h.past).toHaveLength(1);
    expect(h.present).toEqual({ x: 30 });
    expect(undo(h).present).toEqual({ x: 0 });
  });

  it('ignores commits that change nothing and caps its length', () => {
    let h = createHistory(0);
    expect(commit(h, 0, 'noop')).toBe(h);
    for (let i = 1; i <= HISTORY_LIMIT + 20; i++) h = commit(h, i, `step ${i}`);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0]?.value).toBe(20);
  });
});
