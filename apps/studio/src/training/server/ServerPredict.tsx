/**
 * After a server run: its trained weights come back into the studio — converted to the design's
 * TensorFlow.js model and loaded into the training worker — and the same prediction view as for
 * a browser-trained model follows: full-size tiled prediction, zoom and pan, the mask download
 * and the model downloads; plus the run's own PyTorch package from the server.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useStores } from '../../state/StoreProvider';
import { PredictView } from '../PredictView';
import { useTrainingController, useTrainingState } from '../TrainingContext';
import { runOf } from '../trainingState';
import { apiUrl, type ServerConnection } from './serverApi';
import { loadServerArtifacts } from './serverModel';
import { serverRunSize } from './serverSize';

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
        const problem = await controller.loadModel(`server-${runId}`, artifacts);
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
  }, [connection, runId, stores, controller, size]);
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
  if (load.status === 'ready')
    return (
      <>
        <PredictView model="ready" />
        <div className="train-row">{pytorch}</div>
      </>
    );
  return (
    <div className="train-predict" data-testid="train-predict" data-model={load.status}>
      <div className="train-row">
        <span className="muted">
          {load.status === 'loading'
            ? 'Loading the server-trained weights…'
            : `The trained weights did not load: ${load.problem}`}
        </span>
        {pytorch}
      </div>
    </div>
  );
}
