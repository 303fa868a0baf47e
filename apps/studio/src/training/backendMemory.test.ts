import { zTrainingSpec } from '@unet-studio/compiler';
import { describe, expect, it } from 'vitest';
import type { ProbeReport } from './backendChoice';
import {
  BACKEND_KEY,
  PROBE_KEY,
  PROBES_KEPT,
  forgetProbe,
  probeSignature,
  readBackendChoice,
  readProbe,
  writeBackendChoice,
  writeProbe,
  type StorageLike,
} from './backendMemory';
import { defaultSettings } from './settings';

function memoryStorage(): StorageLike & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

const settings = defaultSettings(
  { size: [64, 64], channels: 3, classes: 1 },
  zTrainingSpec.parse({}),
);
const report: ProbeReport = {
  results: [
    { backend: 'wasm', label: 'wasm, 2 threads', secondsPerStep: 0.12, software: false, note: '' },
    { backend: 'webgl', label: 'webgl (software)', secondsPerStep: 9.8, software: true, note: '' },
  ],
  chosen: 'wasm',
  batch: 2,
};

describe('the remembered backend choice', () => {
  it('keeps an explicit choice until the user goes back to Auto', () => {
    const storage = memoryStorage();
    expect(readBackendChoice(storage)).toBeNull();
    writeBackendChoice(storage, 'webgl');
    expect(readBackendChoice(storage)).toBe('webgl');
    writeBackendChoice(storage, 'auto');
    expect(readBackendChoice(storage)).toBeNull();
    expect(storage.map.has(BACKEND_KEY)).toBe(false);
  });

  it('ignores an unknown stored value and a storage that throws', () => {
    const storage = memoryStorage();
    storage.setItem(BACKEND_KEY, 'quantum');
    expect(readBackendChoice(storage)).toBeNull();
    const refusing: StorageLike = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => undefined,
    };
    expect(readBackendChoice(refusing)).toBeNull();
    expect(() => writeBackendChoice(refusing, 'wasm')).not.toThrow();
  });
});

describe('the remembered probe', () => {
  it('is found again for the same model and run size, not for another', () => {
    const storage = memoryStorage();
    const model = { nodes: [{ id: 'a' }] };
    const signature = probeSignature(model, settings);
    const timed = { ...report, runBatch: { batch: 8, secondsPerStep: 0.23 } };
    writeProbe(storage, signature, timed);
    expect(readProbe(storage, probeSignature({ nodes: [{ id: 'a' }] }, settings))).toEqual(timed);
    expect(readProbe(storage, probeSignature(model, { ...settings, size: [32, 32] }))).toBeNull();
    expect(readProbe(storage, probeSignature({ nodes: [] }, settings))).toBeNull();
    forgetProbe(storage, signature);
    expect(readProbe(storage, signature)).toBeNull();
  });

  it(`keeps the ${PROBES_KEPT} most recent models`, () => {
    const storage = memoryStorage();
    for (let i = 0; i < PROBES_KEPT + 2; i++) writeProbe(storage, `sig${i}`, report);
    expect(readProbe(storage, 'sig0')).toBeNull();
    expect(readProbe(storage, `sig${PROBES_KEPT + 1}`)).toEqual(report);
  });

  it('ignores a stored value that is not a probe', () => {
    const storage = memoryStorage();
    storage.setItem(PROBE_KEY, '{"not":"a list"');
    expect(readProbe(storage, 'x')).toBeNull();
    storage.setItem(
      PROBE_KEY,
      JSON.stringify([{ signature: 'x', report: { ...report, batch: -1 } }]),
    );
    expect(readProbe(storage, 'x')).toBeNull();
  });
});
