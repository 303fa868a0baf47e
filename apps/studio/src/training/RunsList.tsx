/**
 * The runs kept with the design (`design.runs`, most recent first), with the storage their
 * weights take, the model shown (whether it still fits the design, and Continue training), and
 * rename, pin, delete (undoable; weights kept until a later run ends or the user removes them)
 * and open for each run.
 */
import { formatBytes, type RunRecord } from '@unet-studio/compiler';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { useDesign, useStores } from '../state/StoreProvider';
import type { StepEstimate } from './estimate';
import { RunItem } from './RunItem';
import type { RunPersistence, RunsView } from './runPersistence';
import { modelFingerprint } from './runStorage';
import { shownRunId } from './shownModel';
import type { TrainSettings } from './settings';
import { continueSettings, runName } from './storedRun';
import { useTrainingController, useTrainingState } from './TrainingContext';
import { isLive, runOf } from './trainingState';
import './runs.css';

interface Deleted {
  readonly run: RunRecord;
  readonly index: number;
}

function StorageLine(props: { runs: RunPersistence; records: readonly RunRecord[] }): ReactNode {
  const { stored, estimate } = useStore(props.runs.view);
  const total = stored.reduce((sum, s) => sum + s.bytes, 0);
  const orphans = stored.filter((s) => !props.records.some((r) => r.id === s.runId));
  const orphanBytes = orphans.reduce((sum, s) => sum + s.bytes, 0);
  return (
    <p className="muted train-runs-storage" data-testid="runs-storage" data-bytes={total}>
      Stored weights: {formatBytes(total)} for {stored.length} run{stored.length === 1 ? '' : 's'}
      {orphans.length > 0 && ` (${formatBytes(orphanBytes)} of deleted runs)`}
      {estimate && estimate.quota > 0 && (
        <>
          {' '}
          · this browser’s storage: {formatBytes(estimate.usage)} used of{' '}
          {formatBytes(estimate.quota)}
        </>
      )}
    </p>
  );
}

function ShownModel(props: {
  runs: RunPersistence;
  records: readonly RunRecord[];
  settings: TrainSettings;
  estimate: StepEstimate | null;
  blockers: readonly string[];
}): ReactNode {
  const stores = useStores();
  const controller = useTrainingController();
  const { loaded } = useStore(props.runs.view);
  const training = useTrainingState((s) => s.training);
  const model = useDesign((s) => s.design.model);
  const fingerprint = useMemo(
    () => modelFingerprint({ ...stores.design.getState().design, model }),
    [stores, model],
  );
  const shown = runOf(training);
  if (!loaded || isLive(training) || shown?.id !== loaded.runId) return null;
  const record = props.records.find((r) => r.id === loaded.runId);
  const fits = loaded.fingerprint === fingerprint;
  const ready = loaded.status === 'ready';
  const settings = record ? continueSettings(record, props.settings) : props.settings;
  return (
    <div
      className="train-runs-shown"
      data-testid="run-shown"
      data-status={loaded.status}
      data-fits={fits}
    >
      <span className="muted">
        Model of {record ? `“${runName(record)}”` : 'this run'}
        {loaded.status === 'loading' && ': loading from the design…'}
        {loaded.status === 'failed' && `: could not be loaded (${loaded.problem ?? 'unknown'})`}
      </span>
      {!fits && (
        <p className="train-warning" data-testid="run-stale">
          The design has changed since this run was trained. Its model still predicts and downloads
          (it carries the design it was trained on); to continue training it, undo the changes or
          open a version of the design from before them.
        </p>
      )}
      <button
        type="button"
        data-testid="train-continue"
        disabled={!ready || !fits || props.blockers.length > 0}
        title={
          fits
            ? `A new run of ${settings.epochs} epochs from these weights, at ${settings.size.join('×')} with the run's own data and optimiser settings`
            : 'The weights no longer fit the design'
        }
        onClick={() =>
          controller.start(stores.design.getState().design, props.settings, props.estimate, true)
        }
      >
        Continue training (+{settings.epochs} epochs)
      </button>
    </div>
  );
}

