import { describe, expect, it } from 'vitest';
import type { ProbeReport } from './backendChoice';
import { autoDevice, estimateBasis, measuredStep } from './measuredEstimate';

const report: ProbeReport = {
  results: [
    { backend: 'wasm', label: 'wasm, 2 threads', secondsPerStep: 0.26, software: false, note: '' },
    {
      backend: 'webgl',
      label: 'webgl (software)',
      secondsPerStep: null,
      software: true,
      note: 'warm-up 21 s, over the 10 s cap',
    },
  ],
  chosen: 'wasm',
  batch: 2,
};

describe('the measured estimate', () => {
  it("takes Auto's pick, or the chosen backend's own figure when it was timed", () => {
    expect(measuredStep(report, 'auto')).toMatchObject({ backend: 'wasm', secondsPerStep: 0.26 });
    expect(measuredStep(report, 'webgl')).toBeNull();
    expect(measuredStep(report, 'cpu')).toBeNull();
  });

  it("prefers the chosen backend's time at the run's batch, which scales best", () => {
    const timed = { ...report, runBatch: { batch: 8, secondsPerStep: 0.23 } };
    expect(measuredStep(timed, 'auto')).toMatchObject({ batch: 8, secondsPerStep: 0.23 });
    expect(measuredStep(timed, 'wasm')).toMatchObject({ batch: 8, secondsPerStep: 0.23 });
  });

  it('says whether the figure is measured or a guess', () => {
    expect(estimateBasis('auto', measuredStep(report, 'auto'), false)).toBe(
      'wasm, 2 threads (measured: 0.26 s/step at batch 2)',
    );
    expect(estimateBasis('auto', null, false)).toMatch(/a guess until the backends are measured/);
    expect(estimateBasis('webgl', null, true)).toBe(
      "webgl (software WebGL, a guess from the model's size)",
    );
  });

  it('guesses that Auto picks a hardware GPU, else wasm', () => {
    const gpu = { name: 'webgl', summary: 'webgl', software: false, notes: [] };
    expect(autoDevice(gpu)).toBe('webgl');
    expect(autoDevice({ ...gpu, software: true })).toBe('wasm');
    expect(autoDevice(null)).toBe('wasm');
  });
});
