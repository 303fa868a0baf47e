/**
 * Command-line options of the benchmark scripts: `--name value` and `--flag`.
 */

/** The value after `--name` on the command line, or undefined when the option is absent. */
export function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  if (at < 0) return undefined;
  const value = process.argv[at + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value`);
  return value;
}

/** True when `--name` is on the command line. */
export function flag(name: string): boolean {
  return process.argv.includes(name);
}
