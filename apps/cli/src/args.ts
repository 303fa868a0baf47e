/**
 * Argument parsing shared by the commands: Node's `util.parseArgs` in strict mode, with errors
 * turned into a message for the user instead of an exception.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Option definitions, as `util.parseArgs` takes them. */
export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** Parsed arguments, or the reason they could not be parsed. */
export type ParsedArgs =
  | {
      readonly ok: true;
      readonly positionals: readonly string[];
      readonly values: Readonly<Record<string, string | boolean | undefined>>;
    }
  | { readonly ok: false; readonly message: string };

/** Parses `args` against `options`; unknown options and missing values are errors. */
export function parseCommandArgs(args: readonly string[], options: OptionSpec): ParsedArgs {
  try {
    const parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    const values: Record<string, string | boolean | undefined> = {};
    for (const [key, value] of Object.entries(parsed.values)) {
      values[key] = Array.isArray(value) ? value[value.length - 1] : value;
    }
    return { ok: true, positionals: parsed.positionals, values };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** A positive whole number option (`--batch 4`), or the problem with it. */
export function positiveInt(
  value: string | boolean | undefined,
  name: string,
  fallback: number,
): number | string {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !/^[0-9]{1,9}$/.test(value) || Number(value) < 1) {
    return `--${name} must be a whole number of at least 1, got "${String(value)}"`;
  }
  return Number(value);
}
