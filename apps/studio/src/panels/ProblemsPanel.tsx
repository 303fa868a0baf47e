/**
 * The problems panel: every diagnostic of the design, errors first. Clicking one selects and
 * centres its node; a fix is one click. An empty design is not wrong, only unstarted: what it
 * lacks is listed as guidance, not as errors.
 */
import type { Diagnostic } from '@unet-studio/compiler';
import type { ReactNode } from 'react';
import { useDesign } from '../state/StoreProvider';
import { useCompiled } from '../state/useCompiled';
import { DiagnosticItem } from './DiagnosticItem';

const RANK = { error: 0, warning: 1, info: 2 } as const;

/** Sorts diagnostics: errors, then warnings, then infos; stable within a severity. */
export function sortDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  return [...ds].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}

function summary(ds: readonly Diagnostic[]): string {
  const n = (s: Diagnostic['severity']): number => ds.filter((d) => d.severity === s).length;
  const parts = [
    [n('error'), 'error'],
    [n('warning'), 'warning'],
  ] as const;
  const text = parts.filter(([c]) => c > 0).map(([c, w]) => `${c} ${w}${c === 1 ? '' : 's'}`);
  return text.length > 0 ? text.join(', ') : 'No problems';
}

/** What an empty design lacks, as information (a missing input is the next step, not a fault). */
function asGuidance(d: Diagnostic): Diagnostic {
  return { ...d, severity: 'info' };
}

/** The problems panel. */
export function ProblemsPanel(): ReactNode {
  const compiled = useCompiled();
  const empty = useDesign((s) => s.design.model.nodes.length === 0);
  const sorted = sortDiagnostics(compiled.diagnostics);
  const list = empty ? sorted.map(asGuidance) : sorted;
  return (
    <section className="problems" aria-label="Problems" data-testid="problems">
      <h2>
        Problems{' '}
        <span
          className={`problems-summary${empty ? ' guidance' : compiled.ok ? ' ok' : ''}`}
          data-testid="problems-summary"
        >
          {empty ? 'Empty design: add an Input to start' : summary(list)}
        </span>
      </h2>
      <ul className="problem-list">
        {list.map((d, i) => (
          <DiagnosticItem
            key={`${d.code}-${d.nodeId ?? d.edgeId ?? ''}-${i}`}
            diagnostic={d}
            index={i}
          />
        ))}
      </ul>
    </section>
  );
}
