import { describe, expect, it } from 'vitest';
import { withReportedCores } from './reportedCores';

/** A navigator whose core count comes from its prototype, as a browser's does. */
function browserNavigator(cores: number): { readonly hardwareConcurrency: number } {
  class WorkerNavigator {
    get hardwareConcurrency(): number {
      return cores;
    }
  }
  return new WorkerNavigator();
}

describe('withReportedCores', () => {
  it('reports the given count during the start and the browser’s own afterwards', async () => {
    const nav = browserNavigator(2);
    const seen = await withReportedCores(nav, 4, () => Promise.resolve(nav.hardwareConcurrency));
    expect(seen).toBe(4);
    expect(nav.hardwareConcurrency).toBe(2);
    expect(Object.keys(nav)).toEqual([]);
  });

  it('restores the browser’s count when the start fails, and passes the failure on', async () => {
    const nav = browserNavigator(2);
    await expect(
      withReportedCores(nav, 8, () => Promise.reject(new Error('wasm failed to start'))),
    ).rejects.toThrow('wasm failed to start');
    expect(nav.hardwareConcurrency).toBe(2);
  });

  it('refuses overlapping starts instead of leaving a wrong count behind', async () => {
    const nav = browserNavigator(2);
    let inner: Promise<unknown> = Promise.resolve();
    await withReportedCores(nav, 4, () => {
      inner = withReportedCores(nav, 6, () => Promise.resolve());
      return Promise.resolve();
    });
    await expect(inner).rejects.toThrow(/already shadowed/);
    expect(nav.hardwareConcurrency).toBe(2);
  });
});
