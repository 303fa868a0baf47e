/**
 * A line chart of one metric, train and validation, per epoch.
 */
import { memo, useMemo, type ReactNode } from 'react';
import { chartColumns, CHART_TITLES, type ChartKind, type EpochValues } from './chartSeries';
import { LineChart, type LineSeries } from './LineChart';

const SERIES: readonly LineSeries[] = [
  { label: 'train', stroke: '#2563eb' },
  { label: 'val', stroke: '#d97706', dash: [4, 3] },
];

/** The chart of `kind` over `epochs`. */
export const MetricsChart = memo(function MetricsChart(props: {
  epochs: readonly EpochValues[];
  kind: ChartKind;
}): ReactNode {
  const { kind, epochs } = props;
  const data = useMemo(() => chartColumns(epochs, kind), [epochs, kind]);
  return <LineChart title={CHART_TITLES[kind]} series={SERIES} data={data} kind={kind} />;
});
