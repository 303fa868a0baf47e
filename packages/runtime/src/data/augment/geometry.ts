/**
 * The geometric part of an augmentation: random parameters drawn per sample, composed into one
 * map from output pixels to source coordinates, so an augmented sample is resampled once (one
 * interpolation, however many families are on) and image and mask share the same map.
 */
import type { AugmentSpec } from '@unet-studio/compiler';
import type { Random } from '../random';
import type { CoordinateMap } from './sampling';
import { drawElasticField, type DisplacementField } from './elastic';

/** The geometric parameters drawn for one sample. */
export interface GeometryDraw {
  readonly flipX: boolean;
  readonly flipY: boolean;
  /** Quarter turns, 0–3 (only 0 or 2 for non-square samples, which must keep their shape). */
  readonly quarterTurns: number;
  /** Rotation in radians. */
  readonly angle: number;
  /** Zoom factor (> 1 magnifies). */
  readonly scale: number;
  /** Kept fraction of each side and the crop window's top-left corner, in source pixels. */
  readonly crop: { readonly keep: number; readonly top: number; readonly left: number };
  readonly elastic: DisplacementField | null;
}

/** Draws the geometric parameters of one sample; families that are off draw nothing. */
export function drawGeometry(
  spec: AugmentSpec,
  rng: Random,
  height: number,
  width: number,
): GeometryDraw {
  const on = (f: keyof AugmentSpec) => spec[f].enabled && spec[f].strength > 0;
  const flipX = on('flip') && rng.next() < spec.flip.strength;
  const flipY = on('flip') && rng.next() < spec.flip.strength;
  let quarterTurns = 0;
  if (on('rotate90') && rng.next() < spec.rotate90.strength)
    quarterTurns = height === width ? rng.int(1, 4) : 2;
  const angle = on('rotate') ? (rng.uniform(-1, 1) * spec.rotate.strength * Math.PI) / 180 : 0;
  const scale = on('scale') ? 1 + rng.uniform(-1, 1) * spec.scale.strength : 1;
  let crop = { keep: 1, top: 0, left: 0 };
  if (on('crop')) {
    const keep = 1 - rng.uniform(0, spec.crop.strength);
    crop = {
      keep,
      top: rng.uniform(0, 1) * height * (1 - keep),
      left: rng.uniform(0, 1) * width * (1 - keep),
    };
  }
  const elastic = on('elastic')
    ? drawElasticField(rng, height, width, spec.elastic.strength)
    : null;
  return { flipX, flipY, quarterTurns, angle, scale, crop, elastic };
}

/** True when the draw moves pixels by whole steps only (flips and quarter turns). */
export function isDiscrete(g: GeometryDraw): boolean {
  return g.angle === 0 && g.scale === 1 && g.crop.keep === 1 && g.elastic === null;
}

/**
 * The source coordinates of every output pixel. An output pixel is followed back through the
 * flips, the quarter turns, the elastic displacement, the crop window and the rotation/zoom
 * about the centre, in that order.
 */
export function coordinateMap(g: GeometryDraw, height: number, width: number): CoordinateMap {
  const sx = new Float32Array(height * width);
  const sy = new Float32Array(height * width);
  const cx = (width - 1) / 2;
  const cy = (height - 1) / 2;
  const cos = Math.cos(g.angle) / g.scale;
  const sin = Math.sin(g.angle) / g.scale;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let u = g.flipX ? width - 1 - x : x;
      let v = g.flipY ? height - 1 - y : y;
      if (g.quarterTurns === 2) {
        u = width - 1 - u;
        v = height - 1 - v;
      } else {
        // Quarter turns about the centre: drawn for square samples only.
        for (let t = 0; t < g.quarterTurns; t++) {
          const du = u - cx;
          u = cx - (v - cy);
          v = cy + du;
        }
      }
      const p = y * width + x;
      if (g.elastic !== null) {
        u += g.elastic.dx[p]!;
        v += g.elastic.dy[p]!;
      }
      // The crop window of `keep` × the sample, stretched over the whole output.
      u = g.crop.left + (u + 0.5) * g.crop.keep - 0.5;
      v = g.crop.top + (v + 0.5) * g.crop.keep - 0.5;
      const du = u - cx;
      const dv = v - cy;
      sx[p] = cx + cos * du - sin * dv;
      sy[p] = cy + sin * du + cos * dv;
    }
  }
  return { height, width, sx, sy };
}
