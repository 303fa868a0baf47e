/**
 * The curves of a run as chart columns: epochs on x, one column per metric, null where a value
 * is missing (no validation set).
 */
import type { RunRecord } from '@unet-studio/compiler';

/** Epoch values a chart can draw (a run's records or a design's saved run). */
export type EpochValues = RunRecord['epochs'][number];

/** Which pair of curves a chart shows. */
export const CHART_KINDS = ['loss', 'dice', 'iou'] as const;
/** A chart kind. */
export type ChartKind = (typeof CHART_KINDS)[number];

const KEYS = {
  loss: ['loss', 'valLoss'],
  dice: ['dice', 'valDice'],
  iou: ['iou', 'valIoU'],
} as const satisfies Record<ChartKind, readonly [keyof EpochValues, keyof EpochValues]>;

/** `[x, train, validation]` columns for `kind`. */
export function chartColumns(
  epochs: readonly EpochValues[],
  kind: ChartKind,
): [number[], (number | null)[], (number | null)[]] {
  const [train, val] = KEYS[kind];
  const finite = (v: number | null): number | null => (v !== null && Number.isFinite(v) ? v : null);
  return [
    epochs.map((e) => e.epoch),
    epochs.map((e) => finite(e[train])),
    epochs.map((e) => finite(e[val])),
  ];
}
