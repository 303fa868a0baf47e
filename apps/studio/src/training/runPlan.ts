/**
 * What pressing Train would do: the settings in force, whether the run can start (and why not),
 * and the cost estimate. Pure, from the design, the user's overrides and the own images.
 */
import { compile, type Design } from '@unet-studio/compiler';
import { compiledFor } from '../state/compiledCache';
import { estimateDevice, estimateStep, type StepEstimate } from './estimate';
import type { ProbeReport } from './backendChoice';
import { autoDevice, measuredStep, withMeasured, type MeasuredStep } from './measuredEstimate';
import type { BackendInfo } from './protocol';
import { checkSettings, defaultSettings, modelIo, type TrainSettings } from './settings';
import type { OwnImages } from './trainingStore';

/** A run as it would start now. */
export interface RunPlan {
  readonly settings: TrainSettings;
  /** Why Train is disabled; empty when it can start. */
  readonly blockers: readonly string[];
  readonly estimate: StepEstimate | null;
  /** The backend probe's figure the estimate uses, when the model was measured. */
  readonly measured?: MeasuredStep | null;
}

function errorsOf(design: Design, settings: TrainSettings): string[] {
  return compile(design, { inputSize: settings.size, batch: settings.batchSize })
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => d.message);
}

/**
 * Plans a run of `design`.
 *
 * @param lastBackend - The backend the previous run reported, or what a probe of this browser
 *   found (whether WebGL renders in software refines the time estimate).
 * @param probeFor - The backend probe remembered for a run of `design` with these settings.
 */
export function planRun(
  design: Design,
  overrides: Partial<TrainSettings>,
  images: OwnImages | null,
  lastBackend: BackendInfo | null,
  probeFor: (settings: TrainSettings) => ProbeReport | null = () => null,
): RunPlan {
  const base = compiledFor(design, 1);
  const io = modelIo(base);
  const settings: TrainSettings = { ...defaultSettings(io, design.training), ...overrides };
  const blockers: string[] = [];
  const designErrors = base.diagnostics.filter((d) => d.severity === 'error');
  if (designErrors.length > 0) {
    blockers.push(`The design has ${designErrors.length} error(s): ${designErrors[0]!.message}`);
    return { settings, blockers, estimate: null };
  }
  blockers.push(...checkSettings(settings));
  if (io !== null && settings.size.length !== (io.size?.length ?? settings.size.length))
    blockers.push(`Size needs ${io.size?.length} numbers for this design.`);
  if (settings.source === 'images' && !(images?.report && images.report.used > 0))
    blockers.push('Choose a folder of images and masks first (or use the synthetic data).');
  else if (
    settings.source === 'images' &&
    images &&
    images.size.join('×') !== settings.size.join('×')
  )
    blockers.push(
      `The images were read at ${images.size.join('×')}: read them again at ${settings.size.join('×')}.`,
    );
  if (blockers.length > 0) return { settings, blockers, estimate: null };
  const sized = compile(design, { inputSize: settings.size, batch: settings.batchSize });
  if (!sized.ok) {
    const errors = errorsOf(design, settings);
    return {
      settings,
      blockers: [`At ${settings.size.join('×')}: ${errors[0] ?? 'the design does not compile'}`],
      estimate: null,
    };
  }
  const samples = settings.source === 'images' ? (images?.report?.used ?? 0) : settings.samples;
  const trainSamples = Math.max(
    1,
    samples - Math.max(1, Math.round(samples * settings.validationSplit)),
  );
  const steps = settings.epochs * Math.ceil(trainSamples / settings.batchSize);
  const software =
    lastBackend !== null && lastBackend.name === settings.backend && lastBackend.software;
  const device =
    settings.backend === 'auto'
      ? autoDevice(lastBackend)
      : estimateDevice(settings.backend, software);
  const guess = estimateStep(sized.totals, device, steps);
  const report = probeFor(settings);
  const measured = report === null ? null : measuredStep(report, settings.backend);
  const estimate =
    measured === null ? guess : withMeasured(guess, measured, settings.batchSize, steps);
  return { settings, blockers, estimate, measured };
}
