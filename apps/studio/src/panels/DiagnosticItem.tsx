/**
 * One diagnostic: severity, message, the node it concerns (click to select and centre it) and its
 * suggested fix as a one-click button.
 */
import type { Diagnostic } from '@unet-studio/compiler';
import type { ReactNode } from 'react';
import { applyFix } from '../app/actions';
import { useStores } from '../state/StoreProvider';

/** A diagnostic row. */
export function DiagnosticItem({
  diagnostic: d,
  index,
}: {
  diagnostic: Diagnostic;
  index: number;
}): ReactNode {
  const stores = useStores();
  const target = d.nodeId ?? null;
  const focus = (): void => {
    if (target) stores.ui.getState().focusNode(target);
    else if (d.edgeId) stores.ui.getState().select([], [d.edgeId]);
  };
  return (
    <li
      className={`problem problem-${d.severity}`}
      data-testid={`problem-${index}`}
      data-code={d.code}
      data-node={target ?? undefined}
    >
      <button
        type="button"
        className="problem-main"
        onClick={focus}
        title={target ? 'Select and centre the node' : undefined}
      >
        <span className={`sev sev-${d.severity}`} aria-label={d.severity} />
        <span className="problem-text">
          {target ? <code>{target}</code> : null} {d.message}
        </span>
      </button>
      {d.fix ? (
        <button
          type="button"
          className="fix-button"
          data-testid={`fix-${d.code}${target ? `-${target}` : ''}`}
          onClick={() => {
            if (d.fix) applyFix(stores, d.fix);
          }}
        >
          {d.fix.label}
        </button>
      ) : null}
    </li>
  );
}
