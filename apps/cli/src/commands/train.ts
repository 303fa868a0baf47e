/**
 * `unet-studio train <design | config | template:NAME> --data synthetic|<dir>`: builds the
 * design, trains it on synthetic data or a folder of images and masks, prints progress and the
 * final metrics (or one JSON line with --json), and saves the model with -o.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { AUGMENT_FAMILIES, compile, type AugmentSpec } from '@unet-studio/compiler';
import {
  batchLine,
  buildModel,
  DEFAULT_SYNTHETIC_SAMPLES,
  epochLine,
  formatDuration,
  initBackend,
  isBackendName,
  isLossName,
  isOptimizerName,
  classWeightsOf,
  makeAugmenter,
  perImageReport,
  reportLines,
  splitData,
  withClassWeights,
  type ClassWeighting,
  parseAugmentList,
  sampleSpecOf,
  DataValueError,
  TrainingError,
  type TrainOptions,
} from '@unet-studio/runtime';
import {
  loadSegmentationData,
  MAX_WORKERS,
  saveModelToDir,
  trainParallel,
} from '@unet-studio/runtime/node';
import { parseCommandArgs, positiveInt } from '../args';
import { EXIT, type Command, type Io } from '../command';
import { applyInputShape, parseInputShape } from '../inputShape';
import { loadAnyDesign } from '../loadAnyDesign';
import { classLabels, designColorLine, designColors } from '../classNames';
import { readMaskCoding } from '../maskCoding';
import { diagnosticLine } from '../print';
import { stopOnSignals } from './stopOnSignals';

const USAGE = `Usage: unet-studio train <file | template:NAME> [--data synthetic|DIR] [options]

Builds the design and trains it. --data is "synthetic" (default: shapes on noise, or pulses
for 1D designs) or a folder of images and masks (Carvana-style <id>.jpg + <id>_mask.gif, or
images/ + masks/ with the same names; train/ and val/ sub-folders are taken as the split). Defaults come from the design's training settings.

  --epochs N        epochs                      --batch N        batch size
  --size HxW        input size (or L in 1D)     --lr X           learning rate
  --loss NAME       bce ce dice bce_dice weighted_bce weighted_ce
  --optimizer NAME  adam sgd rmsprop            --plateau        reduce the lr on plateaus
  --val F           validation fraction (0.2)   --samples N      synthetic samples (128)
  --seed N          weights, data and shuffles  --backend NAME   wasm (default) or cpu
  --workers N       threads computing gradients (default 1, at most 16): each batch is split
                    between them (data-parallel). 2 pays off only when two CPU cores are free
                    for this run; on a busy machine it can be slower than 1
  --augment LIST    augment training samples: flip rotate90 rotate scale crop brightness
                    contrast gamma noise elastic (NAME=S sets a strength), all, or none;
                    default: the design's training.augment settings
  --class-weights W none (default), inverse (inverse class frequency) or one weight per
                    class, background first (0.2,1,3); needs --loss weighted_bce or weighted_ce
  --masks CODING    how masks code classes: values (grey values: 0/255, 0/1 or class
                    indices; default), voc (Pascal VOC palette), rgb (colour codes; the
                    design's training.classes colours in order, else the legend of the
                    colours found, is printed)
  -o DIR            save the trained model      --json           end with one JSON line:
                    {"epochs","loss","valDice","valIoU","seconds","backend","workers"}

Training stops when the loss diverges (NaN, infinite, or above 1000× the first batch's and
above 100): nothing is saved. NaN/Inf inputs and targets outside [0, 1] are refused before the
first batch. Ctrl-C (SIGINT) or SIGTERM stops after the current batch and saves to -o DIR.

Exit codes: 0 trained, 1 the design has errors or training failed (diverged), 2 unreadable
input or data, 130/143 stopped by SIGINT/SIGTERM (the weights saved with -o).`;

const OPTIONS = {
  data: { type: 'string' },
  epochs: { type: 'string' },
  batch: { type: 'string' },
  size: { type: 'string' },
  loss: { type: 'string' },
  lr: { type: 'string' },
  optimizer: { type: 'string' },
  plateau: { type: 'boolean' },
  val: { type: 'string' },
  samples: { type: 'string' },
  seed: { type: 'string' },
  backend: { type: 'string' },
  workers: { type: 'string' },
  augment: { type: 'string' },
  masks: { type: 'string' },
  'class-weights': { type: 'string' },
  out: { type: 'string', short: 'o' },
  json: { type: 'boolean' },
} as const;

type Values = Readonly<Record<string, string | boolean | undefined>>;

/** Reads the numeric and named options, or returns the first problem. */
function readOptions(v: Values) {
  const text = (k: string) => (typeof v[k] === 'string' ? v[k] : undefined);
  const epochs = positiveInt(v.epochs, 'epochs', 0);
  const batch = positiveInt(v.batch, 'batch', 0);
  const samples = positiveInt(v.samples, 'samples', DEFAULT_SYNTHETIC_SAMPLES);
  const workers = positiveInt(v.workers, 'workers', 1);
  const seed = v.seed === undefined ? 0 : Number(text('seed'));
  const lr = v.lr === undefined ? undefined : Number(text('lr'));
  const val = v.val === undefined ? 0.2 : Number(text('val'));
  const problems = [epochs, batch, samples, workers].filter(
    (x): x is string => typeof x === 'string',
  );
  if (typeof workers === 'number' && workers > MAX_WORKERS)
    problems.push(`--workers must be at most ${MAX_WORKERS}, got "${text('workers')}"`);
  if (!Number.isInteger(seed) || seed < 0)
    problems.push(`--seed must be a whole number, got "${text('seed')}"`);
  if (lr !== undefined && !(lr > 0 && lr < 10))
    problems.push(`--lr must be a number in (0, 10), got "${text('lr')}"`);
  if (!(val >= 0 && val < 1))
    problems.push(`--val must be a fraction in [0, 1), got "${text('val')}"`);
  const loss = text('loss');
  if (loss !== undefined && !isLossName(loss))
    problems.push(
      `--loss must be one of bce, ce, dice, bce_dice, weighted_bce, weighted_ce, got "${loss}"`,
    );
  const optimizer = text('optimizer');
  if (optimizer !== undefined && !isOptimizerName(optimizer))
    problems.push(`--optimizer must be adam, sgd or rmsprop, got "${optimizer}"`);
  const backend = text('backend');
  if (backend !== undefined && !isBackendName(backend))
    problems.push(`--backend must be wasm, cpu or webgl, got "${backend}"`);
  if (problems.length > 0) return { problems };
  return {
    problems,
    epochs: epochs as number,
    batch: batch as number,
    samples: samples as number,
    workers: workers as number,
    seed,
    lr,
    val,
    loss: loss as TrainOptions['loss'],
    optimizer: optimizer as 'adam' | 'sgd' | 'rmsprop' | undefined,
    backend: backend as 'wasm' | 'cpu' | 'webgl' | undefined,
  };
}

