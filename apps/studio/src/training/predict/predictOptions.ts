/**
 * The full-size prediction options as the predict view's form holds them, and their reading
 * into the worker's options (the same choices as the CLI's `--tile`, `--overlap` and `--resize`).
 */
import type { TileMode } from '@unet-studio/runtime';

/** How the image is brought to the network. */
export const PREDICT_MODES = ['auto', 'off', 'size', 'resize'] as const;
/** One of {@link PREDICT_MODES}: tiles chosen automatically, whole image, tiles of a size, resize. */
export type PredictMode = (typeof PREDICT_MODES)[number];

/** The form's fields, as typed. */
export interface PredictForm {
  readonly mode: PredictMode;
  /** Tile height and width for `size` (input pixels). */
  readonly height: string;
  readonly width: string;
  /** Overlap of neighbouring output tiles in pixels; empty for the default. */
  readonly overlap: string;
}

/** What the worker is asked to do. */
export interface FullPredictOptions {
  readonly tile: TileMode;
  /** Null for the default (half a tile for same padding, none for valid padding). */
  readonly overlap: number | null;
  /** Resize the image to the model's input and the mask back instead of tiling. */
  readonly resize: boolean;
}

/** The form before the user changes it: automatic tiling, default overlap. */
export const DEFAULT_PREDICT_FORM: PredictForm = {
  mode: 'auto',
  height: '',
  width: '',
  overlap: '',
};

/** Largest tile side and overlap (as the CLI's). */
const MAX_SIDE = 4096;

function whole(text: string, min: number): number | null {
  const t = text.trim();
  if (!/^\d{1,5}$/.test(t)) return null;
  const n = Number(t);
  return n >= min && n <= MAX_SIDE ? n : null;
}

/**
 * Reads `form`.
 *
 * @returns the options, or a message naming the field that is wrong.
 * @example readPredictForm({ mode: 'size', height: '188', width: '188', overlap: '16' })
 */
export function readPredictForm(
  form: PredictForm,
): { ok: true; options: FullPredictOptions } | { ok: false; message: string } {
  let overlap: number | null = null;
  if (form.overlap.trim() !== '') {
    overlap = whole(form.overlap, 0);
    if (overlap === null)
      return { ok: false, message: `Overlap must be a whole number of pixels, 0–${MAX_SIDE}` };
  }
  if (form.mode === 'resize') return { ok: true, options: { tile: 'auto', overlap, resize: true } };
  if (form.mode !== 'size')
    return { ok: true, options: { tile: form.mode, overlap, resize: false } };
  const h = whole(form.height, 1);
  const w = whole(form.width, 1);
  if (h === null || w === null)
    return { ok: false, message: `Tile height and width must be whole numbers, 1–${MAX_SIDE}` };
  return { ok: true, options: { tile: [h, w], overlap, resize: false } };
}
