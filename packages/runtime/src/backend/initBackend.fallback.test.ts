import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initBackend } from './initBackend';

// A separate file: the wasm backend can be initialised only once per process.
describe('initBackend when wasm cannot start', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('falls back to cpu and reports the wasm failure', async () => {
    // tfjs and the wasm loader report the failure on the console; this test expects exactly that,
    // so it captures what they print instead of letting it into the test log.
    const printed: string[] = [];
    const capture = (...args: unknown[]): void => {
      printed.push(args.map(String).join(' '));
    };
    vi.spyOn(console, 'error').mockImplementation(capture);
    vi.spyOn(console, 'warn').mockImplementation(capture);
    const report = await initBackend('wasm', { wasmPaths: '/nonexistent-unet-studio-wasm/' });
    expect(printed.join('\n')).toMatch(/Initialization of backend wasm failed/);
    expect(printed.join('\n')).toContain('/nonexistent-unet-studio-wasm/');
    expect(report.backend).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(report.fellBack).toBe(true);
    expect(report.skipped.map((s) => s.backend)).toEqual(['wasm']);
    expect(report.summary).toMatch(/^cpu \(fell back: wasm failed to start/);
  });
});
