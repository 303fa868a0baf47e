/**
 * Training settings: what the user can set before pressing Train, their defaults for a design,
 * and the checks that turn bad values into messages naming the field.
 */
import type { CompiledDesign, TrainingSpec } from '@unet-studio/compiler';
import { isConcrete, zTrainingSpec } from '@unet-studio/compiler';
import type {
  BackendName,
  ClassWeighting,
  LossName,
  MaskCodingName,
  OptimizerName,
} from '@unet-studio/runtime';
// The defaults entry point holds constants only: the page stays free of TensorFlow.js.
import { DEFAULT_SYNTHETIC_SAMPLES } from '@unet-studio/runtime/defaults';
import { checkDataSettings } from './dataSettings';

/** Losses a run can use (the design format's list; the runtime accepts the same names). */
export const LOSSES: readonly LossName[] = zTrainingSpec.shape.loss.unwrap().options;
/** Optimizers a run can use. */
export const OPTIMIZERS: readonly OptimizerName[] = zTrainingSpec.shape.optimizer.unwrap().options;
/** Backends offered, GPU first (the runtime's names; imported as types so the page stays free of TensorFlow.js). */
export const BACKENDS = [
  'webgl',
  'webgpu',
  'wasm',
  'cpu',
] as const satisfies readonly BackendName[];
/** The backend setting: `auto` measures each backend on a few steps and picks the fastest. */
export const BACKEND_CHOICES = ['auto', ...BACKENDS] as const;
/** A backend setting. */
export type BackendChoice = (typeof BACKEND_CHOICES)[number];

/** Where the training samples come from. */
export const DATA_SOURCES = ['synthetic', 'images'] as const;
/** A data source. */
export type DataSource = (typeof DATA_SOURCES)[number];

/** Everything a run needs besides the design and the data. */
export interface TrainSettings {
  readonly source: DataSource;
  /** Spatial size of the samples: `[H, W]` or `[L]`. */
  readonly size: readonly number[];
  /** Synthetic samples generated (ignored for own images). */
  readonly samples: number;
  readonly batchSize: number;
  readonly epochs: number;
  readonly loss: LossName;
  readonly optimizer: OptimizerName;
  readonly learningRate: number;
  readonly threshold: number;
  /** Fraction held out for validation and the preview strip. */
  readonly validationSplit: number;
  /** The backend to try first (the worker falls back and says so), or `auto` to measure. */
  readonly backend: BackendChoice;
  /** Seed of the weights, the split, the shuffles and the augmentation (the CLI's `--seed`; 0). */
  readonly seed?: number;
  /** How own masks code classes (the CLI's `--masks`; `values`). */
  readonly masks?: MaskCodingName;
  /** Class weights for the weighted losses (the CLI's `--class-weights`; `none`). */
  readonly classWeights?: ClassWeighting;
}

/** What the model takes and gives, read from the compiled design. */
export interface ModelIo {
  readonly size: readonly number[] | null;
  readonly channels: number;
  readonly classes: number;
}

/** The input size, channels and classes of a compiled design (null size when it is open). */
export function modelIo(compiled: CompiledDesign): ModelIo | null {
  const input = compiled.inputId === null ? null : compiled.nodes[compiled.inputId]?.shape;
  const outId = compiled.outputIds[0];
  const output = outId === undefined ? null : compiled.nodes[outId]?.shape;
  if (!input || !output) return null;
  const size = input.spatial.every(isConcrete) ? input.spatial.map(Number) : null;
  return { size, channels: input.channels, classes: output.channels };
}

/** Defaults for a design: its own input size and training spec, {@link DEFAULT_SYNTHETIC_SAMPLES} synthetic samples. */
export function defaultSettings(io: ModelIo | null, spec: TrainingSpec): TrainSettings {
  const dims = io?.size?.length ?? 2;
  return {
    source: 'synthetic',
    size: io?.size ?? Array.from({ length: dims }, () => 64),
    samples: DEFAULT_SYNTHETIC_SAMPLES,
    batchSize: spec.batchSize,
    epochs: spec.epochs,
    loss: io && io.classes > 1 && spec.loss === 'bce' ? 'ce' : spec.loss,
    optimizer: spec.optimizer,
    learningRate: spec.learningRate,
    threshold: spec.threshold,
    validationSplit: 0.2,
    backend: 'auto',
    seed: 0,
    masks: 'values',
    classWeights: 'none',
  };
}

const positiveInt = (v: number): boolean => Number.isInteger(v) && v >= 1;

/**
 * The problems with `settings`, each naming the field; empty when a run can start.
 *
 * @example checkSettings({ ...s, batchSize: 0 }) // ['Batch size must be a whole number ≥ 1, got 0.']
 */
export function checkSettings(settings: TrainSettings): string[] {
  const problems: string[] = [];
  if (settings.size.length < 1 || !settings.size.every(positiveInt))
    problems.push(`Size must be whole numbers ≥ 1, got ${settings.size.join('×')}.`);
  if (!positiveInt(settings.batchSize))
    problems.push(`Batch size must be a whole number ≥ 1, got ${settings.batchSize}.`);
  if (!positiveInt(settings.epochs))
    problems.push(`Epochs must be a whole number ≥ 1, got ${settings.epochs}.`);
  if (settings.source === 'synthetic' && !(positiveInt(settings.samples) && settings.samples >= 2))
    problems.push(`Samples must be a whole number ≥ 2, got ${settings.samples}.`);
  if (!(settings.learningRate > 0 && settings.learningRate < 10))
    problems.push(`Learning rate must be between 0 and 10, got ${settings.learningRate}.`);
  if (!(settings.threshold > 0 && settings.threshold < 1))
    problems.push(`Threshold must be between 0 and 1, got ${settings.threshold}.`);
  if (!(settings.validationSplit > 0 && settings.validationSplit < 0.9))
    problems.push(`Validation share must be between 0 and 0.9, got ${settings.validationSplit}.`);
  problems.push(...checkDataSettings(settings));
  return problems;
}
