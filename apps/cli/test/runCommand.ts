/** Runs one command object in-process (before or without registration) and captures its output. */
import type { Command, Io } from '../src/command';
import type { Run } from './harness';

/** Runs `command` with `argv` in `cwd`; progress text is collected separately. */
export async function runCommand(
  command: Command,
  argv: readonly string[],
  cwd = process.cwd(),
): Promise<Run & { progress: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const progress: string[] = [];
  const io: Io = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    progress: (t) => progress.push(t),
    cwd,
  };
  const code = await command.run(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n'), progress };
}
