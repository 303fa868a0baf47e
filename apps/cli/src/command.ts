/**
 * The shape of a CLI command. Commands write through `io` (never straight to the console) so tests
 * can run them in-process and read what they printed.
 */

/** Where a command writes. */
export interface Io {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** Write without a newline (progress bars); falls back to `out` when not a terminal. */
  readonly progress: (text: string) => void;
  readonly cwd: string;
}

/** Exit codes shared by every command. */
export const EXIT = {
  ok: 0,
  /** The input was read but has errors (e.g. `check` found error diagnostics). */
  errors: 1,
  /** The input could not be read, or is malformed, or the arguments are wrong. */
  unreadable: 2,
} as const;

/** One CLI command. */
export interface Command {
  readonly name: string;
  /** One line for `unet-studio --help`. */
  readonly summary: string;
  /** The usage text shown by `unet-studio <name> --help` and on argument errors. */
  readonly usage: string;
  run(args: readonly string[], io: Io): Promise<number>;
}
