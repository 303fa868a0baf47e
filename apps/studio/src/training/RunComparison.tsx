/**
 * The runs kept with the design, two at a time: their loss and Dice curves overlaid in one chart
 * per metric on a shared epoch axis, and a table of their settings and final figures.
 */
import type { RunRecord } from '@unet-studio/compiler';
import { useMemo, useState, type ReactNode } from 'react';
import { useDesign } from '../state/StoreProvider';
import { CHART_TITLES, compareColumns, type ChartKind } from './chartSeries';
import { CompareTable } from './CompareTable';
import { LineChart, type LineSeries } from './LineChart';
import { runName } from './storedRun';

/** A run's name in the pickers and the table (the name it was given, as in the runs list). */
export function runLabel(run: RunRecord): string {
  return `${runName(run)} · ${run.epochs.length} ep`;
}

const COLOURS = { A: '#2563eb', B: '#dc2626' } as const;

const SERIES: readonly LineSeries[] = (['A', 'B'] as const).flatMap((name) => [
  { label: `${name} train`, stroke: COLOURS[name] },
  { label: `${name} val`, stroke: COLOURS[name], dash: [4, 3] },
]);

function OverlayChart(props: { a: RunRecord; b: RunRecord; kind: ChartKind }): ReactNode {
  const { a, b, kind } = props;
  const data = useMemo(() => compareColumns([a.epochs, b.epochs], kind), [a, b, kind]);
  return (
    <LineChart
      title={CHART_TITLES[kind]}
      series={SERIES}
      data={data}
      kind={kind}
      testId="run-compare-chart"
    />
  );
}

function Pick(props: {
  runs: readonly RunRecord[];
  value: number;
  onChange: (i: number) => void;
  testId: string;
  name: string;
}): ReactNode {
  return (
    <label className="train-field">
      Run {props.name}
      <select
        value={props.value}
        data-testid={props.testId}
        onChange={(e) => props.onChange(Number(e.currentTarget.value))}
      >
        {props.runs.map((r, i) => (
          <option key={r.id} value={i}>
            {runLabel(r)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Compares two of the design's runs (the last two at first); nothing when it has none. */
export function RunComparison(): ReactNode {
  const runs = useDesign((s) => s.design.runs);
  const [a, setA] = useState<number | null>(null);
  const [b, setB] = useState<number | null>(null);
  if (runs.length === 0) return null;
  const left = Math.min(a ?? Math.max(0, runs.length - 2), runs.length - 1);
  const right = Math.min(b ?? runs.length - 1, runs.length - 1);
  const runA = runs[left];
  const runB = runs[right];
  return (
    <details className="train-compare" data-testid="train-compare" data-runs={runs.length} open>
      <summary>Compare runs ({runs.length} kept with the design)</summary>
      <div className="train-settings">
        <Pick runs={runs} value={left} onChange={setA} testId="compare-a" name="A" />
        <Pick runs={runs} value={right} onChange={setB} testId="compare-b" name="B" />
      </div>
      {runA && runB && (
        <>
          <OverlayChart a={runA} b={runB} kind="loss" />
          <OverlayChart a={runA} b={runB} kind="dice" />
          <CompareTable a={runA} b={runB} />
        </>
      )}
    </details>
  );
}
