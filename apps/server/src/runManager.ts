/**
 * The runs of one server: created from a request, queued (one run at a time on this machine's
 * devices), launched through torchrun, watched, stopped and resumed. Each run is a folder under
 * `runsDir`; listeners receive the run's events as they happen.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { dataArgs } from './runData';
import { parseTrainLine, withEta, type RunEvent } from './runEvents';
import { compileForRun, sizeProblems, writeRunPackage } from './runPackage';
import { startRunProcess, type RunProcess } from './runProcess';
import { loadRuns, writeRunRecord, type RunRecord } from './runRecord';
import { runSettings, type RunRequest } from './runRequest';
import { appendMetrics, lastCheckpoint, readPreview } from './runStore';
import { torchrunArgs, type NodeSpec } from './torchrun';
import type { TorchInfo } from './python';

/** What the manager needs to know about this server. */
export interface RunManagerConfig {
  readonly runsDir: string;
  readonly uploadsDir: string;
  readonly dataRoot: string | null;
  /** The Python with torch, or null with `torchMessage` saying what to install. */
  readonly torch: TorchInfo | null;
  readonly torchMessage: string;
  /** Processes per node on the CPU when a request names none. */
  readonly cpuProcesses: number;
  readonly nodes: NodeSpec | null;
}

/** The outcome of an action on runs: the run, or a message and an HTTP-like status. */
export type RunResult =
  | { readonly ok: true; readonly run: RunRecord }
  | {
      readonly ok: false;
      readonly status: 400 | 404 | 409 | 503;
      readonly errors: readonly string[];
    };

type Listener = (event: RunEvent) => void;

function newRunId(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const day = `${now.getUTCFullYear()}${p(now.getUTCMonth() + 1)}${p(now.getUTCDate())}`;
  const time = `${p(now.getUTCHours())}${p(now.getUTCMinutes())}${p(now.getUTCSeconds())}`;
  return `${day}-${time}-${randomBytes(3).toString('hex')}`;
}

/** Holds the runs; see the module comment. Create with {@link RunManager.open}. */
export class RunManager {
  private readonly runs = new Map<string, RunRecord>();
  private readonly queue: { id: string; resume: boolean }[] = [];
  private readonly listeners = new Map<string, Set<Listener>>();
  private closing = false;
  private active: { id: string; process: RunProcess | null; stopping: boolean } | null = null;

  private constructor(readonly config: RunManagerConfig) {}

  /** Lists the runs on disk (marking those that were going as interrupted). */
  static async open(config: RunManagerConfig): Promise<RunManager> {
    const manager = new RunManager(config);
    for (const run of await loadRuns(config.runsDir)) manager.runs.set(run.id, run);
    return manager;
  }

  /** Every run, newest first. */
  list(): RunRecord[] {
    return [...this.runs.values()].sort((a, b) => b.id.localeCompare(a.id));
  }

  /** One run, or undefined. */
  get(id: string): RunRecord | undefined {
    return this.runs.get(id);
  }

  /** The folder of a run. */
  dir(id: string): string {
    return join(this.config.runsDir, id);
  }

  /** Receives the run's events until the returned function is called. */
  subscribe(id: string, listener: Listener): () => void {
    const set = this.listeners.get(id) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(id, set);
    return () => set.delete(listener);
  }

  /** Compiles the design, writes the run folder and queues the run. */
  async create(request: RunRequest): Promise<RunResult> {
    if (this.config.torch === null) {
      return { ok: false, status: 503, errors: [this.config.torchMessage] };
    }
    const compiled = compileForRun(request.design);
    if (!compiled.ok) return { ok: false, status: 400, errors: compiled.errors };
    const gpus = this.config.torch.cuda ? this.config.torch.gpus.length : 0;
    const settings = runSettings(compiled.design, request, gpus || this.config.cpuProcesses);
    const sizeErrors = settings.size ? sizeProblems(compiled.design, settings.size) : [];
    if (sizeErrors.length > 0) return { ok: false, status: 400, errors: sizeErrors };
    if (gpus > 0 && settings.processes > gpus) {
      return { ok: false, status: 400, errors: [`${settings.processes} processes, ${gpus} GPUs`] };
    }
    const data = await dataArgs(settings.data, this.config.dataRoot, this.config.uploadsDir);
    if (!data.ok) return { ok: false, status: 400, errors: [data.message] };
    const now = new Date();
    const run: RunRecord = {
      version: 1,
      id: newRunId(now),
      name: compiled.design.name,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      status: 'queued',
      settings,
      epochsDone: 0,
      message: null,
      pid: null,
    };
    await writeRunPackage(this.dir(run.id), compiled.compiled);
    await this.save(run);
    this.queue.push({ id: run.id, resume: false });
    this.pump();
    return { ok: true, run };
  }

