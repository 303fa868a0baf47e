/**
 * A run on the server, driving the same training store as a browser run: the design and
 * settings go to `POST /api/runs`, the run's Server-Sent Events become the store's events
 * (batch progress, epochs with their preview strip, the end), and a finished run is recorded
 * with the design like any other.
 */
import type { Design } from '@unet-studio/compiler';
import type { BatchProgress, EpochRecord } from '@unet-studio/runtime';
import type { DesignStore } from '../../state/designStore';
import type { PickedFile } from '../protocol';
import { runRecordOf, withRun } from '../runRecord';
import type { TrainSettings } from '../settings';
import type { TrainingStore } from '../trainingStore';
import { isLive, runOf } from '../trainingState';
import {
  apiUrl,
  callApi,
  type ServerConnection,
  type ServerEpoch,
  type ServerPreview,
  type ServerRun,
} from './serverApi';
import { previewPictures } from './serverPictures';
import { serverRunSize } from './serverSize';

/** A server run's handle. */
export interface ServerTraining {
  /** Starts a run; `label` names the server in the status line. */
  start(
    design: Design,
    settings: TrainSettings,
    images: readonly PickedFile[] | null,
    label: string,
  ): void;
  stop(): void;
  /**
   * Continues the last run after it was stopped, failed or interrupted (`POST
   * /api/runs/:id/resume`) up to `epochs` in all, from its last checkpoint: the same run in the
   * store, its earlier epochs replayed by the server, the new ones streaming into the same curves.
   */
  resume(epochs: number, label: string): void;
  /** The server's id of the current (or last) run. */
  runId(): string | null;
  /** The studio's id of that run (the id of its record in `design.runs`). */
  recordId(): string | null;
  dispose(): void;
}

function epochRecord(e: ServerEpoch, settings: TrainSettings): EpochRecord {
  return {
    epoch: e.epoch,
    loss: e.loss,
    dice: e.dice,
    iou: e.iou,
    valLoss: e.valLoss ?? null,
    valDice: e.valDice ?? null,
    valIoU: e.valIoU ?? null,
    valMetrics: null,
    learningRate: e.learningRate ?? settings.learningRate,
    seconds: e.seconds ?? 0,
    imagesPerSecond: e.imagesPerSecond ?? 0,
  };
}

async function base64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(text);
}

/** The design with the panel's settings as its training settings. */
function designFor(design: Design, s: TrainSettings): Design {
  return {
    ...design,
    training: {
      ...design.training,
      loss: s.loss,
      optimizer: s.optimizer,
      learningRate: s.learningRate,
      batchSize: s.batchSize,
      epochs: s.epochs,
      threshold: s.threshold,
    },
  };
}

