/**
 * The core count tfjs's threaded wasm build sees while it starts.
 *
 * tfjs-backend-wasm 4.22 sizes its XNNPACK thread pool as
 * `min(setThreadsCount(n), 8, hardwareConcurrency / 2)` (src/cc/backend.cc: it assumes two
 * hardware threads per core), reading `navigator.hardwareConcurrency` once, when the module
 * starts. On a machine whose browser reports 2 or 3 logical cores that is one thread whatever
 * `setThreadsCount` asks for. Reporting twice the wanted count for the length of the start
 * lets the pool have the threads asked for; afterwards the browser's own figure is back.
 */

/** A `navigator` (or anything) whose `hardwareConcurrency` can be shadowed for a while. */
export type CoreReporter = object;

/**
 * Runs `start` while `reporter.hardwareConcurrency` reads `cores`, then removes the shadow,
 * so the browser's value shows again (also when `start` fails).
 *
 * @example await withReportedCores(self.navigator, 2 * threads, () => initBackend('wasm'));
 */
export async function withReportedCores<T>(
  reporter: CoreReporter,
  cores: number,
  start: () => Promise<T>,
): Promise<T> {
  if (Object.prototype.hasOwnProperty.call(reporter, 'hardwareConcurrency'))
    throw new Error('hardwareConcurrency is already shadowed: starts must not overlap');
  Object.defineProperty(reporter, 'hardwareConcurrency', {
    configurable: true,
    get: () => cores,
  });
  try {
    return await start();
  } finally {
    delete (reporter as { hardwareConcurrency?: number }).hardwareConcurrency;
  }
}
