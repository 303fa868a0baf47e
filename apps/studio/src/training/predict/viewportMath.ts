/**
 * Zoom and pan of the full-size prediction viewer as pure arithmetic: a view maps image pixels
 * to viewport pixels by `screen = image · scale + offset`.
 */

/** Scale and offset of the image in the viewport (CSS pixels). */
export interface View {
  readonly scale: number;
  readonly x: number;
  readonly y: number;
}

/** A width and height in pixels. */
export interface Size {
  readonly width: number;
  readonly height: number;
}

/** Smallest zoom (1/64: a 16k image still shows as a thumbnail). */
export const MIN_SCALE = 1 / 64;
/** Largest zoom (32×: single pixels are easy to see). */
export const MAX_SCALE = 32;

/** `scale` kept within {@link MIN_SCALE}…{@link MAX_SCALE}. */
export function clampScale(scale: number): number {
  if (!Number.isFinite(scale)) return 1;
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}

/** The whole image in the box, centred; never scaled up past 100 %. */
export function fitView(image: Size, box: Size): View {
  const fit = Math.min(box.width / image.width, box.height / image.height, 1);
  const scale = clampScale(fit > 0 ? fit : 1);
  return {
    scale,
    x: (box.width - image.width * scale) / 2,
    y: (box.height - image.height * scale) / 2,
  };
}

/**
 * Zooms by `factor` about the viewport point (`px`, `py`): the image pixel under that point stays
 * under it.
 *
 * @example zoomAt({ scale: 1, x: 0, y: 0 }, 2, 100, 50) // { scale: 2, x: -100, y: -50 }
 */
export function zoomAt(view: View, factor: number, px: number, py: number): View {
  const scale = clampScale(view.scale * factor);
  const k = scale / view.scale;
  return { scale, x: px - (px - view.x) * k, y: py - (py - view.y) * k };
}

/** The image at 100 % (one image pixel per CSS pixel), keeping the box's centre where it was. */
export function actualSize(view: View, box: Size): View {
  return zoomAt(view, 1 / view.scale, box.width / 2, box.height / 2);
}

/** The view moved by (`dx`, `dy`) viewport pixels. */
export function panBy(view: View, dx: number, dy: number): View {
  return { scale: view.scale, x: view.x + dx, y: view.y + dy };
}

/** The zoom factor of one wheel event: 10 % per notch of 100 px, up or down. */
export function wheelFactor(deltaY: number): number {
  const notches = Math.max(-5, Math.min(5, deltaY / 100));
  return Math.pow(1.1, -notches);
}

/** The image pixel under viewport point (`px`, `py`), or null outside the image. */
export function imagePixelAt(
  view: View,
  image: Size,
  px: number,
  py: number,
): { x: number; y: number } | null {
  const x = Math.floor((px - view.x) / view.scale);
  const y = Math.floor((py - view.y) / view.scale);
  return x >= 0 && y >= 0 && x < image.width && y < image.height ? { x, y } : null;
}
