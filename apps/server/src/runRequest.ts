/**
 * A request to start a run, validated: the design (any version the studio reads) and the
 * settings that override the design's own training settings.
 */
import { z } from 'zod';
import type { Design } from '@unet-studio/compiler';
import { zDataSpec, zRunSettings, type RunSettings } from './runRecord';

/** The body of `POST /api/runs`. */
export const zRunRequest = z.object({
  design: z.unknown(),
  data: zDataSpec,
  settings: zRunSettings.omit({ data: true }).partial().optional(),
});
/** A run request. */
export type RunRequest = z.infer<typeof zRunRequest>;

/** The body of `POST /api/runs/:id/resume`. */
export const zResumeRequest = z.object({
  /** Train up to this many epochs in all (default: the run's own). */
  epochs: z.number().int().min(1).max(100_000).optional(),
});

/**
 * The run's settings: the request's, else the design's, else the server's.
 *
 * @param defaultProcesses processes per node when the request names none (the GPU count, or 1).
 */
export function runSettings(
  design: Design,
  request: RunRequest,
  defaultProcesses: number,
): RunSettings {
  const s = request.settings ?? {};
  return {
    epochs: s.epochs ?? design.training.epochs,
    batchSize: s.batchSize ?? design.training.batchSize,
    learningRate: s.learningRate ?? design.training.learningRate,
    processes: s.processes ?? defaultProcesses,
    amp: s.amp ?? false,
    valFraction: s.valFraction ?? 0.1,
    ...(s.size ? { size: s.size } : {}),
    data: request.data,
  };
}
