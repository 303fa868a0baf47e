/**
 * Colour-coded masks: palette PNGs in the Pascal VOC palette (a decoder gives their colours, so
 * colours are mapped back to palette indices) and RGB colour codes with a legend of colours to
 * classes (Cityscapes, CamVid and most annotation tools export these).
 */
import { maskToLabels, type DecodedImage } from './imageOps';

/** A colour as `0xRRGGBB`. */
export type PackedColor = number;

const pack = (r: number, g: number, b: number): PackedColor => (r << 16) | (g << 8) | b;

/** `#rrggbb` of a packed colour. */
export function colorHex(c: PackedColor): string {
  return `#${c.toString(16).padStart(6, '0')}`;
}

/**
 * The Pascal VOC colour map: entry i spreads the bits of i over the high bits of R, G and B
 * (index 1 = dark red #800000, 15 = person #c08080, 255 = the "void" border #e0e0c0).
 */
export function vocColormap(): PackedColor[] {
  return Array.from({ length: 256 }, (_, i) => {
    let r = 0;
    let g = 0;
    let b = 0;
    let c = i;
    for (let j = 0; j < 8; j++) {
      r |= (c & 1) << (7 - j);
      g |= ((c >> 1) & 1) << (7 - j);
      b |= ((c >> 2) & 1) << (7 - j);
      c >>= 3;
    }
    return pack(r, g, b);
  });
}

/** The VOC "void" index (object borders, not labelled). */
export const VOC_VOID = 255;

/** A legend: which colour is which class (class i is `colors[i]`), with names to show. */
export interface ColorLegend {
  readonly colors: readonly PackedColor[];
  readonly names: readonly string[];
}

/**
 * The distinct colours of some masks, black first then by how often they occur, as a legend
 * with names `class 0`, `class 1`, ….
 *
 * @returns The legend, or a message when there are more than `maxColors` colours (an
 *   anti-aliased or JPEG-compressed mask is not a colour code).
 */
export function legendFromMasks(
  masks: readonly DecodedImage[],
  maxColors = 64,
): ColorLegend | { error: string } {
  const counts = new Map<PackedColor, number>();
  for (const m of masks) {
    for (let p = 0; p < m.width * m.height; p++) {
      const c = pack(m.data[p * 4]!, m.data[p * 4 + 1]!, m.data[p * 4 + 2]!);
      counts.set(c, (counts.get(c) ?? 0) + 1);
      if (counts.size > maxColors)
        return {
          error: `masks hold more than ${maxColors} colours: not a colour code (anti-aliased or JPEG-compressed masks cannot be mapped to classes)`,
        };
    }
  }
  const colors = [...counts.entries()]
    .sort((a, b) => (a[0] === 0 ? -1 : b[0] === 0 ? 1 : b[1] - a[1] || a[0] - b[0]))
    .map(([c]) => c);
  return { colors, names: colors.map((_, i) => `class ${i}`) };
}

/**
 * Class labels of a colour-coded mask: each pixel's colour's index in `colors`.
 *
 * @returns The labels, or a message naming the first colour not in the legend and where it is.
 */
export function colorMaskToLabels(
  img: DecodedImage,
  colors: readonly PackedColor[],
): { labels: Uint8Array } | { error: string } {
  if (colors.length > 256)
    return { error: `a legend holds at most 256 colours, got ${colors.length}` };
  const index = new Map(colors.map((c, i) => [c, i]));
  const labels = new Uint8Array(img.width * img.height);
  for (let p = 0; p < labels.length; p++) {
    const c = pack(img.data[p * 4]!, img.data[p * 4 + 1]!, img.data[p * 4 + 2]!);
    const k = index.get(c);
    if (k === undefined)
      return {
        error: `colour ${colorHex(c)} at (${p % img.width}, ${Math.floor(p / img.width)}) is not in the legend`,
      };
    labels[p] = k;
  }
  return { labels };
}

/**
 * Class labels of a Pascal VOC palette mask (decoded to colours): the palette index of each
 * colour; the void border (255) becomes background (0), as it is not labelled.
 *
 * @returns The labels, or a message naming a colour outside the palette or an index ≥ `classes`.
 */
export function vocMaskToLabels(
  img: DecodedImage,
  classes: number,
): { labels: Uint8Array } | { error: string } {
  const colors = vocColormap();
  const mapped = colorMaskToLabels(img, colors);
  if ('error' in mapped) return { error: mapped.error.replace('the legend', 'the VOC palette') };
  const labels = mapped.labels.map((v) => (v === VOC_VOID ? 0 : v));
  const max = labels.reduce((m, v) => Math.max(m, v), 0);
  if (max >= classes)
    return { error: `mask holds VOC class ${max}, not a class index below ${classes}` };
  return { labels };
}

/** How mask pixels become classes: grey values (the default), the VOC palette, or a legend. */
export type MaskCoding = 'values' | 'voc' | { readonly colors: readonly PackedColor[] };

/**
 * Class labels of a mask under `coding`; with `values`, as {@link maskToLabels} reads them
 * (binary masks for one class, class indices otherwise).
 */
export function maskLabelsFor(
  img: DecodedImage,
  coding: MaskCoding,
  classes: number,
): { labels: Uint8Array } | { error: string } {
  if (coding === 'values') return maskToLabels(img, classes === 1 ? 'binary' : 'indices', classes);
  if (coding === 'voc') return vocMaskToLabels(img, Math.max(classes, 2));
  const mapped = colorMaskToLabels(img, coding.colors);
  if ('labels' in mapped && classes > 1 && coding.colors.length > classes)
    return { error: `the legend has ${coding.colors.length} colours for ${classes} classes` };
  return mapped;
}
