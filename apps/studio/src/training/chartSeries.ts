/**
 * The curves of a run as chart columns: epochs on x, one column per metric, null where a value
 * is missing (no validation set).
 */
import type { RunRecord } from '@unet-studio/compiler';

/** Epoch values a chart can draw (a run's records or a design's saved run). */
export type EpochValues = RunRecord['epochs'][number];

/** A chart's title per kind. */
export const CHART_TITLES = { loss: 'Loss', dice: 'Dice', iou: 'IoU' } as const;

/** Which pair of curves a chart shows. */
export const CHART_KINDS = ['loss', 'dice', 'iou'] as const;
/** A chart kind. */
export type ChartKind = (typeof CHART_KINDS)[number];

const KEYS = {
  loss: ['loss', 'valLoss'],
  dice: ['dice', 'valDice'],
  iou: ['iou', 'valIoU'],
} as const satisfies Record<ChartKind, readonly [keyof EpochValues, keyof EpochValues]>;

const finite = (v: number | null | undefined): number | null =>
  v !== null && v !== undefined && Number.isFinite(v) ? v : null;

/** `[x, train, validation]` columns for `kind`. */
export function chartColumns(
  epochs: readonly EpochValues[],
  kind: ChartKind,
): [number[], (number | null)[], (number | null)[]] {
  const [train, val] = KEYS[kind];
  return [
    epochs.map((e) => e.epoch),
    epochs.map((e) => finite(e[train])),
    epochs.map((e) => finite(e[val])),
  ];
}

/**
 * Columns that overlay several runs on one epoch axis: `[x, run0 train, run0 val, run1 train, …]`,
 * x the sorted union of the runs' epochs, null where a run has no value at that epoch.
 */
export function compareColumns(
  runs: readonly (readonly EpochValues[])[],
  kind: ChartKind,
): [number[], ...(number | null)[][]] {
  const [train, val] = KEYS[kind];
  const x = [...new Set(runs.flatMap((r) => r.map((e) => e.epoch)))].sort((a, b) => a - b);
  const columns = runs.flatMap((r) => {
    const byEpoch = new Map(r.map((e) => [e.epoch, e]));
    return [train, val].map((key) => x.map((epoch) => finite(byEpoch.get(epoch)?.[key])));
  });
  return [x, ...columns];
}

/** Pixels per character of an axis label (uPlot's 12 px system font, a little generous). */
const CHAR_PX = 7.5;

/**
 * The width a y axis needs so that none of its tick `labels` is clipped: the longest label plus
 * the ticks' gap, never under 40 px.
 */
export function yAxisWidth(labels: readonly string[] | null | undefined): number {
  const longest = Math.max(0, ...(labels ?? []).map((l) => l.length));
  return Math.max(40, Math.ceil(longest * CHAR_PX) + 20);
}
