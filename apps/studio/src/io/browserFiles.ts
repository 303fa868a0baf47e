/**
 * Browser file plumbing: download a file, pick one, read a dropped one, and rasterise the canvas SVG
 * into a PNG that carries the design.
 */
import { embedPngText } from './pngText';

/** Offers `content` as a download named `fileName`. */
export function downloadFile(fileName: string, content: string | Uint8Array, mime: string): void {
  const part = typeof content === 'string' ? content : new Uint8Array(content);
  const url = URL.createObjectURL(new Blob([part], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The bytes of a user-chosen or dropped file. */
export async function readFileBytes(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

/** Opens the file picker; resolves with the chosen file, or null when cancelled. */
export function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve(input.files?.[0] ?? null);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve(null);
      input.remove();
    });
    document.body.append(input);
    input.click();
  });
}

/** Rasterises `svg` at `scale` and embeds `documentText` in the PNG. */
export async function svgToPng(svg: string, documentText: string, scale = 2): Promise<Uint8Array> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    // Browsers cap canvas sides (about 16k pixels); large designs are drawn smaller.
    const fit = Math.min(scale, 8000 / Math.max(image.naturalWidth, image.naturalHeight, 1));
    canvas.width = Math.max(1, Math.round(image.naturalWidth * fit));
    canvas.height = Math.max(1, Math.round(image.naturalHeight * fit));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser cannot draw on a canvas');
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the PNG could not be encoded');
    return embedPngText(new Uint8Array(await blob.arrayBuffer()), documentText);
  } finally {
    URL.revokeObjectURL(url);
  }
}
