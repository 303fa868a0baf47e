/**
 * The training panel: settings and data, the estimate, Train / Pause / Stop, the live status,
 * curves and preview, then prediction, download and the comparison of kept runs.
 */
import { formatBytes } from '@unet-studio/compiler';
import { useCallback, useDeferredValue, useMemo, useState, type ReactNode } from 'react';
import { useDesign, useStores } from '../state/StoreProvider';
import { useCompiled } from '../state/useCompiled';
import { AugmentSection } from './AugmentSection';
import { browserStorage, probeSignature, readProbe } from './backendMemory';
import { DataPicker } from './DataPicker';
import { formatSeconds } from './format';
import { estimateBasis } from './measuredEstimate';
import { MetricsChart } from './MetricsChart';
import { PredictView } from './PredictView';
import { PreviewStrip } from './PreviewStrip';
import { RunComparison } from './RunComparison';
import { RunsList } from './RunsList';
import { RunStatus } from './RunStatus';
import { planRun } from './runPlan';
import { modelIo, type TrainSettings } from './settings';
import { ServerPredict } from './server/ServerPredict';
import { ServerResume } from './server/ServerResume';
import { ServerTarget } from './server/ServerTarget';
import { useServerTarget } from './server/useServerTarget';
import { SettingsForm } from './SettingsForm';
import {
  TrainingProvider,
  useTrainingController,
  useTrainingState,
  useTrainingStoreApi,
} from './TrainingContext';
import { isLive, runOf } from './trainingState';
import { probeWebgl } from './webglProbe';
import './training.css';

function Controls(props: {
  blockers: readonly string[];
  onTrain: () => void;
  /** A server run: Stop goes to the server, and it cannot pause. */
  onStop?: () => void;
}): ReactNode {
  const controller = useTrainingController();
  const training = useTrainingState((s) => s.training);
  const live = isLive(training);
  return (
    <div className="train-row train-controls">
      <button
        type="button"
        className="primary"
        data-testid="train"
        disabled={live || props.blockers.length > 0}
        title={props.blockers.join('\n')}
        onClick={props.onTrain}
      >
        Train
      </button>
      {training.phase === 'paused' ? (
        <button type="button" data-testid="train-resume" onClick={() => controller.resume()}>
          Resume
        </button>
      ) : (
        <button
          type="button"
          data-testid="train-pause"
          disabled={training.phase !== 'training' || props.onStop !== undefined}
          onClick={() => controller.pause()}
        >
          Pause
        </button>
      )}
      <button
        type="button"
        data-testid="train-stop"
        disabled={!live || training.phase === 'stopping'}
        onClick={() => (props.onStop ?? controller.stop)()}
      >
        Stop
      </button>
    </div>
  );
}

