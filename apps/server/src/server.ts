/**
 * Starting the server: find PyTorch, list the runs on disk, listen (127.0.0.1 by default) and
 * return the URL that carries the token.
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createApp } from './api';
import { findTorchPython, type TorchLookup } from './python';
import { RunManager } from './runManager';
import { newToken } from './token';
import type { NodeSpec } from './torchrun';

/** How to start the server. */
export interface ServerOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** Runs and uploads live here (`runs/`, `uploads/`). */
  readonly homeDir: string;
  readonly dataRoot: string | null;
  /** The built studio, or null. */
  readonly studioDir: string | null;
  /** CPU processes per run when there is no GPU. */
  readonly cpuProcesses: number;
  readonly nodes: NodeSpec | null;
  /** A fixed token (else a random one). */
  readonly token?: string;
  /** Already probed (tests probe once). */
  readonly torch?: TorchLookup;
  readonly maxBodyBytes?: number;
  /** Origins allowed to call the API from their pages (exact); none by default. */
  readonly allowOrigins?: readonly string[];
}

/** A started server. */
export interface RunningServer {
  /** The URL to open, with the token. */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly torch: TorchLookup;
  readonly manager: RunManager;
  /** Stops the running run (kept resumable: its last checkpoint stays) and closes the server. */
  close(): Promise<void>;
}

/** Starts the server; see the module comment. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const torch = options.torch ?? findTorchPython();
  const token = options.token ?? newToken();
  const manager = await RunManager.open({
    runsDir: join(options.homeDir, 'runs'),
    uploadsDir: join(options.homeDir, 'uploads'),
    dataRoot: options.dataRoot,
    torch: torch.ok ? torch.value : null,
    torchMessage: torch.ok ? '' : torch.message,
    cpuProcesses: options.cpuProcesses,
    nodes: options.nodes,
  });
  const app = createApp({
    token,
    manager,
    studioDir: options.studioDir,
    maxBodyBytes: options.maxBodyBytes ?? 512 * 1024 * 1024,
    allowOrigins: options.allowOrigins ?? [],
  });
  const { server, address } = await new Promise<{
    server: ReturnType<typeof serve>;
    address: AddressInfo;
  }>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, (info) =>
      resolve({ server: s, address: info }),
    );
    s.once('error', reject);
  });
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const origin = `http://${host}:${address.port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    torch,
    manager,
    async close() {
      await manager.close();
      await new Promise<void>((resolve) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}
