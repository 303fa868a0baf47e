/**
 * Launch → watch: torchrun started in its own process group, its output split into lines (the
 * whole of it kept in the run's log), and stopped by signalling the whole group.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** A started run process. */
export interface RunProcess {
  /** The process (and process group) id, when it started. */
  readonly pid: number | null;
  /** Resolves with the exit code (null when killed by a signal) once the log is flushed. */
  readonly exited: Promise<number | null>;
  /** Stops the whole process group: SIGTERM, then SIGKILL after `graceMs`. */
  stop(graceMs?: number): void;
}

/** What {@link startRunProcess} needs. */
export interface ProcessSpec {
  readonly python: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly logFile: string;
  readonly env?: Readonly<Record<string, string>>;
  /** Each line of standard output. */
  readonly onStdout: (line: string) => void;
  /** Each line of standard error. */
  readonly onStderr: (line: string) => void;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is gone already.
  }
}

/**
 * Starts `python args…` detached (its own process group, so torchrun and every worker it starts
 * can be stopped together), appending both output streams to `logFile`.
 */
export function startRunProcess(spec: ProcessSpec): RunProcess {
  const log = createWriteStream(spec.logFile, { flags: 'a' });
  const child = spawn(spec.python, [...spec.args], {
    cwd: spec.cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, OMP_NUM_THREADS: '1', PYTHONUNBUFFERED: '1', ...spec.env },
  });
  const lines = (stream: NodeJS.ReadableStream, each: (line: string) => void) =>
    new Promise<void>((done) => {
      const rl = createInterface({ input: stream, crlfDelay: Infinity });
      rl.on('line', (line) => {
        log.write(`${line}\n`);
        each(line);
      });
      rl.on('close', done);
    });
  const streams = Promise.all([
    lines(child.stdout as NodeJS.ReadableStream, spec.onStdout),
    lines(child.stderr as NodeJS.ReadableStream, spec.onStderr),
  ]);
  let killTimer: NodeJS.Timeout | undefined;
  const exited = new Promise<number | null>((resolve) => {
    child.on('error', (error) => {
      log.write(`could not start ${spec.python}: ${error.message}\n`);
      resolve(127);
    });
    child.on('exit', (code) => {
      // Workers left behind by a dying torchrun would hold the devices: end the group.
      signalGroup(child, 'SIGKILL');
      if (killTimer) clearTimeout(killTimer);
      void streams.then(() => log.end(() => resolve(code)));
    });
  });
  return {
    pid: child.pid ?? null,
    exited,
    stop(graceMs = 5000) {
      signalGroup(child, 'SIGTERM');
      killTimer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
    },
  };
}
