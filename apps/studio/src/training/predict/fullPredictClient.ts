/**
 * The app's side of full-size prediction: sends the worker its commands, turns its reports into
 * {@link PredictEvent}s, and sends at most one new threshold at a time (a dragged slider's last
 * value wins) so that large images do not queue up re-thresholds.
 */
import type { FromWorker, Picture, ToWorker } from '../protocol';
import type { PredictEvent } from './predictState';
import type { FullPredictOptions } from './predictOptions';

/** Full-size prediction commands. */
export interface FullPredictClient {
  /** Predicts `image` (named `name`); its pixels are handed over to the worker. */
  run(image: Picture, name: string, options: FullPredictOptions, threshold: number): void;
  /**
   * The current prediction at `threshold`, from the kept probabilities; asked during a run, it
   * applies once the run's result is there.
   */
  rethreshold(threshold: number): void;
  /** Stops the running prediction after its current batch of tiles. */
  cancel(): void;
  /** Forgets the prediction (the model is about to change). */
  reset(): void;
  /** Handles a worker report; false when it is not about full-size prediction. */
  onMessage(message: FromWorker): boolean;
}

/** A client sending through `send` and reporting to `dispatch`. */
export function createFullPredictClient(
  send: (message: ToWorker, transfer?: Transferable[]) => void,
  dispatch: (event: PredictEvent) => void,
): FullPredictClient {
  let id = 0;
  /** The worker holds the probabilities of prediction `id`. */
  let ready = false;
  let inFlight = false;
  let wanted = 0.5;
  const ask = (): void => {
    inFlight = true;
    send({ type: 'predict-threshold', id, threshold: wanted });
  };
  return {
    run(image, name, options, threshold) {
      id++;
      ready = false;
      inFlight = false;
      wanted = threshold;
      dispatch({ type: 'start', id, name });
      send({ type: 'predict-full', id, image, options, threshold }, [image.rgba.buffer]);
    },
    rethreshold(threshold) {
      wanted = threshold;
      if (ready && !inFlight) ask();
    },
    cancel: () => send({ type: 'predict-cancel', id }),
    reset() {
      id++;
      ready = false;
      inFlight = false;
      dispatch({ type: 'reset' });
    },
    onMessage(message) {
      switch (message.type) {
        case 'predict-progress':
          dispatch({ type: 'progress', id: message.id, done: message.done, total: message.total });
          return true;
        case 'full-prediction':
          dispatch({ type: 'result', id: message.id, result: message.result });
          if (message.id !== id) return true;
          ready = true;
          inFlight = false;
          // The slider moved while this was computed: its last value is asked for next.
          if (message.result.classes === 1 && wanted !== message.result.threshold) ask();
          return true;
        case 'predict-ended':
          dispatch({
            type: 'ended',
            id: message.id,
            reason: message.reason,
            message: message.message,
          });
          return true;
        default:
          return false;
      }
    },
  };
}
