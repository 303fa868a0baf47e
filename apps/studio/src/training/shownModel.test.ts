import { describe, expect, it } from 'vitest';
import type { LoadedRun } from './runPersistence';
import { answerLoad, modelStateOf, shownRunId } from './shownModel';

const load = (runId: string, status: LoadedRun['status'] = 'loading'): LoadedRun => ({
  runId,
  status,
  problem: null,
  fingerprint: 'f',
});

describe('the model shown is the one the worker loaded last', () => {
  it('names the last load sent; an earlier load answered later changes nothing', () => {
    // The server run's model is sent, then the user opens a stored browser run.
    let loaded: LoadedRun | null = load('server-run');
    loaded = load('browser-run');
    loaded = answerLoad(loaded, 'server-run', null);
    expect(loaded).toMatchObject({ runId: 'browser-run', status: 'loading' });
    expect(modelStateOf('server-run', loaded)).toBe('other');
    loaded = answerLoad(loaded, 'browser-run', null);
    expect(modelStateOf('browser-run', loaded)).toBe('ready');
    expect(modelStateOf('server-run', loaded)).toBe('other');
    expect(shownRunId(null, loaded)).toBe('browser-run');
  });

  it('shows the live run while one trains, and no run when the load failed', () => {
    expect(shownRunId('run-live', load('old', 'ready'))).toBe('run-live');
    const failed = answerLoad(load('a'), 'a', 'bad topology');
    expect(failed).toMatchObject({ status: 'failed', problem: 'bad topology' });
    expect(shownRunId(null, failed)).toBeNull();
    expect(modelStateOf('a', failed)).toBe('failed');
    expect(shownRunId(null, null)).toBeNull();
  });
});
