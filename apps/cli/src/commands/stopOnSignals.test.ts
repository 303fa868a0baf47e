import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/harness';
import { REPO_ROOT, spawnCli, type ChildRun } from '../../test/spawnCli';

/** A run long enough to be interrupted after its first epoch. */
const LONG_RUN = ['--epochs', '1000', '--samples', '16', '--batch', '4', '--size', '16'];

/** Starts a training run and sends `signal` to `target` once the first epoch line appears. */
function interruptAfterFirstEpoch(
  command: readonly string[],
  out: string,
  signal: NodeJS.Signals,
  target: 'group' | 'process',
): Promise<ChildRun> {
  let sent = false;
  return spawnCli(['train', 'template:tiny', ...LONG_RUN, '-o', out], {
    cwd: REPO_ROOT,
    timeoutMs: 90_000,
    command,
    onOutput: (printed, pid) => {
      if (sent || !/epoch 1\/1000 {2}loss/.test(printed)) return;
      sent = true;
      process.kill(target === 'group' ? -pid : pid, signal);
    },
  });
}

describe('unet-studio train on SIGINT/SIGTERM', () => {
  it('saves the weights and says "stopped" when Ctrl-C reaches the process group of `pnpm unet-studio`', async () => {
    const out = join(tempDir(), 'run');
    const run = await interruptAfterFirstEpoch(['pnpm', 'unet-studio'], out, 'SIGINT', 'group');
    expect(run.timedOut).toBe(false);
    expect(run.stderr).toContain(
      `SIGINT: stopping after this batch, then saving the weights to ${out}`,
    );
    expect(run.stderr).not.toContain('again');
    expect(run.stdout).toContain(`saved the weights of the last finished batch to ${out}`);
    expect(run.stdout).toMatch(/^stopped \(interrupted\) after \d+ epoch\(s\) in .* on wasm/m);
    expect(existsSync(join(out, 'model.json'))).toBe(true);
    expect(existsSync(join(out, 'weights.bin'))).toBe(true);
  }, 120_000);

  it('saves the weights when SIGTERM reaches only the unet-studio process, and exits 143', async () => {
    const out = join(tempDir(), 'run');
    const run = await interruptAfterFirstEpoch(
      [process.execPath, join(REPO_ROOT, 'apps/cli/bin/unet-studio.js')],
      out,
      'SIGTERM',
      'process',
    );
    expect(run.timedOut).toBe(false);
    expect(run.code).toBe(143);
    expect(run.stdout).toMatch(/^stopped \(terminated\) after \d+ epoch\(s\)/m);
    expect(existsSync(join(out, 'weights.bin'))).toBe(true);
  }, 120_000);
});
