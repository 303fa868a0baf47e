import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pyBool, pyComment, pyIdent, pyNum, pyStr, pyTuple } from './pyLiteral';

describe('pyStr', () => {
  it('escapes quotes, backslashes and newlines so the literal cannot end early', () => {
    expect(pyStr('"); import os; os.system("x')).toBe('"\\"); import os; os.system(\\"x"');
    expect(pyStr('a\\')).toBe('"a\\\\"');
    expect(pyStr('line\nnext\r\t')).toBe('"line\\nnext\\r\\t"');
    expect(pyStr('"""')).toBe('"\\"\\"\\""');
  });

  it('writes everything outside printable ASCII as escapes', () => {
    expect(pyStr('é\u0000\u202e😀')).toBe('"\\xe9\\x00\\u202e\\U0001f600"');
  });

  it('gives printable ASCII only, with every inner quote escaped, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const lit = pyStr(s);
        expect(lit).toMatch(/^"[\x20-\x7e]*"$/);
        // Every quote inside is preceded by an odd number of backslashes.
        const inner = lit.slice(1, -1);
        for (let i = inner.indexOf('"'); i >= 0; i = inner.indexOf('"', i + 1)) {
          let slashes = 0;
          for (let j = i - 1; j >= 0 && inner[j] === '\\'; j--) slashes++;
          expect(slashes % 2).toBe(1);
        }
      }),
    );
  });
});

describe('pyComment', () => {
  it('keeps one line: newlines, separators and bidi controls become spaces', () => {
    expect(pyComment('a\nimport os\r\u2028b\u202ec')).toBe('a import os b c');
  });

  it('cuts long text', () => {
    expect([...pyComment('x'.repeat(300), 20)].length).toBe(20);
  });

  it('never holds a line break for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = pyComment(s);
        for (const bad of [
          '\r',
          '\n',
          '\u2028',
          '\u2029',
          '\u0000',
          '\u000b',
          '\u000c',
          '\u0085',
        ]) {
          expect(out.includes(bad)).toBe(false);
        }
      }),
    );
  });
});

describe('pyIdent', () => {
  it('makes snake_case identifiers of names', () => {
    expect(pyIdent('Encoder 1 / conv')).toBe('encoder_1_conv');
    expect(pyIdent('decBlock2')).toBe('dec_block2');
    expect(pyIdent('1st level')).toBe('n1st_level');
    expect(pyIdent('class')).toBe('class_');
    expect(pyIdent('"""\n\'')).toBe('node');
    expect(pyIdent('ünï', 'op')).toBe('n');
  });

  it('always matches [A-Za-z_][A-Za-z0-9_]*', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(pyIdent(s)).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
      }),
    );
  });
});

describe('numbers and tuples', () => {
  it('writes Python literals', () => {
    expect(pyNum(1e-5)).toBe('0.00001');
    expect(pyNum(1e-7)).toBe('1e-7');
    expect(pyTuple([3])).toBe('(3,)');
    expect(pyTuple([3, 5])).toBe('(3, 5)');
    expect(pyBool(true)).toBe('True');
  });

  it('refuses what is not a finite number', () => {
    expect(() => pyNum(Number.NaN)).toThrow(/NaN/);
    expect(() => pyNum('1; import os' as unknown as number)).toThrow(/cannot write/);
  });
});
