/**
 * Resume for a server run that was stopped, failed or interrupted: the server continues it from
 * its last checkpoint up to the panel's Epochs, and it streams into the same progress and curves.
 */
import type { ReactNode } from 'react';
import { useTrainingState } from '../TrainingContext';
import type { ServerTargetState } from './useServerTarget';

/** The Resume button of the last server run, when it can be resumed; nothing otherwise. */
export function ServerResume(props: { server: ServerTargetState; epochs: number }): ReactNode {
  const { server, epochs } = props;
  const training = useTrainingState((s) => s.training);
  const resumable =
    (training.phase === 'finished' && training.status === 'stopped') || training.phase === 'failed';
  if (!resumable || training.run.backend?.name !== 'server') return null;
  if (server.connection === null || server.training.runId() === null) return null;
  const done = training.run.epochs.length;
  const more = epochs > done;
  return (
    <button
      type="button"
      data-testid="server-resume"
      disabled={!more}
      title={
        more
          ? `Continue the server run from its last checkpoint up to ${epochs} epochs`
          : `Set Epochs above ${done} to continue this run`
      }
      onClick={() => server.training.resume(epochs, server.label)}
    >
      Resume on the server ({done} → {epochs} epochs)
    </button>
  );
}
