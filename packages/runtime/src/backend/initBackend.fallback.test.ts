import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { initBackend } from './initBackend';

// A separate file: the wasm backend can be initialised only once per process.
describe('initBackend when wasm cannot start', () => {
  it('falls back to cpu and reports the wasm failure', async () => {
    const report = await initBackend('wasm', { wasmPaths: '/nonexistent-unet-studio-wasm/' });
    expect(report.backend).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(report.fellBack).toBe(true);
    expect(report.skipped.map((s) => s.backend)).toEqual(['wasm']);
    expect(report.summary).toMatch(/^cpu \(fell back: wasm failed to start/);
  });
});
