/**
 * The runs kept with the design, two side by side: their loss and Dice curves and final figures.
 */
import type { RunRecord } from '@unet-studio/compiler';
import { useState, type ReactNode } from 'react';
import { useDesign } from '../state/StoreProvider';
import { MetricsChart } from './MetricsChart';

function label(run: RunRecord): string {
  return `${run.startedAt.slice(0, 16).replace('T', ' ')} · ${run.backend} · ${run.epochs.length} ep`;
}

function Column(props: { run: RunRecord | undefined }): ReactNode {
  const { run } = props;
  if (!run) return <div className="train-compare-col muted">No run</div>;
  const last = run.epochs[run.epochs.length - 1];
  return (
    <div className="train-compare-col" data-run={run.id}>
      <MetricsChart epochs={run.epochs} kind="loss" width={150} />
      <MetricsChart epochs={run.epochs} kind="dice" width={150} />
      <p className="muted">
        {last
          ? `final loss ${last.loss.toFixed(4)}, val Dice ${last.valDice?.toFixed(3) ?? '—'}`
          : 'no epochs'}
        <br />
        {Object.entries(run.settings)
          .map(([k, v]) => `${k} ${String(v)}`)
          .join(', ')}
      </p>
    </div>
  );
}

function Pick(props: {
  runs: readonly RunRecord[];
  value: number;
  onChange: (i: number) => void;
  testId: string;
}): ReactNode {
  return (
    <select
      value={props.value}
      data-testid={props.testId}
      onChange={(e) => props.onChange(Number(e.currentTarget.value))}
    >
      {props.runs.map((r, i) => (
        <option key={r.id} value={i}>
          {label(r)}
        </option>
      ))}
    </select>
  );
}

/** Compares two of the design's runs; nothing when it has none. */
export function RunComparison(): ReactNode {
  const runs = useDesign((s) => s.design.runs);
  const [a, setA] = useState<number | null>(null);
  const [b, setB] = useState<number | null>(null);
  if (runs.length === 0) return null;
  const left = Math.min(a ?? Math.max(0, runs.length - 2), runs.length - 1);
  const right = Math.min(b ?? runs.length - 1, runs.length - 1);
  return (
    <details className="train-compare" data-testid="train-compare" data-runs={runs.length}>
      <summary>Compare runs ({runs.length} kept with the design)</summary>
      <div className="train-row">
        <Pick runs={runs} value={left} onChange={setA} testId="compare-a" />
        <Pick runs={runs} value={right} onChange={setB} testId="compare-b" />
      </div>
      <div className="train-compare-cols">
        <Column run={runs[left]} />
        <Column run={runs[right]} />
      </div>
    </details>
  );
}