function Body(): ReactNode {
  const stores = useStores();
  const api = useTrainingStoreApi();
  const controller = useTrainingController();
  // Narrow selections: moving a node changes the design but not its model, and must not re-plan.
  // The plan compiles the design once more at the training size: deferred, so that an edit's
  // diagnostics reach the canvas first and the plan follows in a background render.
  const model = useDeferredValue(useDesign((s) => s.design.model));
  const spec = useDesign((s) => s.design.training);
  const compiled = useCompiled();
  const overrides = useTrainingState((s) => s.overrides);
  const images = useTrainingState((s) => s.images);
  const notice = useTrainingState((s) => s.notice);
  const training = useTrainingState((s) => s.training);
  const [probe] = useState(probeWebgl);
  const run = runOf(training);
  const known = run?.backend ?? probe;
  // The backend probe of this model and run size, measured now or earlier in this browser.
  const shownProbe = useTrainingState((s) => s.probe);
  const probeFor = useCallback(
    (settings: TrainSettings) => {
      const signature = probeSignature(model, settings);
      if (shownProbe?.signature === signature) return shownProbe.report;
      return readProbe(browserStorage(), signature);
    },
    [model, shownProbe],
  );
  const plan = useMemo(
    () =>
      planRun(
        { ...stores.design.getState().design, model, training: spec },
        overrides,
        images,
        known,
        probeFor,
      ),
    [stores, model, spec, overrides, images, known, probeFor],
  );
  const io = useMemo(() => modelIo(compiled), [compiled]);
  const live = isLive(training);
  const server = useServerTarget(api, stores.design);
  const onServer = server.target === 'server' || run?.backend?.name === 'server';
  const train = (): void =>
    server.target === 'server'
      ? server.training.start(
          stores.design.getState().design,
          plan.settings,
          images?.files ?? null,
          server.label,
        )
      : controller.start(stores.design.getState().design, plan.settings, plan.estimate);
  const offerOther =
    training.phase === 'failed' && training.kind !== 'error' && plan.settings.backend !== 'wasm';
  return (
    <>
      <DataPicker
        settings={plan.settings}
        channels={io?.channels ?? 3}
        classes={io?.classes ?? 1}
        locked={live}
      />
      <SettingsForm settings={plan.settings} locked={live} />
      <AugmentSection settings={plan.settings} io={io} locked={live} />
      <ServerTarget server={server} locked={live} />
      {plan.estimate && (
        <p
          className="train-estimate"
          data-testid="train-estimate"
          data-seconds-per-step={plan.estimate.secondsPerStep}
          data-memory={plan.estimate.memoryBytes}
          data-basis={plan.estimate.basis ?? 'guess'}
        >
          Estimate: about {formatBytes(plan.estimate.memoryBytes)},{' '}
          {formatSeconds(plan.estimate.secondsPerStep)} per step,{' '}
          {formatSeconds(plan.estimate.runSeconds)} in all on{' '}
          {estimateBasis(plan.settings.backend, plan.measured ?? null, known?.software === true)}.
        </p>
      )}
      {plan.estimate?.warning && (
        <p className="train-warning" data-testid="train-too-large">
          {plan.estimate.warning}
        </p>
      )}
      {plan.blockers.length > 0 && !live && (
        <ul className="train-blockers" data-testid="train-blockers">
          {plan.blockers.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
      )}
      <Controls
        blockers={plan.blockers}
        onTrain={train}
        onStop={onServer && live ? () => server.training.stop() : undefined}
      />
      <ServerResume server={server} epochs={plan.settings.epochs} />
      {notice && (
        <p className="train-warning" data-testid="train-notice">
          {notice}
        </p>
      )}
      <RunStatus />
      {offerOther && (
        <button
          type="button"
          data-testid="train-on-wasm"
          onClick={() => {
            api.getState().setOverride('backend', 'wasm');
            // Continue from this run's saved weights; with none saved yet, start afresh.
            controller.start(
              stores.design.getState().design,
              { ...plan.settings, backend: 'wasm' },
              plan.estimate,
              training.phase === 'failed' && training.run.savedEpoch !== null,
            );
          }}
        >
          Continue on wasm
        </button>
      )}
      {run && run.epochs.length > 0 && (
        <div className="train-charts">
          <MetricsChart epochs={run.epochs} kind="loss" />
          <MetricsChart epochs={run.epochs} kind="dice" />
          <MetricsChart epochs={run.epochs} kind="iou" />
        </div>
      )}
      <PreviewStrip />
      {(training.phase === 'finished' || training.phase === 'failed') &&
        run &&
        run.epochs.length > 0 &&
        (run.backend?.name === 'server' &&
        server.connection &&
        server.training.runId() &&
        server.training.recordId() === run.id ? (
          <ServerPredict connection={server.connection} runId={server.training.runId() ?? ''} />
        ) : (
          <PredictView />
        ))}
      <RunsList settings={plan.settings} estimate={plan.estimate} blockers={plan.blockers} />
      <RunComparison />
    </>
  );
}

/** The training panel, with its own training store and worker. */
export function TrainingPanel(): ReactNode {
  return (
    <section className="training" aria-label="Training" data-testid="training">
      <h2>Training</h2>
      <TrainingProvider>
        <Body />
      </TrainingProvider>
    </section>
  );
}
