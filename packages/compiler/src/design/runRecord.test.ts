import { describe, expect, it } from 'vitest';
import { parseDesign } from './parseDesign';
import { serializeDesign } from './serializeDesign';

const withRuns = (runs: unknown[]) => ({
  format: 'unet-studio/design',
  version: 1,
  model: { nodes: [{ id: 'in', kind: 'input' }], edges: [] },
  runs,
});

const run = {
  id: 'run-1',
  startedAt: '2026-12-05T00:00:00.000Z',
  backend: 'wasm',
  epochs: [
    { epoch: 1, loss: 0.5, dice: 0.4, iou: 0.3, valLoss: null, valDice: null, valIoU: null },
  ],
  settings: { epochs: 2 },
};

describe('run records', () => {
  it('reads a record written before runs had names and pins', () => {
    const r = parseDesign(withRuns([run]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.runs[0]?.name).toBeUndefined();
    expect(r.value.runs[0]?.pinned).toBeUndefined();
    expect(serializeDesign(r.value)).not.toMatch(/"pinned"|"name": "run/);
  });

  it('keeps a run’s name and pin through a save', () => {
    const r = parseDesign(withRuns([{ ...run, name: 'Baseline', pinned: true }]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const again = parseDesign(serializeDesign(r.value));
    expect(again.ok && again.value.runs[0]).toMatchObject({ name: 'Baseline', pinned: true });
  });

  it('refuses a name over 120 characters and a pin that is not a boolean', () => {
    const long = parseDesign(withRuns([{ ...run, name: 'x'.repeat(121) }]));
    expect(!long.ok && long.issues[0]?.path).toBe('runs[0].name');
    const pin = parseDesign(withRuns([{ ...run, pinned: 'yes' }]));
    expect(!pin.ok && pin.issues[0]?.path).toBe('runs[0].pinned');
  });
});
