import { describe, expect, it } from 'vitest';
import { createGate } from './gate';

describe('gate', () => {
  it('lets waiters through while open and holds them while closed', async () => {
    const gate = createGate();
    await gate.wait();
    gate.close();
    let passed = false;
    const waiting = gate.wait().then(() => (passed = true));
    await Promise.resolve();
    expect(passed).toBe(false);
    gate.open();
    await waiting;
    expect(passed).toBe(true);
    expect(gate.closed).toBe(false);
  });
});
