import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from './codes';

const errorsDoc = readFileSync(new URL('../../../../docs/errors.md', import.meta.url), 'utf8');
const headings = new Set([...errorsDoc.matchAll(/^## ([A-Z0-9_]+)$/gm)].map((m) => m[1]));

describe('diagnostic codes', () => {
  it('are each documented under a "## CODE" heading in docs/errors.md', () => {
    const missing = Object.keys(DIAGNOSTIC_CODES).filter((code) => !headings.has(code));
    expect(missing).toEqual([]);
  });

  it('document no code that does not exist', () => {
    const unknown = [...headings].filter((h) => h !== undefined && !(h in DIAGNOSTIC_CODES));
    expect(unknown).toEqual([]);
  });

  it('state in docs/errors.md the severity each code has', () => {
    for (const [code, { severity }] of Object.entries(DIAGNOSTIC_CODES)) {
      const section = errorsDoc.split(`## ${code}\n`)[1]?.split('\n## ')[0] ?? '';
      expect(section, code).toMatch(new RegExp(`^\\*\\*${severity}[.*]`, 'm'));
    }
  });
});
