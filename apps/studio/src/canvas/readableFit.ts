/**
 * The view a design opens at: the whole design when it fits at a readable zoom, else a readable
 * zoom with the design's inputs in view (a net is read from its input). "Readable" means node text
 * at least `MIN_TEXT_PX` on screen: the nodes' font size times the zoom.
 */

/** Smallest on-screen size of node text, in pixels. */
export const MIN_TEXT_PX = 11;
/** Font size of node text on the canvas at 100 % (styles.css `.layer-node`). */
export const NODE_FONT_PX = 12;
/** The lowest zoom at which node text is readable. */
export const READABLE_ZOOM = Math.ceil((MIN_TEXT_PX / NODE_FONT_PX) * 100) / 100;

/** A box in canvas coordinates. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A viewport: the canvas point drawn at the screen's origin is `-x / zoom, -y / zoom`. */
export interface View {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

/**
 * The view that shows `bounds` on a `screen` of the given size with `padding` (a fraction of the
 * screen) around it, zoomed no further in than 100 % and no further out than `READABLE_ZOOM`; when
 * that does not show everything, the view starts at `start` (the inputs' box), keeping it a
 * margin away from the top-left corner.
 * @example readableView({ x: 0, y: 0, width: 4000, height: 900 }, { x: 0, y: 0, width: 180, height: 90 }, 1100, 800)
 */
export function readableView(
  bounds: Rect,
  start: Rect,
  screenWidth: number,
  screenHeight: number,
  padding = 0.1,
): View {
  const usableW = screenWidth * (1 - 2 * padding);
  const usableH = screenHeight * (1 - 2 * padding);
  const fit = Math.min(usableW / Math.max(bounds.width, 1), usableH / Math.max(bounds.height, 1));
  const zoom = Math.max(READABLE_ZOOM, Math.min(1, fit));
  const fitsW = bounds.width * zoom <= usableW + 0.5;
  const fitsH = bounds.height * zoom <= usableH + 0.5;
  const centre = (lo: number, size: number, screen: number): number =>
    screen / 2 - (lo + size / 2) * zoom;
  const marginX = screenWidth * padding;
  const marginY = screenHeight * padding;
  return {
    x: fitsW ? centre(bounds.x, bounds.width, screenWidth) : marginX - start.x * zoom,
    y: fitsH ? centre(bounds.y, bounds.height, screenHeight) : marginY - start.y * zoom,
    zoom,
  };
}
