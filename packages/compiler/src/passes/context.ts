/**
 * What every compiler pass receives besides the design: the options and the diagnostic sink.
 * Passes report through `ctx.report` and never throw.
 */
import type { Diagnostic } from '../diagnostics/types';

/** The context a pass runs in. */
export interface PassContext {
  /** Batch size for the cost figures. */
  readonly batch: number;
  /** Collects a diagnostic. */
  readonly report: (diagnostic: Diagnostic) => void;
}

/** A pass context collecting into `sink`. */
export function passContext(batch: number, sink: Diagnostic[]): PassContext {
  return { batch, report: (d) => sink.push(d) };
}