/** The design's loss, except that several classes train with cross-entropy rather than plain BCE. */
function defaultLoss(
  designLoss: NonNullable<TrainOptions['loss']>,
  classes: number,
): NonNullable<TrainOptions['loss']> {
  return classes > 1 && designLoss === 'bce' ? 'ce' : designLoss;
}

/** Reads --class-weights: none, inverse, or comma-separated numbers. */
function readClassWeights(
  value: string | boolean | undefined,
): { weighting: ClassWeighting } | { error: string } {
  if (value === undefined || value === 'none') return { weighting: 'none' };
  if (value === 'inverse') return { weighting: 'inverse' };
  const numbers = String(value).split(',').map(Number);
  if (numbers.length < 2 || numbers.some((w) => !(w >= 0 && Number.isFinite(w))))
    return {
      error: `--class-weights must be none, inverse or numbers such as 0.2,1,3, got "${String(value)}"`,
    };
  return { weighting: numbers };
}

/** The families switched on, with their strengths: `flip 0.5, elastic 10`. */
function augmentLine(spec: AugmentSpec): string {
  return AUGMENT_FAMILIES.filter((f) => spec[f].enabled && spec[f].strength > 0)
    .map((f) => `${f} ${spec[f].strength}`)
    .join(', ');
}

function fail(io: Io, code: number, ...lines: string[]): number {
  for (const line of lines) io.err(`unet-studio train: ${line}`);
  return code;
}

