/**
 * The Python spelling of a ModelManager config: one `create_model` call.
 *
 * Accepted: an optional `name =` assignment, a dotted callee ending in `create_model`, the model
 * name first, then the UNet's arguments positionally (in signature order) and/or by keyword, with
 * string, integer, `True`/`False`/`None` and list or tuple values, trailing commas, comments and
 * line breaks. Anything else is rejected with its line and column.
 */
import type { ImportResult } from '../result';
import { MODEL_MANAGER_KEYS, type ModelManagerParams } from './schema';
import { positionOf, tokenize, type Token } from './pythonTokens';

/** A parsed call: the model name and the arguments by parameter key, with each one's offset. */
export interface PythonCall {
  readonly model: string;
  readonly args: Readonly<Record<string, unknown>>;
  readonly offsets: Readonly<Record<string, number>>;
}

/** Thrown inside the parser only, caught by `parsePythonCall`. */
class SyntaxProblem extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

class Parser {
  private at = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  peek(): Token {
    return this.tokens[this.at] ?? (this.tokens[this.tokens.length - 1] as Token);
  }
  /** The token after the next one. */
  second(): Token | undefined {
    return this.tokens[this.at + 1];
  }
  next(): Token {
    const t = this.peek();
    if (this.at < this.tokens.length - 1) this.at++;
    return t;
  }
  isPunct(text: string): boolean {
    const t = this.peek();
    return t.type === 'punct' && t.text === text;
  }
  expectPunct(text: string, where: string): Token {
    const t = this.next();
    if (t.type !== 'punct' || t.text !== text) {
      throw new SyntaxProblem(t.offset, `expected "${text}" ${where}, found ${describe(t)}`);
    }
    return t;
  }
  value(depth = 0): unknown {
    const t = this.next();
    if (t.type === 'string') return t.value;
    if (t.type === 'number') return t.value;
    if (t.type === 'punct' && t.text === '-') {
      const n = this.next();
      if (n.type !== 'number')
        throw new SyntaxProblem(n.offset, `expected a number after "-", found ${describe(n)}`);
      return -(n.value as number);
    }
    if (t.type === 'name') {
      if (t.text === 'True') return true;
      if (t.text === 'False') return false;
      if (t.text === 'None') return null;
      throw new SyntaxProblem(t.offset, `"${t.text}" is a variable; write the value itself`);
    }
    if (t.type === 'punct' && (t.text === '[' || t.text === '(')) {
      if (depth > 4) throw new SyntaxProblem(t.offset, 'lists nested too deeply');
      return this.list(t.text === '[' ? ']' : ')', depth + 1);
    }
    throw new SyntaxProblem(t.offset, `expected a value, found ${describe(t)}`);
  }
  list(close: string, depth: number): unknown[] {
    const items: unknown[] = [];
    while (!this.isPunct(close)) {
      items.push(this.value(depth));
      if (!this.isPunct(close)) this.expectPunct(',', 'between list items');
    }
    this.next();
    return items;
  }
}

function describe(t: Token): string {
  return t.type === 'end' ? 'the end of the text' : `"${t.text}"`;
}

function parseCall(p: Parser): PythonCall {
  let head = p.next();
  if (head.type === 'name' && p.isPunct('=')) {
    p.next();
    head = p.next();
  }
  let callee = head;
  if (head.type !== 'name')
    throw new SyntaxProblem(head.offset, `expected create_model(...), found ${describe(head)}`);
  while (p.isPunct('.')) {
    p.next();
    callee = p.next();
    if (callee.type !== 'name')
      throw new SyntaxProblem(
        callee.offset,
        `expected a name after ".", found ${describe(callee)}`,
      );
  }
  if (callee.text !== 'create_model') {
    throw new SyntaxProblem(
      callee.offset,
      `expected a call of create_model, found "${callee.text}"`,
    );
  }
  p.expectPunct('(', 'after create_model');
  // No prototype: `constructor=`, `toString=` or `__proto__=` are keywords like any other.
  const args = Object.create(null) as Record<string, unknown>;
  const offsets = Object.create(null) as Record<string, number>;
  let model: string | null = null;
  let position = 0;
  let keywords = false;
  while (!p.isPunct(')')) {
    const t = p.peek();
    if (t.type === 'name' && p.second()?.text === '=') {
      p.next();
      p.next();
      keywords = true;
      const key = t.text;
      if (key in offsets || (key === 'name' && model !== null))
        throw new SyntaxProblem(t.offset, `${key} is given twice`);
      const value = p.value();
      if (key === 'name') {
        if (typeof value !== 'string')
          throw new SyntaxProblem(t.offset, "name must be a string such as 'unet'");
        model = value;
      } else {
        args[key] = value;
        offsets[key] = t.offset;
      }
    } else {
      if (keywords)
        throw new SyntaxProblem(t.offset, 'positional argument follows keyword argument');
      const value = p.value();
      if (model === null) {
        if (typeof value !== 'string')
          throw new SyntaxProblem(
            t.offset,
            "the first argument must be the model name, such as 'unet'",
          );
        model = value;
      } else {
        const key = MODEL_MANAGER_KEYS[position++];
        if (key === undefined)
          throw new SyntaxProblem(
            t.offset,
            `too many positional arguments (the UNet takes ${MODEL_MANAGER_KEYS.length})`,
          );
        args[key] = value;
        offsets[key] = t.offset;
      }
    }
    if (!p.isPunct(')')) p.expectPunct(',', 'between arguments');
  }
  const close = p.next();
  if (model === null)
    throw new SyntaxProblem(close.offset, "create_model needs the model name, such as 'unet'");
  const end = p.next();
  if (end.type !== 'end')
    throw new SyntaxProblem(end.offset, `unexpected ${describe(end)} after the call`);
  return { model, args, offsets };
}

/**
 * Parses the text of a `create_model(...)` call.
 * @returns the call, or one issue whose message starts with `line L, column C`.
 */
export function parsePythonCall(source: string): ImportResult<PythonCall> {
  const fail = (offset: number, message: string): ImportResult<never> => {
    const { line, column } = positionOf(source, offset);
    return {
      ok: false,
      issues: [{ path: [], message: `line ${line}, column ${column}: ${message}` }],
    };
  };
  if (source.length > 100_000) return fail(0, 'the text is too long for one create_model call');
  const tokens = tokenize(source);
  if (!Array.isArray(tokens)) return fail(tokens.offset, tokens.message);
  try {
    return { ok: true, value: parseCall(new Parser(tokens)) };
  } catch (error) {
    if (error instanceof SyntaxProblem) return fail(error.offset, error.message);
    throw error;
  }
}

function pyValue(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value)) return `[${value.map(pyValue).join(', ')}]`;
  return String(value);
}

/**
 * Writes the Python line, every parameter explicit.
 * @example modelManagerToPython(params) // "model_manager.create_model('unet', in_channels=3, ...)"
 */
export function modelManagerToPython(params: ModelManagerParams): string {
  const args = MODEL_MANAGER_KEYS.map((key) => `${key}=${pyValue(params[key])}`);
  return `model_manager.create_model('unet', ${args.join(', ')})`;
}
