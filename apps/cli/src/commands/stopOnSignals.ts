/**
 * Stopping a training run on SIGINT (Ctrl-C) or SIGTERM without losing it: the first signal
 * asks the run to stop after its current batch (the caller then saves the weights); later ones,
 * such as the copy a wrapper passes on when the terminal already signalled the whole process
 * group, are acknowledged and ignored until the weights are saved.
 */
import type { Io } from '../command';

/** The signals that stop a run. */
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
/** A stopping signal. */
type StopSignal = (typeof SIGNALS)[number];

/** The exit code of a run stopped by each signal: 128 + its number, as shells report it. */
const EXIT_CODE: Readonly<Record<StopSignal, number>> = { SIGINT: 130, SIGTERM: 143 };

/** What {@link stopOnSignals} returns. */
export interface SignalStopper {
  /** Aborted on the first signal. */
  readonly signal: AbortSignal;
  /** `interrupted` (SIGINT) or `terminated` (SIGTERM). */
  reason(): string;
  /** 130 after SIGINT, 143 after SIGTERM. */
  exitCode(): number;
  /** Removes the handlers (after saving). */
  dispose(): void;
}

/**
 * Installs SIGINT/SIGTERM handlers for the length of a run.
 *
 * @param outDir - Where the weights will be saved, named in the message (null: not saved).
 * @example const stopper = stopOnSignals(io, '/runs/a'); try { … } finally { stopper.dispose(); }
 */
export function stopOnSignals(io: Io, outDir: string | null): SignalStopper {
  const controller = new AbortController();
  let received: StopSignal | null = null;
  let receivedAt = 0;
  const handler = (signal: StopSignal) => {
    if (received !== null) {
      // A copy within a second is the same request reaching this process twice (group + wrapper).
      if (Date.now() - receivedAt > 1000)
        io.err(
          `unet-studio train: ${signal} again: already stopping, the run ends after this batch`,
        );
      return;
    }
    received = signal;
    receivedAt = Date.now();
    controller.abort();
    io.err(
      `unet-studio train: ${signal}: stopping after this batch${outDir === null ? ' (no -o given: nothing will be saved)' : `, then saving the weights to ${outDir}`}`,
    );
  };
  for (const s of SIGNALS) process.on(s, handler);
  return {
    signal: controller.signal,
    reason: () => (received === 'SIGTERM' ? 'terminated' : 'interrupted'),
    exitCode: () => EXIT_CODE[received ?? 'SIGINT'],
    dispose: () => {
      for (const s of SIGNALS) process.removeListener(s, handler);
    },
  };
}