/** Creates the server-run driver for one panel. */
export function createServerTraining(
  store: TrainingStore,
  design: DesignStore,
  connection: () => ServerConnection | null,
): ServerTraining {
  let events: EventSource | null = null;
  let current: string | null = null;
  let record: string | null = null;
  let settings: TrainSettings | null = null;
  let chain = Promise.resolve();
  const seen = new Set<number>();

  const finish = (run: ServerRun): void => {
    events?.close();
    events = null;
    const s = store.getState();
    if (run.status === 'completed' || run.status === 'stopped')
      s.dispatch({ type: 'done', status: run.status });
    else
      s.dispatch({
        type: 'failed',
        kind: 'error',
        message: run.message ?? `the server run was ${run.status}`,
      });
    const r = runOf(store.getState().training);
    if (r && r.epochs.length > 0)
      design.getState().transact('Record training run', (d) => withRun(d, runRecordOf(r)));
  };

  const onEpoch = (conn: ServerConnection, id: string, e: ServerEpoch): void => {
    chain = chain.then(async () => {
      if (seen.has(e.epoch) || !settings) return;
      seen.add(e.epoch);
      let preview = runOf(store.getState().training)?.preview ?? [];
      if (e.preview) {
        try {
          const data = await callApi<ServerPreview>(
            conn,
            'GET',
            `/runs/${id}/previews/${e.preview}`,
          );
          preview = previewPictures(data);
        } catch {
          // The strip keeps the previous epoch's pictures.
        }
      }
      store.getState().dispatch({ type: 'epoch', record: epochRecord(e, settings), preview });
    });
  };

  const listen = (conn: ServerConnection, id: string): void => {
    const source = new EventSource(apiUrl(conn, `/runs/${id}/events`));
    events = source;
    // EventSource's message data is always text.
    const data = <T>(m: MessageEvent<unknown>): T => JSON.parse(String(m.data)) as T;
    source.addEventListener('batch', (m) => {
      store
        .getState()
        .dispatch({ type: 'batch', progress: data<{ progress: BatchProgress }>(m).progress });
    });
    source.addEventListener('epoch', (m) =>
      onEpoch(conn, id, data<{ record: ServerEpoch }>(m).record),
    );
    source.addEventListener('status', (m) => {
      const run = data<{ run: ServerRun }>(m).run;
      if (run.status === 'queued' || run.status === 'running') return;
      chain = chain.then(() => finish(run));
    });
  };

  const fail = (message: string): void =>
    store.getState().dispatch({ type: 'failed', kind: 'error', message });

  /** Shows a run (new, or continued under its studio id) as starting on the server. */
  const begin = (s: TrainSettings, label: string, id: string, startedAt: string): void => {
    events?.close();
    events = null;
    seen.clear();
    settings = s;
    record = id;
    const st = store.getState();
    st.setNotice(null);
    st.dispatch({ type: 'start', id, startedAt, settings: s, estimate: null });
    st.dispatch({
      type: 'backend',
      backend: { name: 'server', summary: `server ${label}`, software: false, notes: [] },
    });
  };

  return {
    start(d, s, images, label) {
      const conn = connection();
      if (!conn) return;
      begin(s, label, `run-${Date.now().toString(36)}`, new Date().toISOString());
      current = null;
      void (async () => {
        try {
          let data: unknown = { kind: 'synthetic', samples: s.samples };
          if (s.source === 'images' && images) {
            const files = await Promise.all(
              images.map(async (f) => ({ path: f.path, data: await base64(f.file) })),
            );
            const upload = await callApi<{ id: string }>(conn, 'POST', '/uploads', { files });
            data = { kind: 'upload', id: upload.id };
          }
          const size = serverRunSize(d, s.size);
          const run = await callApi<ServerRun>(conn, 'POST', '/runs', {
            design: designFor(d, s),
            data,
            settings: { valFraction: s.validationSplit, ...(size ? { size } : {}) },
          });
          current = run.id;
          store.getState().dispatch({ type: 'warming' });
          listen(conn, run.id);
          // Stop was pressed while the run was being created.
          if (store.getState().training.phase === 'stopping') {
            await callApi(conn, 'POST', `/runs/${run.id}/stop`);
          }
        } catch (error) {
          fail(
            `The server did not start the run: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      })();
    },
    stop() {
      const conn = connection();
      store.getState().dispatch({ type: 'stop' });
      if (!conn || current === null) return;
      callApi(conn, 'POST', `/runs/${current}/stop`).catch((error: unknown) => {
        store
          .getState()
          .setNotice(`Stop: ${error instanceof Error ? error.message : String(error)}`);
      });
    },
    resume(epochs, label) {
      const conn = connection();
      const previous = runOf(store.getState().training);
      const id = current;
      if (!conn || id === null || previous === null || isLive(store.getState().training)) return;
      begin({ ...previous.settings, epochs }, label, previous.id, previous.startedAt);
      void (async () => {
        try {
          await callApi<ServerRun>(conn, 'POST', `/runs/${id}/resume`, { epochs });
          store.getState().dispatch({ type: 'warming' });
          // The server replays the run's earlier epochs, then streams the new ones.
          listen(conn, id);
          if (store.getState().training.phase === 'stopping') {
            await callApi(conn, 'POST', `/runs/${id}/stop`);
          }
        } catch (error) {
          fail(
            `The server did not resume the run: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      })();
    },
    runId: () => current,
    recordId: () => record,
    dispose() {
      events?.close();
      events = null;
    },
  };
}