/** The runs list; nothing before the design has a run. */
export function RunsList(props: {
  settings: TrainSettings;
  estimate: StepEstimate | null;
  blockers: readonly string[];
}): ReactNode {
  const stores = useStores();
  const runs = useTrainingController().runs;
  const records = useDesign((s) => s.design.runs);
  const training = useTrainingState((s) => s.training);
  const [deleted, setDeleted] = useState<Deleted | null>(null);
  useEffect(() => runs?.watch(), [runs]);
  const stored = useStore(runs?.view ?? FALLBACK, (v) => v.stored);
  const problem = useStore(runs?.view ?? FALLBACK, (v) => v.problem);
  const loaded = useStore(runs?.view ?? FALLBACK, (v) => v.loaded);
  if (!runs || (records.length === 0 && deleted === null)) return null;
  const edit = (label: string, id: string, change: (r: RunRecord) => RunRecord | null): void =>
    stores.design.getState().transact(label, (d) => ({
      ...d,
      runs: d.runs.flatMap((r) => {
        if (r.id !== id) return [r];
        const next = change(r);
        return next ? [next] : [];
      }),
    }));
  const live = isLive(training);
  // The run whose model the worker holds (the last load answered), as the prediction view names.
  const shownId = shownRunId(live ? (runOf(training)?.id ?? null) : null, loaded);
  return (
    <section className="train-runs" aria-label="Runs" data-testid="runs">
      <h3>Runs kept with this design</h3>
      <StorageLine runs={runs} records={records} />
      {problem && (
        <p className="train-warning" data-testid="runs-problem">
          {problem}
        </p>
      )}
      <ShownModel runs={runs} records={records} {...props} />
      {deleted && (
        <p className="train-runs-deleted" data-testid="run-deleted">
          Deleted “{runName(deleted.run)}”.{' '}
          <button
            type="button"
            data-testid="run-undo-delete"
            onClick={() => {
              const { run, index } = deleted;
              stores.design
                .getState()
                .transact('Restore run', (d) =>
                  d.runs.some((r) => r.id === run.id)
                    ? d
                    : { ...d, runs: [...d.runs.slice(0, index), run, ...d.runs.slice(index)] },
                );
              setDeleted(null);
            }}
          >
            Undo
          </button>
          {stored.some((s) => s.runId === deleted.run.id) && (
            <button
              type="button"
              data-testid="run-forget-weights"
              title="Its weights are otherwise kept until a later run ends"
              onClick={() => {
                void runs.removeWeights([deleted.run.id]);
                setDeleted(null);
              }}
            >
              Remove its weights now
            </button>
          )}
        </p>
      )}
      <ul className="train-runs-list" data-testid="runs-list">
        {[...records].reverse().map((run) => (
          <RunItem
            key={run.id}
            run={run}
            stored={stored.find((s) => s.runId === run.id)}
            shown={run.id === shownId}
            busy={live}
            actions={{
              rename: (name) => edit('Rename run', run.id, (r) => ({ ...r, name })),
              togglePin: () =>
                edit(run.pinned ? 'Unpin run' : 'Pin run', run.id, (r) => ({
                  ...r,
                  pinned: !r.pinned,
                })),
              remove: () => {
                setDeleted({ run, index: records.findIndex((r) => r.id === run.id) });
                edit('Delete run', run.id, () => null);
              },
              open: () => void runs.open(run.id),
            }}
          />
        ))}
      </ul>
    </section>
  );
}

/** A view with nothing stored, for a controller without run persistence. */
const FALLBACK = createStore<RunsView>()(() => ({
  docId: null,
  stored: [],
  loaded: null,
  estimate: null,
  problem: null,
}));
