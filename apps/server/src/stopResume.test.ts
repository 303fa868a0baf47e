/**
 * Stop, resume, and a server restart in the middle of a run: the run folder is the truth, the
 * last checkpoint is kept, an interrupted run is listed as such and resumes where it stopped.
 */
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  finished,
  newHome,
  readEvents,
  removeHome,
  start,
  statusOf,
  tinyDesign,
  torch,
} from '../test/harness';
import type { RunRecord } from './runRecord';
import type { RunningServer } from './server';

const skip = !torch().ok;
let home: string;
let server: RunningServer;

beforeAll(async () => {
  home = newHome();
  if (!skip) server = await start(home);
});

afterAll(async () => {
  await server?.close();
  removeHome(home);
});

/** Starts a long run and waits for its first finished epoch. */
async function longRun(): Promise<RunRecord> {
  const created = await api<RunRecord>(server, 'POST', '/runs', {
    design: tinyDesign(),
    data: { kind: 'synthetic', samples: 8 },
    settings: { epochs: 200, valFraction: 0 },
  });
  expect(created.status).toBe(201);
  await readEvents(server, created.body.id, (e) => e.event === 'epoch');
  return created.body;
}

function epochsIn(dir: string): number[] {
  return readFileSync(join(dir, 'metrics.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => (JSON.parse(l) as { epoch: number }).epoch);
}

describe.skipIf(skip)('stop, resume, restart', () => {
  it('stops the whole process group, keeps the last checkpoint and resumes after it', async () => {
    const run = await longRun();
    const stopped = await api<RunRecord>(server, 'POST', `/runs/${run.id}/stop`);
    expect(stopped.status).toBe(200);
    const events = await readEvents(server, run.id, finished);
    expect(statusOf(events.at(-1) ?? events[0]!)).toBe('stopped');
    const dir = server.manager.dir(run.id);
    expect(existsSync(join(dir, 'checkpoints', 'last.pt'))).toBe(true);
    const done = server.manager.get(run.id)?.epochsDone ?? 0;
    expect(done).toBeGreaterThan(0);
    // Nothing of the run is left running: no process names its folder, and it cannot be stopped again.
    const ps = spawnSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).stdout;
    expect(ps.split('\n').filter((l) => l.includes(dir))).toEqual([]);
    expect((await api(server, 'POST', `/runs/${run.id}/stop`)).status).toBe(409);

    const resumed = await api<RunRecord>(server, 'POST', `/runs/${run.id}/resume`, {
      epochs: done + 1,
    });
    expect(resumed.status).toBe(200);
    const after = await readEvents(
      server,
      run.id,
      (e) => statusOf(e) === 'completed' || statusOf(e) === 'failed',
    );
    expect(statusOf(after.at(-1)!)).toBe('completed');
    // The resumed process started from the checkpoint: its only epoch is the next one.
    const batches = after
      .filter((e) => e.event === 'batch')
      .map((e) => (e.data.progress as { epoch: number }).epoch);
    expect(new Set(batches)).toEqual(new Set([done + 1]));
    expect(epochsIn(dir).at(-1)).toBe(done + 1);
  });

  it('lists a run that was going when the server stopped as interrupted, and resumes it', async () => {
    const run = await longRun();
    await server.close();
    server = await start(home);
    const listed = await api<RunRecord[]>(server, 'GET', '/runs');
    const again = listed.body.find((r) => r.id === run.id);
    expect(again).toMatchObject({ status: 'interrupted', name: 'Tiny U-Net' });
    const done = again?.epochsDone ?? 0;
    expect(done).toBeGreaterThan(0);
    const detail = await api<{ epochs: { epoch: number }[] }>(server, 'GET', `/runs/${run.id}`);
    expect(detail.body.epochs.map((e) => e.epoch)).toEqual(
      Array.from({ length: done }, (_, i) => i + 1),
    );

    expect((await api(server, 'POST', `/runs/${run.id}/resume`, { epochs: done + 1 })).status).toBe(
      200,
    );
    const after = await readEvents(
      server,
      run.id,
      (e) => statusOf(e) === 'completed' || statusOf(e) === 'failed',
    );
    expect(statusOf(after.at(-1)!)).toBe('completed');
    expect(server.manager.get(run.id)?.epochsDone).toBe(done + 1);
  });

  it('ends the training a killed server left running before listing its run as interrupted', async () => {
    const bin = fileURLToPath(new URL('../bin/unet-studio-server.js', import.meta.url));
    const crashHome = newHome();
    const found = torch();
    // Its own process group, so SIGKILL reaches the server behind the bin's wrapper too.
    const child = spawn(
      process.execPath,
      [bin, '--port', '0', '--home', crashHome, '--token', 'crash-test-token'],
      {
        env: { ...process.env, UNET_STUDIO_PYTHON: found.ok ? found.value.python : '' },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      },
    );
    const killServer = () => {
      try {
        process.kill(-(child.pid ?? 0), 'SIGKILL');
      } catch {
        // Gone already.
      }
    };
    try {
      const origin = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const url = /(http:\/\/127\.0\.0\.1:\d+)\/\?token=/.exec(out)?.[1];
          if (url) resolve(url);
        });
        child.on('exit', () => reject(new Error(`the server exited:\n${out}`)));
      });
      const crashed = { origin, token: 'crash-test-token' } as RunningServer;
      const created = await api<RunRecord>(crashed, 'POST', '/runs', {
        design: tinyDesign(),
        data: { kind: 'synthetic', samples: 8 },
        settings: { epochs: 200, valFraction: 0 },
      });
      await readEvents(crashed, created.body.id, (e) => e.event === 'epoch');
      const exited = new Promise((r) => child.once('exit', r));
      killServer();
      await exited;
      const runDir = join(crashHome, 'runs', created.body.id);
      const going = () =>
        spawnSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
          .stdout.split('\n')
          .filter((l) => l.includes(runDir));
      // torchrun has its own process group: it outlived the server.
      expect(going().length).toBeGreaterThan(0);

      const restarted = await start(crashHome);
      try {
        expect(restarted.manager.get(created.body.id)).toMatchObject({
          status: 'interrupted',
          pid: null,
        });
        expect(going()).toEqual([]);
      } finally {
        await restarted.close();
      }
    } finally {
      killServer();
      removeHome(crashHome);
    }
  });
});
