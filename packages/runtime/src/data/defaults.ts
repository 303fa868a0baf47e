/**
 * Defaults shared by every front end (the studio, the command line), so a run with default
 * settings trains on the same data wherever it is started.
 */

/**
 * Synthetic samples generated when no count is given. 128 learns the shapes task to a validation
 * Dice above 0.9 in a few epochs and keeps a default browser run on wasm within a few minutes.
 */
export const DEFAULT_SYNTHETIC_SAMPLES = 128;
