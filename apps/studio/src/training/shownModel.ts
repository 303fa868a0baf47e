/**
 * Which run's model the worker holds, as one truth for the runs list and the prediction view:
 * the live run's while one trains, else the run of the last model load sent to the worker, whose
 * `stored-loaded` reply (keyed by run id) says whether it is ready. Loads answered after a later
 * one was sent are ignored, so whichever was loaded last is the one named.
 */
import type { LoadedRun } from './runPersistence';

/** The state of run `runId`'s model in the worker. */
export type ModelState = 'ready' | 'loading' | 'failed' | 'other';

/**
 * The id of the run whose model the worker holds (or is loading), or null when none.
 *
 * @param liveRunId the run training now, or null.
 * @param loaded the last load sent to the worker, with its answer.
 */
export function shownRunId(liveRunId: string | null, loaded: LoadedRun | null): string | null {
  if (liveRunId !== null) return liveRunId;
  if (loaded === null || loaded.status === 'failed') return null;
  return loaded.runId;
}

/**
 * Whether the worker's model is run `runId`'s: `other` when the last load was another run's (a
 * prediction now would use that run's model, not this one's).
 */
export function modelStateOf(runId: string, loaded: LoadedRun | null): ModelState {
  if (loaded === null || loaded.runId !== runId) return 'other';
  return loaded.status;
}

/**
 * The answer `problem` of the worker to a load of `runId` applied to `loaded`: only the answer to
 * the last load sent changes it.
 */
export function answerLoad(
  loaded: LoadedRun | null,
  runId: string,
  problem: string | null,
): LoadedRun | null {
  if (loaded?.runId !== runId) return loaded;
  return { ...loaded, status: problem ? 'failed' : 'ready', problem };
}