/** The `train` command. */
export const trainCommand: Command = {
  name: 'train',
  summary: 'Train a design on synthetic data or images and masks',
  usage: USAGE,
  async run(args, io) {
    const parsed = parseCommandArgs(args, OPTIONS);
    if (!parsed.ok || parsed.positionals.length !== 1)
      return fail(
        io,
        EXIT.unreadable,
        parsed.ok ? 'give exactly one design, config or template' : parsed.message,
        USAGE,
      );
    const o = readOptions(parsed.values);
    if (o.problems.length > 0 || o.epochs === undefined)
      return fail(io, EXIT.unreadable, ...o.problems);
    const json = parsed.values.json === true;
    const say = json ? io.err : io.out;
    const loaded = await loadAnyDesign(parsed.positionals[0]!, io.cwd);
    if (!loaded.ok) return fail(io, EXIT.unreadable, ...loaded.lines);
    let design = loaded.design;
    const sizeText = parsed.values.size;
    if (typeof sizeText === 'string') {
      const dims = design.model.nodes.find((n) => n.kind === 'input')?.params;
      const shape = parseInputShape(
        /^\d+$/.test(sizeText) && dims && 'dims' in dims && dims.dims === 2
          ? `${sizeText}x${sizeText}`
          : sizeText,
      );
      const resized = typeof shape === 'string' ? shape : applyInputShape(design, shape);
      if (typeof resized === 'string')
        return fail(io, EXIT.unreadable, resized.replace('--input', '--size'));
      design = resized;
    }
    const compiled = compile(design);
    if (!compiled.ok) {
      for (const d of compiled.diagnostics.filter((x) => x.severity === 'error'))
        io.err(diagnosticLine(d, compiled));
      return fail(io, EXIT.errors, `${loaded.label} has errors; fix them before training`);
    }
    const backend = await initBackend(o.backend);
    say(`backend: ${backend.summary}`);
    if (o.workers > 1) {
      const cores = availableParallelism();
      say(
        `workers: ${o.workers} threads share each batch (data-parallel)${o.workers > cores ? `; this machine has ${cores} core(s), so they will wait for each other` : ''}`,
      );
    }
    const model = buildModel(compiled, { seed: o.seed });
    try {
      const spec = sampleSpecOf(model.inputs[0]!.shape, model.outputs[0]!.shape);
      const source = typeof parsed.values.data === 'string' ? parsed.values.data : 'synthetic';
      let loadedData: Awaited<ReturnType<typeof loadSegmentationData>>;
      let legend: ReturnType<typeof designColors> = null;
      try {
        const masks = readMaskCoding(parsed.values.masks);
        if (masks.error !== undefined) return fail(io, EXIT.unreadable, masks.error);
        legend = source === 'synthetic' ? null : designColors(design, masks.coding);
        loadedData = await loadSegmentationData(source, spec, {
          samples: o.samples,
          seed: o.seed,
          cwd: io.cwd,
          masks: masks.coding,
          ...(legend ? { colors: legend.colors } : {}),
        });
      } catch (error) {
        return fail(io, EXIT.unreadable, error instanceof Error ? error.message : String(error));
      }
      if (legend) say(legend.line);
      for (const line of loadedData.lines) say(legend ? designColorLine(line) : line);
      const spec0 = design.training;
      const classWeights = readClassWeights(parsed.values['class-weights']);
      if ('error' in classWeights) return fail(io, EXIT.unreadable, classWeights.error);
      const { weighting } = classWeights;
      const lossName = o.loss ?? defaultLoss(spec0.loss, loadedData.data.classes);
      if (weighting !== 'none') {
        if (lossName !== 'weighted_bce' && lossName !== 'weighted_ce')
          return fail(
            io,
            EXIT.unreadable,
            '--class-weights needs --loss weighted_bce or weighted_ce',
          );
        try {
          const weights = classWeightsOf(loadedData.data, weighting);
          say(`class weights: ${weights.map((w) => w.toFixed(3)).join(', ')}`);
          loadedData = {
            ...loadedData,
            data: withClassWeights(loadedData.data, weights),
            ...(loadedData.validation
              ? { validation: withClassWeights(loadedData.validation, weights) }
              : {}),
          };
        } catch (error) {
          return fail(io, EXIT.unreadable, error instanceof Error ? error.message : String(error));
        }
      }
      const augmentSpec =
        typeof parsed.values.augment === 'string'
          ? parseAugmentList(parsed.values.augment, spec0.augment)
          : spec0.augment;
      if (typeof augmentSpec === 'string') return fail(io, EXIT.unreadable, augmentSpec);
      const augmenter = makeAugmenter(augmentSpec, o.seed);
      if (augmenter !== null && loadedData.data.inputShape.length !== 3)
        return fail(io, EXIT.unreadable, '--augment works on 2D images; this design is 1D');
      if (augmenter !== null) say(`augmentation: ${augmentLine(augmentSpec)}`);
      const epochs = o.epochs || spec0.epochs;
      const outDir =
        typeof parsed.values.out === 'string' ? resolve(io.cwd, parsed.values.out) : null;
      const stopper = stopOnSignals(io, outDir);
      let lastProgress = 0;
      let history;
      try {
        try {
          history = await trainParallel(model, loadedData.data, {
            workers: o.workers,
            epochs,
            batchSize: o.batch || spec0.batchSize,
            loss: lossName,
            optimizer: o.optimizer ?? spec0.optimizer,
            learningRate: o.lr ?? spec0.learningRate,
            validationSplit: o.val,
            // A folder split into train/ and val/ is used as split.
            ...(loadedData.validation ? { validationData: loadedData.validation } : {}),
            seed: o.seed,
            threshold: spec0.threshold,
            reduceOnPlateau: parsed.values.plateau === true,
            ...(augmenter === null ? {} : { augment: augmenter }),
            signal: stopper.signal,
            onBatch: (p) => {
              const line = batchLine(p);
              io.progress(line.padEnd(lastProgress));
              lastProgress = line.length;
            },
            onEpoch: (r) => {
              io.progress(`${' '.repeat(lastProgress)}\r`);
              say(epochLine(r, epochs));
            },
          });
        } catch (error) {
          io.progress(`${' '.repeat(lastProgress)}\r`);
          const message = error instanceof Error ? error.message : String(error);
          if (error instanceof DataValueError) return fail(io, EXIT.unreadable, message);
          if (error instanceof TrainingError)
            return fail(
              io,
              EXIT.errors,
              message,
              ...(outDir === null ? [] : [`the model was not saved to ${outDir}`]),
            );
          return fail(io, EXIT.errors, message);
        }
        // Saved with the signal handlers still in place, so a second Ctrl-C cannot cut it short.
        if (outDir !== null) {
          await saveModelToDir(model, outDir);
          say(
            history.status === 'aborted'
              ? `saved the weights of the last finished batch to ${outDir}`
              : `saved the model to ${outDir}`,
          );
        }
      } finally {
        stopper.dispose();
      }
      // The per-image report on the validation set: the split train made (same seed), or val/.
      const validation =
        loadedData.validation ?? splitData(loadedData.data, o.val, o.seed).validation;
      if (validation !== null && history.epochs.length > 0) {
        const report = await perImageReport(model, validation, { threshold: spec0.threshold });
        const labels = classLabels(design, report.confusion.length);
        for (const line of reportLines(report, 5, labels)) say(line);
      }
      const last = history.epochs.at(-1);
      const summary = {
        epochs: history.epochs.length,
        loss: last?.loss ?? null,
        valDice: last?.valDice ?? null,
        valIoU: last?.valIoU ?? null,
        seconds: Math.round(history.seconds * 10) / 10,
        backend: history.backend,
        workers: o.workers,
      };
      if (json) io.out(JSON.stringify(summary));
      else {
        const val =
          last?.valDice == null
            ? ''
            : `, val Dice ${last.valDice.toFixed(3)}, val IoU ${last.valIoU!.toFixed(3)}`;
        const verb =
          history.status === 'aborted' ? `stopped (${stopper.reason()}) after` : 'trained';
        io.out(
          `${verb} ${summary.epochs} epoch(s) in ${formatDuration(history.seconds)} on ${history.backend}${o.workers > 1 ? `×${o.workers}` : ''}: loss ${last?.loss.toFixed(4) ?? '-'}${val}`,
        );
      }
      return history.status === 'aborted' ? stopper.exitCode() : EXIT.ok;
    } finally {
      model.dispose();
    }
  },
};
