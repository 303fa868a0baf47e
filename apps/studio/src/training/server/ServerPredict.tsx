/**
 * After a server run: its trained weights come back into the studio — converted to the design's
 * TensorFlow.js model and loaded into the training worker — and the same prediction view as for
 * a browser-trained model follows: full-size tiled prediction, zoom and pan, the mask download
 * and the model downloads; plus the run's own PyTorch package from the server. The converted model
 * is kept with the document like a browser run's, and the view is ready only while the worker's
 * model is this run's (opening another run from the runs list replaces it).
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { useStores } from '../../state/StoreProvider';
import { PredictView } from '../PredictView';
import type { LoadedRun } from '../runPersistence';
import { modelStateOf } from '../shownModel';
import { useTrainingController, useTrainingState } from '../TrainingContext';
import { runOf } from '../trainingState';
import { apiUrl, type ServerConnection } from './serverApi';
import { loadServerArtifacts } from './serverModel';
import { serverRunSize } from './serverSize';

const NONE = createStore<{ loaded: LoadedRun | null }>()(() => ({ loaded: null }));

type Load =
  | { readonly status: 'loading' }
  | { readonly status: 'ready' }
  | { readonly status: 'failed'; readonly problem: string };

/** Prediction and downloads for the server run `runId`. */
export function ServerPredict(props: { connection: ServerConnection; runId: string }): ReactNode {
  const { connection, runId } = props;
  const stores = useStores();
  const controller = useTrainingController();
  const size = useTrainingState((s) => runOf(s.training)?.settings.size);
  // The studio's id of the run: its record in the design, its stored weights, the worker's model.
  const recordId = useTrainingState((s) => runOf(s.training)?.id ?? `server-${runId}`);
  const loaded = useStore(controller.runs?.view ?? NONE, (v) => v.loaded);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    setLoad({ status: 'loading' });
    const design = stores.design.getState().design;
    void (async () => {
      try {
        const artifacts = await loadServerArtifacts(
          connection,
          runId,
          design,
          size ? serverRunSize(design, size) : undefined,
        );
        if (!live) return;
        const problem = await controller.loadModel(recordId, artifacts, design);
        if (live) setLoad(problem === null ? { status: 'ready' } : { status: 'failed', problem });
      } catch (error) {
        if (live)
          setLoad({
            status: 'failed',
            problem: error instanceof Error ? error.message : String(error),
          });
      }
    })();
    return () => {
      live = false;
    };
  }, [connection, runId, recordId, stores, controller, size]);
  // The worker's last answered load decides; without run persistence, this view's own load.
  const model = controller.runs ? modelStateOf(recordId, loaded) : 'ready';
  const pytorch = (
    <a
      className="button"
      data-testid="server-download-package"
      href={apiUrl(connection, `/runs/${runId}/package`)}
      download
    >
      Download the server&apos;s PyTorch package (weights.pt as trained)
    </a>
  );
  if (load.status === 'ready' && model === 'ready')
    return (
      <>
        <PredictView model="ready" />
        <div className="train-row">{pytorch}</div>
      </>
    );
  return (
    <div
      className="train-predict"
      data-testid="train-predict"
      data-model={load.status === 'ready' ? model : load.status}
    >
      <div className="train-row">
        <span className="muted">
          {load.status === 'loading' || (load.status === 'ready' && model === 'loading')
            ? 'Loading the server-trained weights…'
            : load.status === 'failed'
              ? `The trained weights did not load: ${load.problem}`
              : model === 'failed'
                ? `The trained weights did not load: ${loaded?.problem ?? 'unknown'}`
                : 'Another run’s model was opened since; open this run from the runs list to predict with it.'}
        </span>
        {pytorch}
      </div>
    </div>
  );
}
