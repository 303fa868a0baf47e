/** train.py's output lines as events; upload paths; the token comparison. */
import { describe, expect, it } from 'vitest';
import { safeUploadPath } from './runData';
import { parseTrainLine, withEta } from './runEvents';
import { requestToken, tokenMatches } from './token';

const batch = {
  epoch: 1,
  epochs: 3,
  batch: 2,
  batches: 4,
  loss: 0.5,
  dice: 0.2,
  imagesPerSecond: 10,
  learningRate: 0.001,
};

describe('parseTrainLine', () => {
  it('tells batch lines, epoch records and text apart', () => {
    expect(parseTrainLine(JSON.stringify(batch))).toEqual({ kind: 'batch', line: batch });
    const epoch = { epoch: 1, loss: 0.4, dice: 0.5, iou: 0.3, preview: 'epoch-0001.json' };
    expect(parseTrainLine(JSON.stringify(epoch))).toEqual({ kind: 'epoch', line: epoch });
    expect(parseTrainLine('training on 1 process(es)')).toMatchObject({ kind: 'text' });
    expect(parseTrainLine('{"broken"')).toMatchObject({ kind: 'text' });
    expect(parseTrainLine('{"epoch": "one"}')).toMatchObject({ kind: 'text' });
  });

  it('estimates the time left from the time per batch so far', () => {
    // 2 batches in 4 s; 2 left in this epoch and 8 in the two more: 10 × 2 s.
    expect(withEta(batch, 0, 4000).etaSeconds).toBeCloseTo(20);
  });
});

describe('safeUploadPath', () => {
  it('keeps folders and names, drops .. and odd characters', () => {
    expect(safeUploadPath('cells/images/a 1.png')).toBe('cells/images/a 1.png');
    expect(safeUploadPath('../../etc/passwd')).toBe('etc/passwd');
    expect(safeUploadPath('a\\..\\b$.png')).toBe('a/b_.png');
    expect(safeUploadPath('../..')).toBeNull();
  });
});

describe('the token', () => {
  it('matches only itself, from a header or the query', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true);
    expect(tokenMatches('abc', 'abd')).toBe(false);
    expect(tokenMatches('abc', '')).toBe(false);
    expect(tokenMatches('abc', null)).toBe(false);
    expect(requestToken('Bearer xyz', 'q')).toBe('xyz');
    expect(requestToken(undefined, 'q')).toBe('q');
  });
});
