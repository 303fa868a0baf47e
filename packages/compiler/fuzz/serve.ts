/**
 * The worker side of `pnpm fuzz`, shared by the targets' worker processes: answers each case the
 * runner sends with the time taken, the outcome, or the error thrown.
 */

/** A case sent to a worker. */
export interface FuzzCase {
  readonly id: number;
  readonly text: string;
}

/** A worker's answer. */
export interface FuzzAnswer {
  readonly id: number;
  readonly ms: number;
  /** The error's message and stack when the code under test threw. */
  readonly error: string | null;
  /** What became of the input, e.g. `compiled ok`, `refused`. */
  readonly outcome: string;
}

/**
 * Serves cases over the process's IPC channel with `run`, which returns the outcome.
 * @example serveCases((text) => (importAny(text).ok ? 'read' : 'refused'))
 */
export function serveCases(run: (text: string) => string): void {
  process.on('message', ({ id, text }: FuzzCase) => {
    const started = performance.now();
    let error: string | null = null;
    let outcome = 'threw';
    try {
      outcome = run(text);
    } catch (e) {
      error = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
    }
    const answer: FuzzAnswer = { id, ms: performance.now() - started, error, outcome };
    process.send?.(answer);
  });
}
