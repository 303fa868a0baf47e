/**
 * A tokenizer for the one Python statement the platform's docs show,
 * `model_manager.create_model('unet', in_channels=3, ...)`. It recognises names, integers and
 * floats, single- or double-quoted strings, the punctuation `( ) [ ] , = . -`, comments and
 * whitespace (newlines and backslash continuations included). Nothing is ever evaluated.
 */

/** A token with its offset in the source. */
export interface Token {
  readonly type: 'name' | 'number' | 'string' | 'punct' | 'end';
  readonly text: string;
  /** For strings: the decoded value; for numbers: the numeric value. */
  readonly value: string | number;
  readonly offset: number;
}

/** A syntax error at `offset`. */
export interface TokenError {
  readonly offset: number;
  readonly message: string;
}

const ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  t: '\t',
  '\\': '\\',
  "'": "'",
  '"': '"',
};

/** Line and column (1-based) of `offset` in `source`. */
export function positionOf(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function readString(source: string, start: number): Token | TokenError {
  const quote = source[start] as string;
  let value = '';
  for (let i = start + 1; i < source.length; i++) {
    const c = source[i] as string;
    if (c === quote)
      return { type: 'string', text: source.slice(start, i + 1), value, offset: start };
    if (c === '\n') break;
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      const escaped = ESCAPES[next];
      if (escaped === undefined) return { offset: i, message: `unsupported escape \\${next}` };
      value += escaped;
      i++;
    } else {
      value += c;
    }
  }
  return { offset: start, message: 'unterminated string' };
}

/** Splits `source` into tokens, or returns the first error with its offset. */
export function tokenize(source: string): Token[] | TokenError {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || (c === '\uFEFF' && i === 0)) {
      i++;
    } else if (c === '\\' && /^\\\r?\n/.test(source.slice(i, i + 3))) {
      i += source[i + 1] === '\r' ? 3 : 2;
    } else if (c === '#') {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (c === "'" || c === '"') {
      const token = readString(source, i);
      if (!('type' in token)) return token;
      tokens.push(token);
      i += token.text.length;
    } else if (/[A-Za-z_]/.test(c)) {
      const text = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i, i + 256))?.[0] ?? c;
      tokens.push({ type: 'name', text, value: text, offset: i });
      i += text.length;
    } else if (/[0-9]/.test(c)) {
      const text = /^[0-9]+(\.[0-9]*)?([eE][+-]?[0-9]+)?/.exec(source.slice(i, i + 64))?.[0] ?? c;
      if (/[A-Za-z_]/.test(source[i + text.length] ?? '')) {
        return { offset: i, message: `"${source.slice(i, i + text.length + 1)}" is not a number` };
      }
      tokens.push({ type: 'number', text, value: Number(text), offset: i });
      i += text.length;
    } else if ('()[],=.-'.includes(c)) {
      tokens.push({ type: 'punct', text: c, value: c, offset: i });
      i++;
    } else {
      return { offset: i, message: `unexpected character ${JSON.stringify(c)}` };
    }
  }
  tokens.push({ type: 'end', text: '', value: '', offset: source.length });
  return tokens;
}
