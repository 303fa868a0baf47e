/**
 * A small uPlot line chart of one metric, train and validation, per epoch.
 */
import { memo, useEffect, useRef, type ReactNode } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { chartColumns, type ChartKind, type EpochValues } from './chartSeries';

const TITLES: Record<ChartKind, string> = { loss: 'Loss', dice: 'Dice', iou: 'IoU' };

/** The chart of `kind` over `epochs`. */
export const MetricsChart = memo(function MetricsChart(props: {
  epochs: readonly EpochValues[];
  kind: ChartKind;
  width?: number;
}): ReactNode {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const { kind, epochs } = props;
  const width = props.width ?? 300;
  useEffect(() => {
    if (!box.current) return;
    const chart = new uPlot(
      {
        title: TITLES[kind],
        width,
        height: 120,
        scales: { x: { time: false } },
        legend: { show: true },
        series: [
          { label: 'epoch' },
          { label: 'train', stroke: '#2563eb', width: 2, spanGaps: true },
          { label: 'val', stroke: '#d97706', width: 2, dash: [4, 3], spanGaps: true },
        ],
        axes: [{ size: 24 }, { size: 40 }],
      },
      [[], [], []],
      box.current,
    );
    plot.current = chart;
    return () => {
      chart.destroy();
      plot.current = null;
    };
  }, [kind, width]);
  useEffect(() => {
    plot.current?.setData(chartColumns(epochs, kind));
  }, [epochs, kind, width]);
  return <div ref={box} className="train-chart" data-chart={kind} />;
});
