/**
 * The worker process of `pnpm fuzz`: reads each input it is sent with the importers (`importAny`, which
 * recognises designs, ModelManager JSON/YAML/Python and UNetParams) and compiles what they return,
 * and answers with the time taken or the error thrown. The parent terminates it when it hangs.
 */
import { compile } from '../src/compile';
import { importAny } from '../src/formats/detect';

/** A case sent to the worker. */
export interface FuzzCase {
  readonly id: number;
  readonly text: string;
}

/** The worker's answer. */
export interface FuzzAnswer {
  readonly id: number;
  readonly ms: number;
  /** The error's message and stack when the importers or the compiler threw. */
  readonly error: string | null;
  /** What became of the input: `compiled ok`, `compiled with errors`, `refused`. */
  readonly outcome: string;
}

process.on('message', ({ id, text }: FuzzCase) => {
  const started = performance.now();
  let error: string | null = null;
  let outcome = 'refused';
  try {
    const imported = importAny(text);
    if (imported.ok) {
      const c = compile(imported.value.design);
      outcome = c.ok ? 'compiled ok' : 'compiled with errors';
      // the ops are lowered on first read: read them too
      if (c.ok) void c.ops.length;
    }
  } catch (e) {
    error = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
  }
  const answer: FuzzAnswer = { id, ms: performance.now() - started, error, outcome };
  process.send?.(answer);
});