  /** Stops a run: a queued one leaves the queue; a running one's process group is ended. */
  async stop(id: string): Promise<RunResult> {
    const run = this.runs.get(id);
    if (!run) return { ok: false, status: 404, errors: [`no run ${id}`] };
    const queued = this.queue.findIndex((q) => q.id === id);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      return { ok: true, run: await this.save({ ...run, status: 'stopped', message: null }) };
    }
    if (this.active?.id === id) {
      this.active.stopping = true;
      this.active.process?.stop();
      return { ok: true, run };
    }
    return { ok: false, status: 409, errors: [`run ${id} is ${run.status}, not going`] };
  }

  /** Queues a stopped, failed or interrupted run again, from its last checkpoint when it has one. */
  async resume(id: string, epochs?: number): Promise<RunResult> {
    const run = this.runs.get(id);
    if (!run) return { ok: false, status: 404, errors: [`no run ${id}`] };
    if (this.config.torch === null) {
      return { ok: false, status: 503, errors: [this.config.torchMessage] };
    }
    if (run.status === 'queued' || run.status === 'running') {
      return { ok: false, status: 409, errors: [`run ${id} is ${run.status} already`] };
    }
    const total = epochs ?? run.settings.epochs;
    if (total <= run.epochsDone) {
      return {
        ok: false,
        status: 400,
        errors: [`run ${id} has trained ${run.epochsDone} epochs already; ask for more`],
      };
    }
    const resume = (await lastCheckpoint(this.dir(id))) !== null;
    const queued = await this.save({
      ...run,
      status: 'queued',
      message: null,
      settings: { ...run.settings, epochs: total },
    });
    this.queue.push({ id, resume });
    this.pump();
    return { ok: true, run: queued };
  }

  /**
   * Server shutdown: ends the running run and waits for it. It is marked `interrupted` (its last
   * checkpoint kept), as are queued runs, so the next start lists them as resumable.
   */
  async close(): Promise<void> {
    this.closing = true;
    for (const { id } of this.queue.splice(0)) {
      const run = this.runs.get(id);
      if (run) await this.save({ ...run, status: 'interrupted', message: 'the server stopped' });
    }
    const active = this.active;
    if (active) {
      active.stopping = true;
      active.process?.stop(2000);
      await active.process?.exited;
    }
  }

  private emit(id: string, event: RunEvent): void {
    for (const listener of this.listeners.get(id) ?? []) listener(event);
  }

  private async save(run: RunRecord): Promise<RunRecord> {
    const saved = { ...run, updatedAt: new Date().toISOString() };
    this.runs.set(run.id, saved);
    await writeRunRecord(this.dir(run.id), saved);
    this.emit(run.id, { type: 'status', run: saved });
    return saved;
  }

  private pump(): void {
    if (this.active !== null || this.closing) return;
    const next = this.queue.shift();
    if (!next) return;
    this.active = { id: next.id, process: null, stopping: false };
    void this.launch(next.id, next.resume).finally(() => {
      this.active = null;
      this.pump();
    });
  }

  private async launch(id: string, resume: boolean): Promise<void> {
    const torch = this.config.torch;
    const queued = this.runs.get(id);
    const active = this.active;
    if (!torch || !queued || !active) return;
    const data = await dataArgs(queued.settings.data, this.config.dataRoot, this.config.uploadsDir);
    if (!data.ok) {
      await this.save({ ...queued, status: 'failed', message: data.message });
      return;
    }
    const dir = this.dir(id);
    if (active.stopping) {
      await this.save({ ...queued, status: 'stopped', message: null });
      return;
    }
    let run = await this.save({ ...queued, status: 'running' });
    const cuda = torch.cuda && torch.gpus.length > 0;
    let epochStarted = Date.now();
    const tail: string[] = [];
    let writes = Promise.resolve();
    const child = startRunProcess({
      python: torch.python,
      args: torchrunArgs({
        runDir: dir,
        settings: run.settings,
        dataArgs: data.args,
        cuda,
        nodes: this.config.nodes,
        resume,
      }),
      cwd: join(dir, 'package'),
      logFile: join(dir, 'train.log'),
      onStdout: (text) => {
        const line = parseTrainLine(text);
        if (line.kind === 'batch') {
          this.emit(id, { type: 'batch', progress: withEta(line.line, epochStarted, Date.now()) });
        } else if (line.kind === 'epoch') {
          epochStarted = Date.now();
          const record = line.line;
          writes = writes.then(async () => {
            await appendMetrics(dir, record);
            run = await this.save({ ...run, epochsDone: record.epoch });
            this.emit(id, { type: 'epoch', record });
            const preview = record.preview ? await readPreview(dir, record.preview) : null;
            if (preview) this.emit(id, { type: 'preview', preview });
          });
        } else this.emit(id, { type: 'log', line: text });
      },
      onStderr: (text) => {
        tail.push(text);
        if (tail.length > 20) tail.shift();
        this.emit(id, { type: 'log', line: text });
      },
    });
    active.process = child;
    if (active.stopping) child.stop();
    run = await this.save({ ...run, pid: child.pid });
    const code = await child.exited;
    await writes;
    run = { ...run, pid: null };
    const stopping = active.stopping;
    if (code === 0) await this.save({ ...run, status: 'completed', message: null });
    else if (this.closing) {
      await this.save({ ...run, status: 'interrupted', message: 'the server stopped' });
    } else if (stopping) await this.save({ ...run, status: 'stopped', message: null });
    else {
      const why = tail.filter((l) => /error|exception|train\.py:/i.test(l)).slice(-3);
      const message = `training exited with code ${String(code)}${why.length ? `: ${why.join(' | ')}` : ''} (see train.log)`;
      await this.save({ ...run, status: 'failed', message });
    }
  }
}
