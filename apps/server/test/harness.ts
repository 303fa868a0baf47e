/**
 * Test support: a server on a random loopback port with its own home folder, a client that
 * sends the token, and a reader of its Server-Sent Events.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findTemplate, type Design } from '@unet-studio/compiler';
import { findTorchPython, type TorchLookup } from '../src/python';
import { startServer, type RunningServer, type ServerOptions } from '../src/server';

let probed: TorchLookup | undefined;

/** PyTorch, probed once per test file. */
export function torch(): TorchLookup {
  probed ??= findTorchPython({
    ...process.env,
    UNET_STUDIO_PYTHON: process.env.UNET_STUDIO_PYTHON || '/usr/bin/python3',
  });
  if (!probed.ok) console.warn(`skipping training tests: ${probed.message}`);
  return probed;
}

/** A fresh home folder for a server (removed by {@link removeHome}). */
export function newHome(): string {
  return mkdtempSync(join(tmpdir(), 'unet-server-'));
}

/** Removes a home folder made by {@link newHome}. */
export function removeHome(home: string): void {
  rmSync(home, { recursive: true, force: true });
}

/** Starts a server on 127.0.0.1 and a free port. */
export function start(home: string, options: Partial<ServerOptions> = {}): Promise<RunningServer> {
  return startServer({
    host: '127.0.0.1',
    port: 0,
    homeDir: home,
    dataRoot: null,
    studioDir: null,
    cpuProcesses: 1,
    nodes: null,
    torch: torch(),
    ...options,
  });
}

/** Calls the API with the server's token; returns the status and the parsed JSON body. */
export async function api<T = unknown>(
  server: RunningServer,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.origin}/api${path}`, {
    method,
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

/** The tiny template (32×32, 3→1) with a small batch. */
export function tinyDesign(): Design {
  const design = findTemplate('tiny')?.build();
  if (!design) throw new Error('the tiny template is missing');
  return { ...design, training: { ...design.training, batchSize: 4 } };
}

/** One Server-Sent Event. */
export interface SseEvent {
  readonly event: string;
  readonly data: Record<string, unknown>;
}

/**
 * Reads a run's event stream until `until` returns true for an event (or `timeoutMs` passes,
 * which fails), then closes it. Returns every event read.
 */
export async function readEvents(
  server: RunningServer,
  runId: string,
  until: (event: SseEvent, all: readonly SseEvent[]) => boolean,
  timeoutMs = 240_000,
): Promise<SseEvent[]> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const events: SseEvent[] = [];
  try {
    const response = await fetch(
      `${server.origin}/api/runs/${runId}/events?token=${server.token}`,
      {
        signal: controller.signal,
      },
    );
    if (!response.body) throw new Error('no event stream');
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = block
          .split('\n')
          .filter((l) => l.startsWith('data: '))
          .map((l) => l.slice(6))
          .join('\n');
        if (event === undefined || data === '') continue;
        const parsed = { event, data: JSON.parse(data) as Record<string, unknown> };
        events.push(parsed);
        if (until(parsed, events)) return events;
      }
    }
    throw new Error(`the event stream ended after ${events.length} events`);
  } catch (error) {
    if (controller.signal.aborted) {
      throw new Error(
        `no awaited event within ${timeoutMs} ms; read ${events.map((e) => e.event).join(', ')}`,
      );
    }
    throw error;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

/** The run status carried by a `status` event, if it is one. */
export function statusOf(event: SseEvent): string | undefined {
  return event.event === 'status' ? (event.data.run as { status: string }).status : undefined;
}

/** True once a run has finished one way or another. */
export function finished(event: SseEvent): boolean {
  const status = statusOf(event);
  return (
    status === 'completed' ||
    status === 'failed' ||
    status === 'stopped' ||
    status === 'interrupted'
  );
}
