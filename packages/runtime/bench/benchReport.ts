/**
 * The figures `pnpm bench:train` prints: min/median/max per backend with images/s and the ratio
 * to the newest PyTorch measured in the same run, the load average, and the closing JSON line.
 */
import { loadavg } from 'node:os';
import { median } from './stepTimer';

/** The step times of one thing measured. */
export interface Series {
  readonly name: string;
  readonly times: readonly number[];
  /** `torch.__version__` when this is a PyTorch series. */
  readonly torch?: string;
  readonly python?: string;
  /** PyTorch's thread count. */
  readonly threads?: number;
}

/** Min, median and max of a series' step times, in ms. */
export interface Figures {
  readonly min: number;
  readonly ms: number;
  readonly max: number;
  readonly steps: number;
}

/** Min, median and max of `times`. */
export function figures(times: readonly number[]): Figures {
  return {
    min: Math.min(...times),
    ms: median(times),
    max: Math.max(...times),
    steps: times.length,
  };
}

/** The 1, 5 and 15 minute load averages, e.g. `1.02 0.87 0.55`. */
export function loadAverage(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

const round = (x: number, digits = 1) => Number(x.toFixed(digits));

/** One line per series: min/median/max, images/s and ÷ the reference PyTorch's median. */
export function tableLines(
  series: readonly Series[],
  batch: number,
  torchMs: number | null,
): string[] {
  return series.map((s) => {
    const f = figures(s.times);
    const ratio =
      torchMs === null || s.torch !== undefined ? '' : `  ${(f.ms / torchMs).toFixed(2)}× PyTorch`;
    const what = s.torch === undefined ? '' : `  (${s.python}, ${s.threads ?? '?'} thread(s))`;
    return `${s.name.padEnd(18)} min ${f.min.toFixed(0).padStart(5)}  median ${f.ms.toFixed(0).padStart(5)}  max ${f.max.toFixed(0).padStart(5)} ms/step  ${((batch * 1000) / f.ms).toFixed(1).padStart(5)} images/s  (${f.steps} steps)${ratio}${what}`;
  });
}

/**
 * The closing JSON line: the reference PyTorch (`torch`, `pytorchMs`), every PyTorch measured,
 * and each backend's median ms, min, max, images/s and ratio to the reference.
 */
export function jsonLine(
  tfjs: readonly Series[],
  torches: readonly Series[],
  batch: number,
  load: { start: string; end: string },
): string {
  const reference = torches[0];
  const torchMs = reference === undefined ? null : figures(reference.times).ms;
  const entry = (s: Series) => {
    const f = figures(s.times);
    return {
      ms: round(f.ms),
      min: round(f.min),
      max: round(f.max),
      imagesPerSecond: round((batch * 1000) / f.ms, 2),
    };
  };
  return JSON.stringify({
    model: 'small',
    torch: reference?.torch ?? null,
    pytorchMs: torchMs === null ? null : round(torchMs),
    pytorch: torches.map((s) => ({
      torch: s.torch,
      python: s.python,
      threads: s.threads,
      ...entry(s),
    })),
    backends: Object.fromEntries(
      tfjs.map((s) => [
        s.name,
        { ...entry(s), ratio: torchMs === null ? null : round(figures(s.times).ms / torchMs, 2) },
      ]),
    ),
    load,
  });
}
