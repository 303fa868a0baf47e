import { describe, expect, it } from 'vitest';
import { diagnostic, hasErrors, issue } from './make';

describe('diagnostic builders', () => {
  it('take the severity from the code table and omit absent targets', () => {
    expect(diagnostic('NO_OUTPUT', 'Add one.')).toEqual({
      code: 'NO_OUTPUT',
      severity: 'error',
      message: 'Add one.',
    });
    expect(diagnostic('DANGLING_NODE', 'm', { nodeId: 'a' })).toMatchObject({
      severity: 'warning',
      nodeId: 'a',
    });
    expect(issue('INPUT_SIZE_RULE', 'm').severity).toBe('info');
  });

  it('tell whether a list has errors', () => {
    expect(hasErrors([diagnostic('DANGLING_NODE', 'm')])).toBe(false);
    expect(hasErrors([diagnostic('DANGLING_NODE', 'm'), diagnostic('CYCLE', 'm')])).toBe(true);
  });
});
