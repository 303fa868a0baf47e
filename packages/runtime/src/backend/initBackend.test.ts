import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { isTrainingKernelRegistered } from '../kernels/registerTrainingKernels';
import { initBackend } from './initBackend';

describe('initBackend in Node', () => {
  it('starts wasm by default, loading the .wasm files from the package, with the training kernels', async () => {
    const report = await initBackend();
    expect(report).toMatchObject({
      backend: 'wasm',
      host: 'node',
      fellBack: false,
      requested: null,
      summary: 'wasm',
    });
    expect(tf.getBackend()).toBe('wasm');
    expect(isTrainingKernelRegistered('Conv2DBackpropFilter', 'wasm')).toBe(true);
    expect(report.notes.join(' ')).toMatch(/1 thread/);
    // The backend really computes.
    expect(Array.from(tf.tidy(() => tf.square(tf.tensor([2, 3])).dataSync()))).toEqual([4, 9]);
  });

  it('falls back from webgl to wasm and says why', async () => {
    const report = await initBackend('webgl');
    expect(report.backend).toBe('wasm');
    expect(report.fellBack).toBe(true);
    expect(report.summary).toBe('wasm (fell back: webgl is not available in Node)');
  });

  it('falls back from webgpu to wasm when no webgpu backend is registered, and says why', async () => {
    const report = await initBackend('webgpu');
    expect(report).toMatchObject({ backend: 'wasm', requested: 'webgpu', fellBack: true });
    expect(report.skipped.map((s) => s.backend)).toEqual(['webgpu']);
    expect(report.summary).toMatch(
      /^wasm \(fell back: webgpu is not registered \(in Node it needs Dawn/,
    );
  });

  it('uses cpu when asked, with its fast filter gradient', async () => {
    const report = await initBackend('cpu');
    expect(report).toMatchObject({ backend: 'cpu', fellBack: false });
    expect(tf.getBackend()).toBe('cpu');
    expect(isTrainingKernelRegistered('Conv2DBackpropFilter', 'cpu')).toBe(true);
  });
});
