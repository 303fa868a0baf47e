import { compile, findTemplate } from '@unet-studio/compiler';
import { describe, expect, it } from 'vitest';
import { estimateDevice, estimateStep } from './estimate';

const totals = (size: number, batch: number) =>
  compile(findTemplate('small')!.build(), { inputSize: [size, size], batch }).totals;

describe('estimateStep', () => {
  it('puts the small template at 64×64 batch 8 near the measured wasm step', () => {
    const e = estimateStep(totals(64, 8), 'wasm', 10);
    expect(e.secondsPerStep).toBeGreaterThan(0.5);
    expect(e.secondsPerStep).toBeLessThan(5);
    expect(e.runSeconds).toBeCloseTo(e.secondsPerStep * 10);
    expect(e.warning).toBeNull();
  });

  it('is slower on software WebGL than on a GPU and grows with the batch', () => {
    const t = totals(64, 8);
    expect(estimateStep(t, 'webgl-software', 1).secondsPerStep).toBeGreaterThan(
      estimateStep(t, 'webgl', 1).secondsPerStep,
    );
    expect(estimateStep(totals(64, 16), 'wasm', 1).memoryBytes).toBeGreaterThan(
      estimateStep(t, 'wasm', 1).memoryBytes,
    );
  });

  it('warns when the run will not fit in a browser tab', () => {
    const e = estimateStep(totals(512, 64), 'webgl', 1);
    expect(e.warning).toMatch(/MB.*lower the batch or the size/);
  });

  it('tells software WebGL apart', () => {
    expect(estimateDevice('webgl', true)).toBe('webgl-software');
    expect(estimateDevice('webgl', false)).toBe('webgl');
    // WebGPU is estimated as a GPU, and as software rendering on SwiftShader's adapter.
    expect(estimateDevice('webgpu', false)).toBe('webgl');
    expect(estimateDevice('webgpu', true)).toBe('webgl-software');
    expect(estimateDevice('wasm', true)).toBe('wasm');
    expect(estimateDevice('cpu', false)).toBe('cpu');
  });
});
