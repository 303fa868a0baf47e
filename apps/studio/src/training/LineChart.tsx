/**
 * A uPlot line chart over epochs that fills its container's width (following a resized panel),
 * sizes the y axis to its longest tick label, and shows the last epoch's values in the legend whenever
 * the pointer is not over the chart.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { yAxisWidth } from './chartSeries';

/** One curve of a chart. */
export interface LineSeries {
  readonly label: string;
  readonly stroke: string;
  readonly dash?: readonly number[];
}

const HEIGHT = 140;
const FALLBACK_WIDTH = 300;

function lastIndex(u: uPlot): number | null {
  const n = u.data[0]?.length ?? 0;
  return n > 0 ? n - 1 : null;
}

/** Points the legend at the last epoch when the cursor is off the chart. */
function showLast(u: uPlot): void {
  const last = lastIndex(u);
  if (u.cursor.idx == null && last !== null) u.setLegend({ idx: last }, false);
}

/** A chart of `series` over `data` (`[x, ...columns]`); re-created when `series` changes. */
export function LineChart(props: {
  title: string;
  series: readonly LineSeries[];
  data: uPlot.AlignedData;
  kind: string;
  testId?: string;
}): ReactNode {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const { title, series, data } = props;
  const seriesKey = JSON.stringify(series);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const width = (): number => Math.max(160, el.clientWidth || FALLBACK_WIDTH);
    const chart = new uPlot(
      {
        title,
        width: width(),
        height: HEIGHT,
        scales: { x: { time: false } },
        legend: { show: true },
        series: [
          { label: 'epoch' },
          ...series.map((s) => ({
            label: s.label,
            stroke: s.stroke,
            width: 2,
            spanGaps: true,
            ...(s.dash ? { dash: [...s.dash] } : {}),
          })),
        ],
        axes: [{ size: 30 }, { size: (_u, values) => yAxisWidth(values) }],
        hooks: { setCursor: [showLast], setData: [showLast] },
      },
      [[], ...series.map(() => [])],
      el,
    );
    plot.current = chart;
    const observer =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(() => {
            if (el.clientWidth > 0 && Math.abs(el.clientWidth - chart.width) > 1)
              chart.setSize({ width: width(), height: HEIGHT });
          });
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      chart.destroy();
      plot.current = null;
    };
    // seriesKey stands for `series` (a new array each render with the same content).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [title, seriesKey]);
  useEffect(() => {
    plot.current?.setData(data);
  }, [data, seriesKey]);
  return (
    <div
      ref={box}
      className="train-chart"
      data-chart={props.kind}
      {...(props.testId ? { 'data-testid': props.testId } : {})}
    />
  );
}
