/**
 * Worker threads holding data-parallel replicas of a model (replicaWorker.ts), and the
 * request/reply plumbing to them. Each worker answers requests in order, so replies are matched
 * to requests first in, first out. A worker that throws, exits or answers with an error fails
 * the request with a message naming the worker; `close` terminates every worker.
 */
import { Worker } from 'node:worker_threads';
import type { SegmentationData } from '../data/dataset';
import type { ReplicaReply, ReplicaRequest, ReplicaSetup, ShardGradients } from './protocol';

/** Replica workers, started and ready. */
export interface ReplicaPool {
  /** How many worker threads (the main thread's replica not counted). */
  readonly size: number;
  /**
   * Sends `shards[i]` to worker i (at most `size` shards) and resolves with their gradients. The
   * shards' arrays are transferred, so they are empty here afterwards.
   */
  gradients(shards: readonly SegmentationData[]): Promise<ShardGradients[]>;
  /** Overwrites every worker's weights (`model.weights` order). */
  setWeights(values: readonly Float32Array[]): Promise<void>;
  /** Every worker's weights, in `model.weights` order. */
  readWeights(): Promise<Float32Array[][]>;
  /** Terminates the workers; requests still waiting fail. Safe to call more than once. */
  close(): Promise<void>;
}

/** The replica's first reply, when it is ready. */
export type ReadyReply = Extract<ReplicaReply, { kind: 'ready' }>;

interface Pending {
  readonly resolve: (reply: ReplicaReply) => void;
  readonly reject: (error: Error) => void;
}

/**
 * Code run by each worker: the runtime is TypeScript source, and Node 20 does not pass the main
 * thread's loader on to workers, so each one loads tsx's, then the replica.
 */
function bootCode(): string {
  let tsx: string;
  try {
    tsx = import.meta.resolve('tsx/esm/api');
  } catch (error) {
    throw new Error(
      `training workers load the runtime's TypeScript with tsx, which cannot be found: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const entry = new URL('./replicaWorker.ts', import.meta.url).href;
  return `import(${JSON.stringify(tsx)}).then((api) => api.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}));`;
}

/** One worker and the requests waiting for its replies. */
class Channel {
  private readonly pending: Pending[] = [];
  private failure: Error | null = null;
  readonly worker: Worker;
  /** The first reply: `ready`, or the reason the worker could not start. */
  readonly ready: Promise<ReplicaReply>;

  constructor(setup: ReplicaSetup, boot: string) {
    const name = `training worker ${setup.replica}`;
    this.ready = new Promise((resolve, reject) => this.pending.push({ resolve, reject }));
    this.worker = new Worker(boot, { eval: true, workerData: setup });
    this.worker.on('message', (reply: ReplicaReply) => {
      const waiting = this.pending.shift();
      if (reply.kind === 'error') waiting?.reject(new Error(`${name}: ${reply.message}`));
      else waiting?.resolve(reply);
    });
    // A worker's uncaught exception need not be an Error.
    this.worker.on('error', (error: unknown) =>
      this.fail(
        new Error(`${name} failed: ${error instanceof Error ? error.message : String(error)}`),
      ),
    );
    this.worker.on('exit', (code) =>
      this.fail(new Error(`${name} stopped unexpectedly (exit code ${code})`)),
    );
  }

  /** Rejects what waits now and every later request with `error` (the first failure wins). */
  fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.pending.splice(0)) waiting.reject(this.failure);
  }

  request(message: ReplicaRequest, transfer: ArrayBuffer[] = []): Promise<ReplicaReply> {
    if (this.failure !== null) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.worker.postMessage(message, transfer);
    });
  }
}

/** A reply of the expected kind, or an error naming what came instead. */
function expectKind<K extends ReplicaReply['kind']>(
  reply: ReplicaReply,
  kind: K,
): Extract<ReplicaReply, { kind: K }> {
  if (reply.kind !== kind) throw new Error(`a training worker sent "${reply.kind}", not "${kind}"`);
  return reply as Extract<ReplicaReply, { kind: K }>;
}

/**
 * Starts `count` replica workers from `setup` (replica numbers 1…count) and waits until every
 * one is ready; when one cannot start, all are terminated and the error names it.
 *
 * @returns The pool and each worker's `ready` reply.
 */
export async function startReplicas(
  count: number,
  setup: Omit<ReplicaSetup, 'replica'>,
): Promise<{ pool: ReplicaPool; ready: ReadyReply[] }> {
  const boot = bootCode();
  const channels = Array.from(
    { length: count },
    (_, i) => new Channel({ ...setup, replica: i + 1 }, boot),
  );
  let closed: Promise<void> | null = null;
  const close = () => {
    closed ??= (async () => {
      for (const c of channels) c.fail(new Error('the training workers were closed'));
      await Promise.all(channels.map((c) => c.worker.terminate()));
    })();
    return closed;
  };
  // Every reply is awaited together; once one fails, the others' failures are not news.
  const all = async <K extends ReplicaReply['kind']>(
    requests: Promise<ReplicaReply>[],
    kind: K,
  ) => {
    for (const r of requests) r.catch(() => undefined);
    return (await Promise.all(requests)).map((reply) => expectKind(reply, kind));
  };
  try {
    const ready = await all(
      channels.map((c) => c.ready),
      'ready',
    );
    const pool: ReplicaPool = {
      size: count,
      async gradients(shards) {
        if (shards.length > count)
          throw new Error(`${shards.length} shards for ${count} training workers`);
        const requests = shards.map((shard, i) => {
          const buffers = [shard.x, shard.y, shard.weights].flatMap((a) =>
            a === undefined ? [] : [a.buffer as ArrayBuffer],
          );
          return channels[i]!.request({ kind: 'gradients', shard }, buffers);
        });
        return all(requests, 'gradients');
      },
      async setWeights(values) {
        await all(
          channels.map((c) => c.request({ kind: 'setWeights', values })),
          'done',
        );
      },
      async readWeights() {
        const replies = await all(
          channels.map((c) => c.request({ kind: 'readWeights' })),
          'weights',
        );
        return replies.map((r) => [...r.values]);
      },
      close,
    };
    return { pool, ready };
  } catch (error) {
    await close();
    throw error;
  }
}
