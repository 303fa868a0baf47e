/**
 * `unet-studio evaluate <model_dir> --data <dir>|synthetic`: scores a trained model (Dice, IoU,
 * pixel accuracy, per class).
 */
import { resolve } from 'node:path';
import {
  DEFAULT_SYNTHETIC_SAMPLES,
  evaluate,
  initBackend,
  isBackendName,
  isLossName,
  perImageReport,
  reportLines,
  sampleSpecOf,
} from '@unet-studio/runtime';
import { loadModelFromDir, loadSegmentationData } from '@unet-studio/runtime/node';
import { parseCommandArgs, positiveInt } from '../args';
import { EXIT, type Command, type Io } from '../command';
import { table } from '../print';
import { classLabels, designColorLine, designColors } from '../classNames';
import { readMaskCoding } from '../maskCoding';

const USAGE = `Usage: unet-studio evaluate <model_dir> --data <dir>|synthetic [--samples N] [--batch N]
                            [--loss NAME] [--threshold T] [--backend NAME] [--json]

Scores a model saved by "unet-studio train -o" on a folder of images and masks (the layouts
"train" reads) or on synthetic data: Dice, IoU and pixel accuracy, per class for several
classes. --json prints {"count","loss","dice","iou","pixelAccuracy","perClass","backend"}.

Then the per-image report: Dice and IoU of the --worst N images (10), worst first, and for
several classes the confusion matrix (--json adds "perImage" and "confusion"). --masks
values|voc|rgb says how masks code classes, as for "train"; the names and colours of
the design's training.classes (saved with the model) label and order the classes. A model that
outputs NaN or infinite values is reported as FAILED (exit code 1), not scored.

Exit codes: 0 evaluated, 1 the model's outputs were not finite, 2 bad arguments, model or data.`;

function fail(io: Io, ...lines: string[]): number {
  for (const line of lines) io.err(`unet-studio evaluate: ${line}`);
  return EXIT.unreadable;
}

const f3 = (v: number | null) => (v === null ? '-' : v.toFixed(3));

/** The `evaluate` command. */
export const evaluateCommand: Command = {
  name: 'evaluate',
  summary: 'Score a trained model on images and masks',
  usage: USAGE,
  async run(args, io) {
    const parsed = parseCommandArgs(args, {
      data: { type: 'string' },
      samples: { type: 'string' },
      batch: { type: 'string' },
      loss: { type: 'string' },
      threshold: { type: 'string' },
      seed: { type: 'string' },
      backend: { type: 'string' },
      json: { type: 'boolean' },
      worst: { type: 'string' },
      masks: { type: 'string' },
    });
    if (!parsed.ok || parsed.positionals.length !== 1)
      return fail(io, parsed.ok ? 'give exactly one model folder' : parsed.message, USAGE);
    const v = parsed.values;
    if (typeof v.data !== 'string')
      return fail(io, 'give the data with --data <dir> or --data synthetic', USAGE);
    const samples = positiveInt(v.samples, 'samples', DEFAULT_SYNTHETIC_SAMPLES);
    const batch = positiveInt(v.batch, 'batch', 8);
    if (typeof samples === 'string' || typeof batch === 'string')
      return fail(io, [samples, batch].find((x) => typeof x === 'string') as string);
    const threshold = v.threshold === undefined ? 0.5 : Number(v.threshold);
    if (!(threshold > 0 && threshold < 1))
      return fail(io, `--threshold must be in (0, 1), got "${String(v.threshold)}"`);
    if (v.loss !== undefined && (typeof v.loss !== 'string' || !isLossName(v.loss)))
      return fail(
        io,
        `--loss must be one of bce, ce, dice, bce_dice, weighted_bce, weighted_ce, got "${String(v.loss)}"`,
      );
    if (v.backend !== undefined && (typeof v.backend !== 'string' || !isBackendName(v.backend)))
      return fail(io, `--backend must be wasm or cpu, got "${String(v.backend)}"`);
    const backend = await initBackend(v.backend);
    let loaded;
    try {
      loaded = await loadModelFromDir(resolve(io.cwd, parsed.positionals[0]!));
    } catch (error) {
      return fail(io, error instanceof Error ? error.message : String(error));
    }
    const { model } = loaded;
    try {
      const spec = sampleSpecOf(model.inputs[0]!.shape, model.outputs[0]!.shape);
      let data;
      let legend: ReturnType<typeof designColors> = null;
      try {
        const masks = readMaskCoding(v.masks);
        if (masks.error !== undefined) return fail(io, masks.error);
        legend = v.data === 'synthetic' ? null : designColors(loaded.design, masks.coding);
        data = await loadSegmentationData(v.data, spec, {
          masks: masks.coding,
          ...(legend ? { colors: legend.colors } : {}),
          samples,
          seed: v.seed === undefined ? 1 : Number(v.seed),
          cwd: io.cwd,
        });
      } catch (error) {
        return fail(io, error instanceof Error ? error.message : String(error));
      }
      const say = v.json === true ? io.err : io.out;
      if (legend) say(legend.line);
      for (const line of data.lines) say(legend ? designColorLine(line) : line);
      // A split folder is scored on its test/ set, else on its val/ set.
      const scored = data.test ?? data.validation ?? data.data;
      if (scored !== data.data)
        say(`scoring the ${data.test ? 'test/' : 'val/'} set (${scored.count} samples)`);
      data = { ...data, data: scored };
      const result = await evaluate(model, data.data, {
        batchSize: batch,
        threshold,
        ...(v.loss === undefined ? {} : { loss: v.loss }),
      });
      const m = result.metrics;
      const worst = positiveInt(v.worst, 'worst', 10);
      if (typeof worst === 'string') return fail(io, worst);
      const report = await perImageReport(model, data.data, { batchSize: batch, threshold });
      if (v.json === true) {
        io.out(
          JSON.stringify({
            count: result.count,
            loss: result.loss,
            dice: m.dice,
            iou: m.iou,
            pixelAccuracy: m.pixelAccuracy,
            perClass: m.perClass,
            backend: backend.backend,
            perImage: report.images,
            confusion: report.confusion,
            ok: report.ok,
          }),
        );
      } else {
        const labels = classLabels(loaded.design, Math.max(m.perClass.length, spec.classes));
        for (const line of reportLines(report, worst, labels)) io.out(line);
        if (m.perClass.length > 1)
          for (const line of table(
            ['class', 'dice', 'iou'],
            m.perClass.map((c) => [
              labels?.[c.classIndex] ?? String(c.classIndex),
              f3(c.dice),
              f3(c.iou),
            ]),
            [1, 2],
          ))
            io.out(line);
        const loss = result.loss === null ? '' : `  loss ${result.loss.toFixed(4)}`;
        io.out(
          `${result.count} samples on ${backend.backend}: Dice ${f3(m.dice)}  IoU ${f3(m.iou)}  pixel accuracy ${f3(m.pixelAccuracy)}${loss}`,
        );
      }
      if (!report.ok) {
        io.err(
          `unet-studio evaluate: the model gave NaN or infinite outputs; these scores are not a result`,
        );
        return EXIT.errors;
      }
      return EXIT.ok;
    } finally {
      model.dispose();
    }
  },
};
