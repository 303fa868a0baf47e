/**
 * The import-context dialog's fields as text: what they start with (from the section's hints) and
 * how they are read back into values, with a message for each field that is not valid.
 */
import type { ImportContextRequest, ImportContextValues } from './importContext';

/** The dialog's fields, as typed. */
export interface ImportContextForm {
  readonly dims: 1 | 2;
  /** `T` in 1D, `H×W` (or one number for a square) in 2D. */
  readonly size: string;
  readonly channels: string;
  readonly classes: string;
}

/** A message per invalid field. */
export type ImportContextErrors = Partial<Record<'size' | 'channels' | 'classes', string>>;

/** The largest size, channel or class count heliaEDGE documents may hold. */
const MAX = 65536;

/** The smallest multiple of `stride` that is at least `at`. */
const fitting = (at: number, stride: number): number =>
  Math.min(Math.max(stride, Math.ceil(at / stride) * stride), MAX);

/** The size that fits every level of the section for `dims` (256 long, or 128×128). */
export function defaultSize(request: ImportContextRequest, dims: 1 | 2): string {
  const [sh, sw] = request.stride;
  return dims === 1 ? String(fitting(256, sw)) : `${fitting(128, sh)}×${fitting(128, sw)}`;
}

/** The fields as the dialog opens: the likeliest dimensionality, a fitting size, 1 channel. */
export function initialForm(request: ImportContextRequest): ImportContextForm {
  const dims = request.dims[0] ?? 1;
  return { dims, size: defaultSize(request, dims), channels: '1', classes: '' };
}

function count(text: string, what: string): number | string {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return `${what} must be a whole number from 1 to ${MAX}`;
  const n = Number(t);
  return n >= 1 && n <= MAX ? n : `${what} must be a whole number from 1 to ${MAX}`;
}

function size(text: string, dims: 1 | 2): number[] | string {
  const parts = text
    .trim()
    .split(/\s*[x×*,]\s*|\s+/i)
    .filter((p) => p !== '');
  if (dims === 1) {
    if (parts.length !== 1) return 'Input length must be one whole number, such as 256';
    const n = count(parts[0] ?? '', 'Input length');
    return typeof n === 'string' ? n : [n];
  }
  if (parts.length < 1 || parts.length > 2)
    return 'Input size must be height × width, such as 128×128';
  const sizes = parts.map((p) => count(p, 'Input size'));
  const bad = sizes.find((s): s is string => typeof s === 'string');
  if (bad !== undefined) return bad;
  const [h, w] = sizes as number[];
  return [h ?? 1, w ?? h ?? 1];
}

/**
 * Reads the fields the request asks for.
 * @returns the values, or a message for each invalid field.
 */
export function readForm(
  request: ImportContextRequest,
  form: ImportContextForm,
): { ok: true; values: ImportContextValues } | { ok: false; errors: ImportContextErrors } {
  const errors: ImportContextErrors = {};
  const sized = request.askInput ? size(form.size, form.dims) : [1];
  if (typeof sized === 'string') errors.size = sized;
  const channels = request.askInput ? count(form.channels, 'Channels') : 1;
  if (typeof channels === 'string') errors.channels = channels;
  const classes = request.askClasses ? count(form.classes, 'Classes') : 1;
  if (typeof classes === 'string') errors.classes = classes;
  if (typeof sized === 'string' || typeof channels === 'string' || typeof classes === 'string')
    return { ok: false, errors };
  return { ok: true, values: { dims: form.dims, size: sized, channels, classes } };
}

/** A note on the sizes that fit: each level halves (or divides by its stride) the map. */
export function sizeNote(request: ImportContextRequest, dims: 1 | 2): string {
  const [sh, sw] = request.stride;
  if (dims === 1)
    return sw > 1 ? `The section downsamples by ${sw}: a multiple of ${sw} fits every level.` : '';
  if (sh <= 1 && sw <= 1) return '';
  return `The section downsamples by ${sh}×${sw}: multiples of those fit every level.`;
}
