/**
 * Plain-text progress for terminals and logs: durations, the per-batch line and the per-epoch line.
 */
import type { BatchProgress, EpochRecord } from './types';

/** `45s`, `3m05s`, `1h02m`; `?` when unknown. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** `epoch 2/10 batch 5/16  loss 0.3210  dice 0.881  12.3 img/s  ETA 1m20s` */
export function batchLine(p: BatchProgress): string {
  return (
    `epoch ${p.epoch}/${p.epochs} batch ${p.batch}/${p.batches}  loss ${p.loss.toFixed(4)}  dice ${p.dice.toFixed(3)}  ` +
    `${p.imagesPerSecond.toFixed(1)} img/s  ETA ${formatDuration(p.etaSeconds)}`
  );
}

/** `epoch 2/10  loss 0.3210  dice 0.881  val loss 0.3012  val dice 0.902  val IoU 0.822  lr 0.001  14.2s` */
export function epochLine(r: EpochRecord, epochs: number): string {
  const val =
    r.valLoss === null
      ? ''
      : `  val loss ${r.valLoss.toFixed(4)}  val dice ${r.valDice!.toFixed(3)}  val IoU ${r.valIoU!.toFixed(3)}`;
  return `epoch ${r.epoch}/${epochs}  loss ${r.loss.toFixed(4)}  dice ${r.dice.toFixed(3)}${val}  lr ${r.learningRate}  ${r.seconds.toFixed(1)}s`;
}
