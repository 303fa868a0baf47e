/**
 * A server-trained model in the browser: its weights (the server's state bundle) loaded into the
 * studio's own TensorFlow.js model of the design, to predict and to download in the tfjs format.
 * TensorFlow.js is loaded on demand, on the CPU backend of the page.
 */
import type * as tf from '@tensorflow/tfjs';
import { compile, type Design } from '@unet-studio/compiler';
import { modelJsonText } from '../worker/modelJson';
import { foregroundShare, inputPicture, overlayPicture } from '../pictures';
import type { Picture } from '../protocol';
import { apiUrl, type ServerConnection } from './serverApi';

/** The model of a server run, ready to predict. */
export interface ServerModel {
  predict(image: Picture, threshold: number): { overlay: Picture; foreground: number };
  /** model.json text and weights, as the browser's own download writes them. */
  save(name: string): Promise<{ modelJson: string; weights: ArrayBuffer }>;
  dispose(): void;
}

/**
 * Fetches the run's trained weights and builds the design's model with them.
 *
 * @throws when the weights cannot be fetched or do not fit the design (the message says which).
 */
export async function loadServerModel(
  connection: ServerConnection,
  runId: string,
  design: Design,
): Promise<ServerModel> {
  const [tfjs, runtime] = await Promise.all([
    import('@tensorflow/tfjs'),
    import('@unet-studio/runtime'),
  ]);
  const response = await fetch(apiUrl(connection, `/runs/${runId}/weights`));
  if (!response.ok) throw new Error(`the server sent no weights (HTTP ${response.status})`);
  const bundle = runtime.readStateBundle(new Uint8Array(await response.arrayBuffer()));
  if (!bundle.ok) throw new Error(bundle.message);
  await runtime.initBackend('cpu');
  const compiled = compile(design);
  const model: tf.LayersModel = runtime.buildModel(compiled, { seed: 0 });
  const loaded = runtime.loadStateDictIntoModel(model, compiled, bundle.value);
  if (!loaded.ok) {
    model.dispose();
    throw new Error(loaded.errors.join('; '));
  }
  return {
    predict(image, threshold) {
      const [, height, width, channels] = model.inputs[0]?.shape ?? [];
      if (!height || !width || (channels !== 1 && channels !== 3 && channels !== 4)) {
        throw new Error('prediction on an image needs a 2D model with 1, 3 or 4 input channels');
      }
      const decoded = {
        width: image.width,
        height: image.height,
        data: new Uint8Array(image.rgba.buffer),
      };
      const resized = runtime.resizeBilinear(decoded, width, height);
      const x = tfjs.tensor(runtime.imageToInput(resized, channels), [height, width, channels]);
      const { probabilities, mask } = runtime.predict(model, x, { threshold });
      const labels = Uint8Array.from(mask.dataSync());
      tfjs.dispose([x, probabilities, mask]);
      const base = inputPicture(runtime.imageToInput(resized, 3), height, width, 3);
      return { overlay: overlayPicture(base, labels), foreground: foregroundShare(labels) };
    },
    async save(name) {
      const artifacts = await runtime.saveToMemory(model);
      const weights =
        artifacts.weightData instanceof ArrayBuffer ? artifacts.weightData : new ArrayBuffer(0);
      return { modelJson: modelJsonText(artifacts, name), weights };
    },
    dispose: () => model.dispose(),
  };
}
