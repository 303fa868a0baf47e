import { findTemplate, withInputSize, type Design } from '@unet-studio/compiler';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDesignStore } from '../../state/designStore';
import { defaultSettings, type TrainSettings } from '../settings';
import { createTrainingStore } from '../trainingStore';
import { runOf } from '../trainingState';
import type { ServerEpoch } from './serverApi';
import { createServerTraining } from './serverRun';

/** The server's side of the HTTP boundary: requests recorded, event streams driven by the test. */
class FakeEventSource {
  static opened: FakeEventSource[] = [];
  closed = false;
  private readonly listeners = new Map<string, ((m: MessageEvent<unknown>) => void)[]>();
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  addEventListener(type: string, listener: (m: MessageEvent<unknown>) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  emit(type: string, data: unknown): void {
    for (const l of this.listeners.get(type) ?? [])
      l({ data: JSON.stringify(data) } as MessageEvent<unknown>);
  }
  close(): void {
    this.closed = true;
  }
}

interface Request {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
}

const connection = { origin: 'http://127.0.0.1:8765', token: 't' };
const settled = () => new Promise((r) => setTimeout(r, 0));

function epoch(n: number): ServerEpoch {
  return { epoch: n, loss: 1 / n, dice: 0.5, iou: 0.4 };
}

describe('createServerTraining', () => {
  let requests: Request[];

  beforeEach(() => {
    requests = [];
    FakeEventSource.opened = [];
    vi.stubGlobal('EventSource', FakeEventSource);
    vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
      const path = url.replace(`${connection.origin}/api`, '');
      const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : null;
      requests.push({ method: init.method ?? 'GET', path, body });
      const run = { id: '20261205-010000-abcdef', name: 'tiny', status: 'queued', epochsDone: 0 };
      return Promise.resolve(new Response(JSON.stringify(run), { status: 201 }));
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  function setup(design: Design, size: readonly number[]) {
    const store = createTrainingStore();
    const designs = createDesignStore(design);
    const training = createServerTraining(store, designs, () => connection);
    const settings: TrainSettings = {
      ...defaultSettings(null, design.training),
      size,
      epochs: 2,
      samples: 8,
    };
    return { store, designs, training, settings };
  }

  it('sends the studio training size with a run of an open-size design, and none otherwise', async () => {
    const tiny = findTemplate('tiny')!.build();
    const open = setup(withInputSize(tiny, [null, null]), [48, 64]);
    open.training.start(open.designs.getState().design, open.settings, null, 'server');
    await settled();
    const fixed = setup(tiny, [48, 64]);
    fixed.training.start(fixed.designs.getState().design, fixed.settings, null, 'server');
    await settled();
    const runs = requests.filter((r) => r.path === '/runs');
    expect(runs.map((r) => (r.body as { settings: { size?: number[] } }).settings.size)).toEqual([
      [48, 64],
      undefined,
    ]);
  });

  it('resumes a stopped run: the same run in the store, the replayed and new epochs in its curves', async () => {
    const { store, designs, training, settings } = setup(findTemplate('tiny')!.build(), [32, 32]);
    training.start(designs.getState().design, settings, null, 'server');
    await settled();
    const first = FakeEventSource.opened[0]!;
    first.emit('epoch', { record: epoch(1) });
    first.emit('status', { run: { status: 'stopped', epochsDone: 1 } });
    await settled();
    const stopped = store.getState().training;
    expect(stopped.phase === 'finished' && stopped.status).toBe('stopped');
    const runId = runOf(stopped)!.id;

    training.resume(3, 'server');
    await settled();
    expect(requests.at(-1)).toEqual({
      method: 'POST',
      path: '/runs/20261205-010000-abcdef/resume',
      body: { epochs: 3 },
    });
    expect(first.closed).toBe(true);
    const second = FakeEventSource.opened[1]!;
    expect(second.url).toContain('/runs/20261205-010000-abcdef/events');
    for (const n of [1, 2, 3]) second.emit('epoch', { record: epoch(n) });
    second.emit('status', { run: { status: 'completed', epochsDone: 3 } });
    await settled();
    const done = store.getState().training;
    expect(done.phase === 'finished' && done.status).toBe('completed');
    expect(runOf(done)?.id).toBe(runId);
    expect(runOf(done)?.settings.epochs).toBe(3);
    expect(runOf(done)?.epochs.map((e) => e.epoch)).toEqual([1, 2, 3]);
    // One record for the run, replaced by its resumed self.
    expect(designs.getState().design.runs.map((r) => [r.id, r.epochs.length])).toEqual([
      [runId, 3],
    ]);
  });
});
