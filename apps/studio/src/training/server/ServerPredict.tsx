/**
 * After a server run: its trained weights come back into the studio's own model, to predict on
 * an image in the browser and to download (tfjs, or the PyTorch package with weights.pt).
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useDesign, useStores } from '../../state/StoreProvider';
import { fileSafeName, saveDownload } from '../download';
import { PictureCanvas } from '../PictureCanvas';
import type { Picture } from '../protocol';
import { apiUrl, type ServerConnection } from './serverApi';
import { loadServerModel, type ServerModel } from './serverModel';

async function decodePicture(file: File): Promise<Picture> {
  const bitmap = await createImageBitmap(file);
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.drawImage(bitmap, 0, 0);
    const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    return { width: bitmap.width, height: bitmap.height, rgba: data };
  } finally {
    bitmap.close();
  }
}

/** Prediction and downloads for the server run `runId`. */
export function ServerPredict(props: { connection: ServerConnection; runId: string }): ReactNode {
  const { connection, runId } = props;
  const stores = useStores();
  const name = useDesign((s) => s.design.name);
  const [model, setModel] = useState<ServerModel | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<{ overlay: Picture; foreground: number } | null>(null);
  useEffect(() => {
    let live = true;
    let loaded: ServerModel | null = null;
    loadServerModel(connection, runId, stores.design.getState().design).then(
      (m) => {
        loaded = m;
        if (live) setModel(m);
        else m.dispose();
      },
      (error: unknown) =>
        live &&
        setProblem(
          `The trained weights did not load: ${error instanceof Error ? error.message : String(error)}`,
        ),
    );
    return () => {
      live = false;
      loaded?.dispose();
    };
  }, [connection, runId, stores]);
  const onFile = async (file: File | undefined): Promise<void> => {
    if (!file || !model) return;
    try {
      setResult(model.predict(await decodePicture(file), 0.5));
    } catch (error) {
      setProblem(`${file.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const download = async (): Promise<void> => {
    if (!model) return;
    const safe = fileSafeName(name);
    const { modelJson, weights } = await model.save(safe);
    saveDownload(safe, modelJson, weights);
  };
  return (
    <div
      className="train-predict"
      data-testid="train-predict"
      data-model={model ? 'ready' : 'loading'}
    >
      <div className="train-row">
        <label className="train-field">
          <span>Predict on an image</span>
          <input
            type="file"
            accept="image/*"
            data-testid="predict-file"
            disabled={!model}
            onChange={(e) => void onFile(e.currentTarget.files?.[0])}
          />
        </label>
        <button
          type="button"
          data-testid="train-download"
          disabled={!model}
          onClick={() => void download()}
        >
          Download model
        </button>
        <a
          className="button"
          data-testid="train-download-pytorch"
          href={apiUrl(connection, `/runs/${runId}/package`)}
          download
        >
          Download for PyTorch
        </a>
      </div>
      {problem && <p className="train-warning">{problem}</p>}
      {result && (
        <div
          className="train-prediction"
          data-testid="predict-result"
          data-foreground={result.foreground.toFixed(4)}
          data-threshold={0.5}
        >
          <PictureCanvas
            picture={result.overlay}
            label="Predicted mask over the uploaded image"
            role="prediction"
          />
          <span className="muted">
            {(result.foreground * 100).toFixed(1)}% foreground at threshold 0.50
          </span>
        </div>
      )}
    </div>
  );
}
