/**
 * The line of the prediction view that names the run whose model predicts: the worker's model, as
 * the runs list's shown run, so that whichever model was loaded last is the one named.
 */
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { useDesign } from '../state/StoreProvider';
import type { LoadedRun } from './runPersistence';
import { runName } from './storedRun';
import { useTrainingController } from './TrainingContext';

const NONE = createStore<{ loaded: LoadedRun | null }>()(() => ({ loaded: null }));

/** "Predicts with the model of …", or nothing without a loaded model. */
export function PredictsWith(): ReactNode {
  const runs = useTrainingController().runs;
  const loaded = useStore(runs?.view ?? NONE, (v) => v.loaded);
  const records = useDesign((s) => s.design.runs);
  if (!loaded) return null;
  const record = records.find((r) => r.id === loaded.runId);
  return (
    <p
      className="muted"
      data-testid="predict-model"
      data-run-id={loaded.runId}
      data-status={loaded.status}
    >
      Predicts with the model of {record ? `“${runName(record)}”` : 'the run just trained'}
      {loaded.status === 'loading' && ' (loading…)'}
      {loaded.status === 'failed' && ` (it did not load: ${loaded.problem ?? 'unknown'})`}
    </p>
  );
}
