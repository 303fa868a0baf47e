/**
 * Training through the API on the CPU (gloo): the tiny template on synthetic data with one and
 * two torchrun processes, the streamed events, the run folder and the package download.
 * Skipped, with the reason printed, when no Python imports torch.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { compile, withInputSize } from '@unet-studio/compiler';
import {
  buildModel,
  initBackend,
  loadStateDictIntoModel,
  readStateBundle,
} from '@unet-studio/runtime';
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
import type { BatchEvent, EpochLine } from './runEvents';
import type { RunRecord } from './runRecord';
import type { RunningServer } from './server';

const skip = !torch().ok;
let home: string;
let server: RunningServer;

beforeAll(async () => {
  home = newHome();
  mkdirSync(join(home, 'data'));
  if (!skip) server = await start(home, { dataRoot: join(home, 'data') });
});

afterAll(async () => {
  await server?.close();
  removeHome(home);
});

async function train(processes: number, epochs: number) {
  const created = await api<RunRecord>(server, 'POST', '/runs', {
    design: tinyDesign(),
    data: { kind: 'synthetic', samples: 12 },
    settings: { epochs, processes, valFraction: 0.25 },
  });
  expect(created.status).toBe(201);
  const events = await readEvents(server, created.body.id, finished);
  return { run: created.body, events };
}

describe.skipIf(skip)('training through the API (CPU, gloo)', () => {
  it('trains on one process and streams progress, epoch metrics and previews', async () => {
    const { run, events } = await train(1, 2);
    const statuses = events.map(statusOf).filter(Boolean);
    expect(statuses).toContain('running');
    expect(statuses.at(-1)).toBe('completed');
    const batches = events
      .filter((e) => e.event === 'batch')
      .map((e) => e.data.progress as BatchEvent);
    // 9 training samples at batch size 4: 3 batches an epoch.
    expect(batches.map((b) => `${b.epoch}.${b.batch}/${b.batches}`)).toEqual([
      '1.1/3',
      '1.2/3',
      '1.3/3',
      '2.1/3',
      '2.2/3',
      '2.3/3',
    ]);
    expect(
      batches.every((b) => b.imagesPerSecond > 0 && b.etaSeconds >= 0 && Number.isFinite(b.loss)),
    ).toBe(true);
    const epochs = events.filter((e) => e.event === 'epoch').map((e) => e.data.record as EpochLine);
    expect(epochs.map((r) => r.epoch)).toEqual([1, 2]);
    expect(
      epochs.every(
        (r) =>
          r.dice >= 0 && r.dice <= 1 && r.valDice !== undefined && (r.imagesPerSecond ?? 0) > 0,
      ),
    ).toBe(true);
    const previews = events
      .filter((e) => e.event === 'preview')
      .map(
        (e) => e.data.preview as { epoch: number; samples: { width: number; mask: number[] }[] },
      );
    expect(previews.map((p) => p.epoch)).toEqual([1, 2]);
    expect(previews[0]?.samples).toHaveLength(3);
    expect(previews[0]?.samples[0]?.mask).toHaveLength(32 * 32);

    const dir = server.manager.dir(run.id);
    for (const file of [
      'run.json',
      'design.json',
      'package/model.py',
      'package/train.py',
      'metrics.jsonl',
      'checkpoints/last.pt',
      'previews/epoch-0002.json',
      'train.log',
    ]) {
      expect(existsSync(join(dir, file)), file).toBe(true);
    }
    expect(JSON.parse(readFileSync(join(dir, 'design.json'), 'utf8'))).toMatchObject({
      name: 'Tiny U-Net',
    });
    expect(readFileSync(join(dir, 'metrics.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2);
    const listed = await api<RunRecord[]>(server, 'GET', '/runs');
    expect(listed.body.find((r) => r.id === run.id)).toMatchObject({
      status: 'completed',
      epochsDone: 2,
    });

    const zip = await fetch(`${server.origin}/api/runs/${run.id}/package?token=${server.token}`);
    expect(zip.headers.get('content-disposition')).toContain('Tiny-U-Net-pytorch.zip');
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual([
      'README.md',
      'design.json',
      'model.py',
      'predict.py',
      'train.py',
      'weights.pt',
    ]);

    // The trained weights come back as the studio's own model.
    const bundle = await fetch(`${server.origin}/api/runs/${run.id}/weights?token=${server.token}`);
    expect(bundle.status).toBe(200);
    const state = readStateBundle(new Uint8Array(await bundle.arrayBuffer()));
    if (!state.ok) throw new Error(state.message);
    await initBackend('cpu');
    const compiled = compile(tinyDesign());
    const model = buildModel(compiled, { seed: 1 });
    const before = Array.from(model.weights[0]?.read().dataSync() ?? []);
    expect(loadStateDictIntoModel(model, compiled, state.value)).toMatchObject({ ok: true });
    expect(Array.from(model.weights[0]?.read().dataSync() ?? [])).not.toEqual(before);
    model.dispose();
  });

  it('trains on two gloo processes under torchrun', async () => {
    const { run, events } = await train(2, 1);
    expect(events.map(statusOf).filter(Boolean).at(-1)).toBe('completed');
    const log = readFileSync(join(server.manager.dir(run.id), 'train.log'), 'utf8');
    expect(log).toContain('training on 2 process(es), cpu');
    // Each process takes half of the 9 training samples (padded to 10): 2 batches of up to 4.
    const batches = events
      .filter((e) => e.event === 'batch')
      .map((e) => e.data.progress as Record<string, number>);
    expect(batches.map((b) => b.batches)).toEqual([2, 2]);
    expect(events.filter((e) => e.event === 'epoch')).toHaveLength(1);
    expect(run.settings.processes).toBe(2);
  });

  it('trains a design with an open input size at the size the request gives', async () => {
    const open = withInputSize(tinyDesign(), [null, null]);
    const created = await api<RunRecord>(server, 'POST', '/runs', {
      design: open,
      data: { kind: 'synthetic', samples: 8 },
      settings: { epochs: 1, processes: 1, size: [24, 40] },
    });
    expect(created.status).toBe(201);
    expect(created.body.settings.size).toEqual([24, 40]);
    const events = await readEvents(server, created.body.id, finished);
    expect(events.map(statusOf).filter(Boolean).at(-1)).toBe('completed');
    const preview = events.find((e) => e.event === 'preview')?.data.preview as {
      samples: { width: number; height: number; mask: number[] }[];
    };
    expect(preview.samples[0]?.width).toBe(40);
    expect(preview.samples[0]?.height).toBe(24);
    expect(preview.samples[0]?.mask).toHaveLength(24 * 40);

    const wrongAxes = await api<{ errors: string[] }>(server, 'POST', '/runs', {
      design: open,
      data: { kind: 'synthetic', samples: 8 },
      settings: { size: [24] },
    });
    expect(wrongAxes.status).toBe(400);
    expect(wrongAxes.body.errors[0]).toMatch(/2 spatial axes, the size gives 1/);
    const tooSmall = await api<{ errors: string[] }>(server, 'POST', '/runs', {
      design: open,
      data: { kind: 'synthetic', samples: 8 },
      settings: { size: [3, 3] },
    });
    expect(tooSmall.status).toBe(400);
    expect(tooSmall.body.errors[0]).toMatch(/^settings\.size 3×3: /);
  });

  it('refuses a data folder outside the data root, and a design that does not compile', async () => {
    const outside = await api<{ errors: string[] }>(server, 'POST', '/runs', {
      design: tinyDesign(),
      data: { kind: 'folder', path: '../../etc' },
    });
    expect(outside).toEqual({
      status: 400,
      body: { errors: ['../../etc is outside the data root'] },
    });
    const broken = await api<{ errors: string[] }>(server, 'POST', '/runs', {
      design: { ...tinyDesign(), model: { nodes: [], edges: [] } },
      data: { kind: 'synthetic', samples: 8 },
    });
    expect(broken.status).toBe(400);
    expect(broken.body.errors.length).toBeGreaterThan(0);
  });
});
