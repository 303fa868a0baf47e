/**
 * A server run's preview file → the preview strip's pictures (the same pictures a browser run
 * shows).
 */
import { inputPicture, maskPicture, overlayPicture } from '../pictures';
import type { PreviewSample } from '../protocol';
import type { ServerPreview } from './serverApi';

/** Samples shown, as in a browser run. */
const SHOWN = 3;

/** The pictures of a preview file; samples with inconsistent sizes are left out. */
export function previewPictures(preview: ServerPreview): PreviewSample[] {
  const out: PreviewSample[] = [];
  for (const s of preview.samples) {
    if (out.length === SHOWN) break;
    const n = s.height * s.width;
    if (
      n <= 0 ||
      s.image.length !== n * s.channels ||
      s.mask.length !== n ||
      s.truth.length !== n
    ) {
      continue;
    }
    // Channels first on the wire; the pictures read channels last.
    const last = new Float32Array(n * s.channels);
    for (let c = 0; c < s.channels; c++) {
      for (let p = 0; p < n; p++) last[p * s.channels + c] = s.image[c * n + p] ?? 0;
    }
    const image = inputPicture(last, s.height, s.width, s.channels);
    const mask = Uint8Array.from(s.mask);
    out.push({
      image,
      truth: maskPicture(Uint8Array.from(s.truth), s.height, s.width),
      mask: maskPicture(mask, s.height, s.width),
      overlay: overlayPicture(image, mask),
      foreground: s.foreground,
    });
  }
  return out;
}
