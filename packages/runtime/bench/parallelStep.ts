/**
 * Data-parallel training step for `pnpm bench:train --workers N`: N worker threads, each with
 * its own wasm backend and replica of the `small` model, each computing gradients on
 * batch / N images; the coordinator averages the gradients and every replica applies the same
 * average with its own Adam, so the replicas stay identical. BatchNorm normalises per shard (as
 * PyTorch's DistributedDataParallel without SyncBatchNorm).
 */
import { Worker } from 'node:worker_threads';
import { averageGradients } from '../src/parallel/averageGradients';
import { median, type StepTiming } from './stepTimer';

interface GradsReply {
  readonly loss: number;
  readonly grads: Float32Array[];
}

function reply<T>(worker: Worker): Promise<T> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    worker.once('error', onError);
    worker.once('message', (value: T) => {
      worker.off('error', onError);
      resolve(value);
    });
  });
}

function request<T>(worker: Worker, message: unknown): Promise<T> {
  const answer = reply<T>(worker);
  worker.postMessage(message);
  return answer;
}

/**
 * Times `reps` data-parallel steps on `workers` threads after `warmup` steps; with `profile`,
 * adds the per-kernel profile of one replica's gradient computation (forward and backward on
 * its shard, without the Adam update).
 */
export async function timeParallelSteps(
  workers: number,
  batch: number,
  reps: number,
  warmup: number,
  profile: boolean,
): Promise<StepTiming & { params: number }> {
  if (batch % workers !== 0)
    throw new Error(`batch ${batch} does not split over ${workers} workers`);
  // Workers do not inherit tsx's loader in Node 20: each one registers it, then loads the replica.
  const tsx = import.meta.resolve('tsx/esm/api');
  const replica = new URL('./parallelWorker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((api) => api.tsImport(${JSON.stringify(replica)}, ${JSON.stringify(import.meta.url)}));`;
  const pool = Array.from(
    { length: workers },
    (_, shard) => new Worker(boot, { eval: true, workerData: { shard, batch: batch / workers } }),
  );
  try {
    const ready = await Promise.all(pool.map((w) => reply<{ params: number }>(w)));
    const step = async () => {
      const replies = await Promise.all(pool.map((w) => request<GradsReply>(w, { kind: 'grads' })));
      const avg = averageGradients(replies.map((r) => r.grads));
      await Promise.all(
        pool.map((w) => request(w, { kind: 'apply', grads: avg.map((a) => a.slice()) })),
      );
    };
    for (let i = 0; i < warmup; i++) await step();
    const times: number[] = [];
    for (let i = 0; i < reps; i++) {
      const t0 = performance.now();
      await step();
      times.push(performance.now() - t0);
    }
    const kernels = profile ? await request<[string, number][]>(pool[0]!, { kind: 'profile' }) : [];
    return { times, medianMs: median(times), profile: kernels, params: ready[0]!.params };
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
