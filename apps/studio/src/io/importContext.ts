/**
 * heliaEDGE's UNet section does not carry its input size or class count (the kits keep them in the
 * task config). When an imported section lacks them, the import asks the user for them instead of
 * stopping (the CLI's `--input` and `--classes`), then imports with the values given through the
 * same compiler entry the CLI uses (`importAny` with `inputShape` and `numClasses`).
 */
import {
  formatIssue,
  importAny,
  isRecord,
  locateUNet,
  parseJsonText,
  type ImportAnyOptions,
} from '@unet-studio/compiler';
import type { ImportOutcome } from './importDocument';

/** What the dialog asks for, with what the section hints at. */
export interface ImportContextRequest {
  /** The document, imported again with the values. */
  readonly text: string;
  /** Whether the document lacks its input size (then size, channels and dims are asked). */
  readonly askInput: boolean;
  /** Whether the document lacks its class count. */
  readonly askClasses: boolean;
  /** The spatial axes the section builds with: 1 (`[T, C]`) and/or 2 (`[H, W, C]`), likeliest first. */
  readonly dims: readonly (1 | 2)[];
  /** The section's total downsampling along [height, width]: sizes that are multiples fit. */
  readonly stride: readonly [number, number];
}

/** The values the user gave. */
export interface ImportContextValues {
  readonly dims: 1 | 2;
  /** `[T]` or `[H, W]`. */
  readonly size: readonly number[];
  readonly channels: number;
  readonly classes: number;
}

const pairOf = (v: unknown): [number, number] =>
  typeof v === 'number' && v > 0
    ? [v, v]
    : Array.isArray(v) && typeof v[0] === 'number' && typeof v[1] === 'number'
      ? [v[0], v[1]]
      : [1, 1];

/** The product of the blocks' strides along each axis (bounded: a hostile file may say 1e9). */
function totalStride(params: unknown): [number, number] {
  const blocks = isRecord(params) && Array.isArray(params.blocks) ? params.blocks : [];
  let [h, w] = [1, 1];
  for (const block of blocks.slice(0, 10)) {
    const [sh, sw] = pairOf(isRecord(block) ? block.strides : 1);
    [h, w] = [Math.min(h * sh, 65536), Math.min(w * sw, 65536)];
  }
  return [h, w];
}

function optionsFor(request: ImportContextRequest, v: ImportContextValues): ImportAnyOptions {
  return {
    ...(request.askInput
      ? {
          inputShape:
            v.dims === 1
              ? ([v.size[0] ?? 1, v.channels] as const)
              : ([v.size[0] ?? 1, v.size[1] ?? v.size[0] ?? 1, v.channels] as const),
        }
      : {}),
    ...(request.askClasses ? { numClasses: v.classes } : {}),
  };
}

/**
 * What to ask for a heliaEDGE document whose import failed, or null when the failure is not (only)
 * a missing input size or class count: then the refusal stands as it is.
 */
export function contextRequest(text: string): ImportContextRequest | null {
  const json = parseJsonText(text);
  const location = json.ok ? locateUNet(json.value) : null;
  if (!location) return null;
  const askInput = location.input === null;
  const askClasses =
    location.classes === null && !(isRecord(location.params) && 'num_classes' in location.params);
  if (!askInput && !askClasses) return null;
  const base = { text, askInput, askClasses, stride: totalStride(location.params) } as const;
  // Which dimensionality the section builds with is the compiler's to say (1D needs [1, k] sizes).
  const dims = ([1, 2] as const).filter(
    (d) =>
      importAny(
        text,
        optionsFor({ ...base, dims: [d] }, { dims: d, size: [64, 64], channels: 1, classes: 1 }),
      ).ok,
  );
  return dims.length > 0 ? { ...base, dims } : null;
}

/** Marks a refused heliaEDGE import with what the user can supply to complete it. */
export function withContextRequest(text: string, outcome: ImportOutcome): ImportOutcome {
  if (outcome.ok) return outcome;
  const context = contextRequest(text);
  return context ? { ...outcome, context } : outcome;
}

/**
 * Imports the requested document with the user's values.
 * @example importWithContext(request, { dims: 1, size: [256], channels: 1, classes: 4 })
 */
export function importWithContext(
  request: ImportContextRequest,
  values: ImportContextValues,
): ImportOutcome {
  const result = importAny(request.text, optionsFor(request, values));
  if (result.ok) return { ok: true, design: result.value.design, what: 'UNetParams file' };
  const lines = result.issues.slice(0, 3).map(formatIssue);
  return { ok: false, message: `The UNetParams file was rejected: ${lines.join('; ')}` };
}
