/**
 * Safe encoders for everything user-controlled that reaches generated Python: string literals,
 * identifiers and comments. A design is hostile input: its name, description and node names may
 * hold quotes, newlines, NUL bytes or bidirectional-override characters.
 */

/** Python's hard keywords and the constants that cannot be assigned. */
const PY_KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue',
  'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in',
  'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with',
  'yield',
]); // prettier-ignore

/** True for characters that must never appear raw in a generated source file or comment. */
function isUnsafeChar(cp: number): boolean {
  return (
    cp < 0x20 ||
    (cp >= 0x7f && cp < 0xa0) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2066 && cp <= 0x2069) ||
    (cp >= 0xd800 && cp <= 0xdfff) ||
    cp === 0xfeff ||
    (cp & 0xfffe) === 0xfffe
  );
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/**
 * Encodes `value` as a double-quoted Python string literal holding printable ASCII only: quotes,
 * backslashes and control characters are escaped, everything else outside ASCII becomes `\uXXXX`
 * or `\UXXXXXXXX`. The result evaluates to exactly `value` and can never end the literal early.
 *
 * @example pyStr('a "b"\n') === '"a \\"b\\"\\n"'
 */
export function pyStr(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] ?? '';
    const short = SHORT_ESCAPES[ch];
    const cp = value.charCodeAt(i);
    if (short !== undefined) out += short;
    else if (cp >= 0x20 && cp < 0x7f) out += ch;
    else if (cp < 0x100) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else {
      const full = value.codePointAt(i) ?? cp;
      if (full > 0xffff) {
        out += `\\U${full.toString(16).padStart(8, '0')}`;
        i++;
      } else out += `\\u${full.toString(16).padStart(4, '0')}`;
    }
  }
  return `${out}"`;
}

/**
 * Makes `text` safe to put after `# ` on one line: control characters, line and paragraph
 * separators and bidirectional controls become spaces, runs of spaces collapse, and the result is
 * cut to `max` characters.
 */
export function pyComment(text: string, max = 100): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    out += isUnsafeChar(cp) ? ' ' : ch;
  }
  out = out.replace(/\s+/g, ' ').trim();
  const chars = [...out];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : out;
}

/**
 * Turns any text into a snake_case Python identifier matching `[A-Za-z_][A-Za-z0-9_]*`: runs of
 * other characters become one `_`, a leading digit gets an `n` prefix, keywords get a trailing `_`,
 * and text with nothing usable gives `fallback`.
 *
 * @example pyIdent('Encoder 1 / conv') === 'encoder_1_conv'
 */
export function pyIdent(text: string, fallback = 'node'): string {
  let id = text
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
  if (id === '') id = fallback;
  if (/^[0-9]/.test(id)) id = `n${id}`;
  if (PY_KEYWORDS.has(id)) id = `${id}_`;
  return id;
}

/** Formats a finite number as a Python float or int literal (`1e-05`, `0.1`, `3`). */
export function pyNum(value: number): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`cannot write ${String(value)} as a Python number`);
  }
  return String(value);
}

/** Formats a list of integers as a Python tuple (`(3, 3)`, `(2,)`). */
export function pyTuple(values: readonly number[]): string {
  const items = values.map(pyNum);
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
}

/** Formats a boolean as `True` / `False`. */
export function pyBool(value: boolean): string {
  return value ? 'True' : 'False';
}
