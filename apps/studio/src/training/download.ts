/**
 * Saving a trained model to the user's disk: `<name>.json` and `<name>.weights.bin`, the files
 * tfjs's `downloads://` handler writes and `tf.loadLayersModel` reads back.
 */
import { weightsFileName } from './worker/modelJson';

function offer(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A name safe for file names: letters, digits, `-` and `_`. */
export function fileSafeName(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'model';
}

/** Offers the model files for download. */
export function saveDownload(name: string, modelJson: string, weights: ArrayBuffer): void {
  offer(`${name}.json`, new Blob([modelJson], { type: 'application/json' }));
  offer(weightsFileName(name), new Blob([weights], { type: 'application/octet-stream' }));
}
