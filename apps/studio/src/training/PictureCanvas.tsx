/**
 * A canvas showing one RGBA picture at its own resolution, scaled up by CSS (pixelated).
 */
import { memo, useEffect, useRef, type ReactNode } from 'react';
import type { Picture } from './protocol';

/** Draws `picture`; `label` is its accessible name and `role` a test hook (`image`, `mask`…). */
export const PictureCanvas = memo(function PictureCanvas(props: {
  picture: Picture;
  label: string;
  role: string;
}): ReactNode {
  const ref = useRef<HTMLCanvasElement>(null);
  const { picture } = props;
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    ctx.putImageData(
      new ImageData(new Uint8ClampedArray(picture.rgba), picture.width, picture.height),
      0,
      0,
    );
  }, [picture]);
  return (
    <canvas
      ref={ref}
      className="train-picture"
      width={picture.width}
      height={picture.height}
      aria-label={props.label}
      title={props.label}
      data-role={props.role}
    />
  );
});
