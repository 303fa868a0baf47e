/**
 * The predicted mask as a PNG file at the image's full size, encoded by the browser's canvas:
 * grey values as the CLI writes them (0/255 for one class, the class index for several).
 */
import { downloadFile } from '../../io/browserFiles';
import { maskValues } from './fullPrediction';

/** `big.png` → `big-mask.png`. */
export function maskFileName(imageName: string): string {
  const stem = imageName.replace(/\.[^./\\]*$/, '') || 'image';
  return `${stem}-mask.png`;
}

/** Offers the `width × height` mask of `labels` as a PNG download named after `imageName`. */
export async function downloadMaskPng(
  imageName: string,
  labels: Uint8Array,
  classes: number,
  width: number,
  height: number,
): Promise<void> {
  const values = maskValues(labels, classes);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let p = 0; p < values.length; p++) {
    const v = values[p]!;
    rgba[p * 4] = v;
    rgba[p * 4 + 1] = v;
    rgba[p * 4 + 2] = v;
    rgba[p * 4 + 3] = 255;
  }
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser gives no 2D canvas to encode the mask');
  ctx.putImageData(new ImageData(rgba, width, height), 0, 0);
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  downloadFile(maskFileName(imageName), new Uint8Array(await blob.arrayBuffer()), 'image/png');
}
