/**
 * The backend probe's figures under the run status: each backend's measured time per step and
 * the choice, or that the choice was measured earlier in this browser (with a way to measure again).
 */
import type { ReactNode } from 'react';
import { probeText } from './backendChoice';
import { browserStorage, forgetProbe } from './backendMemory';
import { useTrainingState, useTrainingStoreApi } from './TrainingContext';
import { isLive } from './trainingState';

/** The probe line; nothing when the latest run did not use `auto`. */
export function ProbeLine(): ReactNode {
  const api = useTrainingStoreApi();
  const probe = useTrainingState((s) => s.probe);
  const live = useTrainingState((s) => isLive(s.training));
  if (probe === null) return null;
  const measureAgain = (): void => {
    forgetProbe(browserStorage(), probe.signature);
    api.getState().setProbe(null);
  };
  return (
    <p
      className="muted train-probe"
      data-testid="train-probe"
      data-chosen={probe.report.chosen}
      data-cached={probe.cached}
    >
      {probe.cached ? 'Measured earlier in this browser: ' : 'Measured: '}
      {probeText(probe.report)} (batch {probe.report.batch}
      {probe.report.runBatch &&
        `; ${probe.report.chosen} at the run's batch ${probe.report.runBatch.batch}: ${probe.report.runBatch.secondsPerStep.toPrecision(2)} s/step`}
      ).
      {probe.cached && !live && (
        <button
          type="button"
          className="train-probe-again"
          data-testid="train-probe-again"
          onClick={measureAgain}
        >
          Measure again at the next Train
        </button>
      )}
    </p>
  );
}
