/**
 * The badge a node or edge shows when the compiler has something to say about it; hovering it
 * lists the messages.
 */
import type { ReactNode } from 'react';
import type { Problem } from '../flow/types';

/** The most severe severity in `problems`, or null. */
export function worstSeverity(problems: readonly Problem[]): Problem['severity'] | null {
  if (problems.some((p) => p.severity === 'error')) return 'error';
  if (problems.some((p) => p.severity === 'warning')) return 'warning';
  return problems.length > 0 ? 'info' : null;
}

/** A count badge with the messages as its tooltip; nothing when there are no problems. */
export function ProblemBadge(props: { problems: readonly Problem[]; testId: string }): ReactNode {
  const severity = worstSeverity(props.problems);
  if (!severity) return null;
  const tip = props.problems.map((p) => `${p.code}: ${p.message}`).join('\n');
  return (
    <span
      className={`badge badge-${severity}`}
      title={tip}
      data-testid={props.testId}
      role="img"
      aria-label={tip}
    >
      {severity === 'error' ? '!' : severity === 'warning' ? '▲' : 'i'}
      {props.problems.length > 1 ? props.problems.length : ''}
    </span>
  );
}
