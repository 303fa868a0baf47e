/**
 * The full-size prediction shown at the image's own resolution (the canvas is as large as the
 * image) inside a fixed viewport: zoom with the wheel or the buttons, Fit, 100 %, and pan by
 * dragging.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { Picture } from './protocol';
import {
  actualSize,
  fitView,
  panBy,
  wheelFactor,
  zoomAt,
  type Size,
  type View,
} from './predict/viewportMath';

/** Zoom factor of the + and − buttons. */
const STEP = 1.25;

/** Shows `picture` with zoom and pan; `label` is its accessible name. */
export function PredictViewport(props: { picture: Picture; label: string }): ReactNode {
  const { picture } = props;
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const drag = useRef<{ x: number; y: number } | null>(null);
  const [view, setView] = useState<View>({ scale: 1, x: 0, y: 0 });
  const boxSize = useCallback((): Size => {
    const r = box.current?.getBoundingClientRect();
    return { width: r?.width || 1, height: r?.height || 1 };
  }, []);

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    // The worker's pixels are drawn as they are, without another copy (a transferred, plain
    // ArrayBuffer, never a shared one).
    const rgba = picture.rgba as Uint8ClampedArray<ArrayBuffer>;
    ctx?.putImageData(new ImageData(rgba, picture.width, picture.height), 0, 0);
  }, [picture]);

  // A new image size starts fitted to the viewport; a new threshold keeps the view.
  const { width, height } = picture;
  useLayoutEffect(() => {
    setView(fitView({ width, height }, boxSize()));
  }, [width, height, boxSize]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    // Not passive, so the page does not scroll while the wheel zooms.
    const onWheel = (e: WheelEvent): void => {
      e.preventDefault();
      const r = el.getBoundingClientRect();
      const factor = wheelFactor(e.deltaY);
      setView((v) => zoomAt(v, factor, e.clientX - r.left, e.clientY - r.top));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, []);

  const zoomCentre = (factor: number): void => {
    const { width: w, height: h } = boxSize();
    setView((v) => zoomAt(v, factor, w / 2, h / 2));
  };

  return (
    <div className="predict-viewer">
      <div className="train-row predict-zoom-bar">
        <button type="button" data-testid="predict-zoom-out" onClick={() => zoomCentre(1 / STEP)}>
          −
        </button>
        <span className="predict-zoom" data-testid="predict-zoom">
          {Math.round(view.scale * 100)} %
        </span>
        <button type="button" data-testid="predict-zoom-in" onClick={() => zoomCentre(STEP)}>
          +
        </button>
        <button
          type="button"
          data-testid="predict-zoom-fit"
          onClick={() => setView(fitView(picture, boxSize()))}
        >
          Fit
        </button>
        <button
          type="button"
          data-testid="predict-zoom-100"
          onClick={() => setView((v) => actualSize(v, boxSize()))}
        >
          100 %
        </button>
      </div>
      <div
        ref={box}
        className="predict-viewport"
        data-testid="predict-viewport"
        data-scale={view.scale.toFixed(4)}
        title="Wheel to zoom, drag to pan"
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          drag.current = { x: e.clientX, y: e.clientY };
        }}
        onPointerMove={(e) => {
          const from = drag.current;
          if (!from) return;
          drag.current = { x: e.clientX, y: e.clientY };
          setView((v) => panBy(v, e.clientX - from.x, e.clientY - from.y));
        }}
        onPointerUp={() => {
          drag.current = null;
        }}
        onPointerCancel={() => {
          drag.current = null;
        }}
      >
        <canvas
          ref={canvas}
          className="predict-output"
          data-testid="predict-output"
          width={picture.width}
          height={picture.height}
          aria-label={props.label}
          style={{
            transform: `translate(${view.x}px, ${view.y}px) scale(${view.scale})`,
            imageRendering: view.scale >= 2 ? 'pixelated' : 'auto',
          }}
        />
      </div>
    </div>
  );
}
