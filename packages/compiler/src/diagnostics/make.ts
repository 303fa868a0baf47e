/**
 * Builds diagnostics with the severity their code carries in `DIAGNOSTIC_CODES`.
 */
import { DIAGNOSTIC_CODES, type DiagnosticCode } from './codes';
import type { Diagnostic, Fix } from './types';

/** Where a diagnostic points: a node, an edge, or both. */
export interface DiagnosticTarget {
  readonly nodeId?: string;
  readonly edgeId?: string;
}

/**
 * A diagnostic with its code's default severity.
 * @example diagnostic('NO_OUTPUT', 'Add an output node.') // severity 'error'
 */
export function diagnostic(
  code: DiagnosticCode,
  message: string,
  target: DiagnosticTarget = {},
  fix?: Fix,
): Diagnostic {
  return {
    code,
    severity: DIAGNOSTIC_CODES[code].severity,
    message,
    ...(target.nodeId !== undefined ? { nodeId: target.nodeId } : {}),
    ...(target.edgeId !== undefined ? { edgeId: target.edgeId } : {}),
    ...(fix ? { fix } : {}),
  };
}

/** A diagnostic about the node being lowered (its `nodeId` is filled in by the caller). */
export function issue(
  code: DiagnosticCode,
  message: string,
  fix?: Fix,
): Omit<Diagnostic, 'nodeId'> {
  return diagnostic(code, message, {}, fix);
}

/** True when any diagnostic has error severity. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
