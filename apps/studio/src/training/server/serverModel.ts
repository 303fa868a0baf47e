/**
 * A server-trained model in the browser: its weights (the server's state bundle) loaded into the
 * studio's own TensorFlow.js model of the design, then handed over as model artifacts — the form
 * the training worker loads stored runs from — so that prediction, at full size and tiled, and
 * the downloads run in the worker exactly as for a model trained in the browser. The conversion
 * runs on TensorFlow.js's CPU backend of the page, loaded on demand.
 */
import { compile, type Design } from '@unet-studio/compiler';
import type { ModelArtifactsData } from '../protocol';
import { apiUrl, type ServerConnection } from './serverApi';

/**
 * Fetches the run's trained weights and builds the design's model with them, at `size` (the
 * run's training size; needed when the design leaves its input size open).
 *
 * @returns the model's artifacts (topology with the design embedded, and its weights).
 * @throws when the weights cannot be fetched or do not fit the design (the message says which).
 */
export async function loadServerArtifacts(
  connection: ServerConnection,
  runId: string,
  design: Design,
  size?: readonly number[],
): Promise<ModelArtifactsData> {
  const runtime = await import('@unet-studio/runtime');
  const response = await fetch(apiUrl(connection, `/runs/${runId}/weights`));
  if (!response.ok) throw new Error(`the server sent no weights (HTTP ${response.status})`);
  const bundle = runtime.readStateBundle(new Uint8Array(await response.arrayBuffer()));
  if (!bundle.ok) throw new Error(bundle.message);
  await runtime.initBackend('cpu');
  const compiled = compile(design, size ? { inputSize: size } : {});
  const model = runtime.buildModel(compiled, { seed: 0 });
  try {
    const loaded = runtime.loadStateDictIntoModel(model, compiled, bundle.value);
    if (!loaded.ok) throw new Error(loaded.errors.join('; '));
    const artifacts = await runtime.saveToMemory(model);
    const weights = artifacts.weightData;
    return {
      ...artifacts,
      weightData: weights instanceof ArrayBuffer ? weights : new ArrayBuffer(0),
    };
  } finally {
    model.dispose();
  }
}
