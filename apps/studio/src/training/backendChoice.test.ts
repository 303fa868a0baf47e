import { describe, expect, it } from 'vitest';
import {
  chooseBackend,
  probeOrder,
  probeText,
  resultText,
  stepCap,
  STEP_CAP_SECONDS,
  type ProbeResult,
} from './backendChoice';

const wasm: ProbeResult = {
  backend: 'wasm',
  label: 'wasm, 2 threads',
  secondsPerStep: 0.12,
  software: false,
  note: '',
};
const softwareWebgl: ProbeResult = {
  backend: 'webgl',
  label: 'webgl (software)',
  secondsPerStep: 9.8,
  software: true,
  note: '',
};

describe('chooseBackend', () => {
  it('picks the fastest measured backend', () => {
    const gpu = { ...softwareWebgl, label: 'webgl', software: false, secondsPerStep: 0.03 };
    expect(chooseBackend([wasm, gpu])).toBe('webgl');
    expect(chooseBackend([wasm, { ...gpu, secondsPerStep: 0.5 }])).toBe('wasm');
  });

  it('never picks software WebGL when another backend is faster', () => {
    expect(chooseBackend([softwareWebgl, wasm])).toBe('wasm');
    expect(chooseBackend([{ ...softwareWebgl, secondsPerStep: 0.12 }, wasm])).toBe('wasm');
  });

  it('passes over backends given up untimed, and finds none when nothing was timed', () => {
    const untimed = {
      ...softwareWebgl,
      secondsPerStep: null,
      note: 'warm-up 21 s, over the 10 s cap',
    };
    expect(chooseBackend([untimed, { ...wasm, secondsPerStep: 3 }])).toBe('wasm');
    expect(chooseBackend([untimed])).toBeNull();
    expect(chooseBackend([])).toBeNull();
  });
});

describe('the probe limits', () => {
  it('caps a step at the absolute cap first, then at five times the best so far', () => {
    expect(stepCap(null)).toBe(STEP_CAP_SECONDS);
    expect(stepCap(0.1)).toBeCloseTo(0.5);
    expect(stepCap(2)).toBe(STEP_CAP_SECONDS);
  });

  it('measures WebGPU only with an adapter, and wasm before WebGL', () => {
    expect(probeOrder(false)).toEqual(['wasm', 'webgl']);
    expect(probeOrder(true)).toEqual(['webgpu', 'wasm', 'webgl']);
  });
});

describe('probeText', () => {
  it('lists each figure and the choice', () => {
    const text = probeText({ results: [wasm, softwareWebgl], chosen: 'wasm', batch: 2 });
    expect(text).toBe('wasm, 2 threads: 0.12 s/step; webgl (software): 9.8 s/step — chose wasm');
  });

  it('shows a backend given up by its note, and a capped one with its figure', () => {
    const untimed = {
      ...softwareWebgl,
      secondsPerStep: null,
      note: 'warm-up 21 s, over the 10 s cap',
    };
    expect(resultText(untimed)).toBe('webgl (software): warm-up 21 s, over the 10 s cap');
    expect(resultText({ ...softwareWebgl, secondsPerStep: 12.4, note: 'over the 4 s cap' })).toBe(
      'webgl (software): 12 s/step (over the 4 s cap)',
    );
  });
});
