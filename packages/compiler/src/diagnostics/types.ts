/**
 * Diagnostics: what the compiler says about a design. Passes report them instead of throwing.
 * Every `code` is listed in `codes.ts` and documented in docs/errors.md.
 */
import type { DiagnosticCode } from './codes';
import type { DesignEdit } from './edits';

/** How serious a diagnostic is: errors block building the model. */
export type Severity = 'error' | 'warning' | 'info';

/** A suggested fix: a label for the button and the edits that apply it. */
export interface Fix {
  readonly label: string;
  readonly edits: readonly DesignEdit[];
}

/** One finding, attached to the node or edge that causes it when there is one. */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly nodeId?: string;
  readonly edgeId?: string;
  readonly fix?: Fix;
}
