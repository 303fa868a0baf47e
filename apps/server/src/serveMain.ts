/**
 * `pnpm serve` and `unet-studio serve`: parse the options, start the server, print what it
 * trains on and the URL with the token, and stop cleanly on Ctrl-C.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describeDevices } from './python';
import { parseServeArgs, SERVE_USAGE } from './serveArgs';
import { startServer } from './server';

/** Where the server writes its messages. */
export interface ServeIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly cwd: string;
}

/**
 * Runs the server until SIGINT/SIGTERM.
 *
 * @returns the exit code: 2 for bad options or a port that cannot be opened.
 */
export async function serveMain(args: readonly string[], io: ServeIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(SERVE_USAGE);
    return 0;
  }
  const parsed = parseServeArgs(args, io.cwd);
  if (!parsed.ok) {
    io.err(`unet-studio serve: ${parsed.message}`);
    io.err(SERVE_USAGE);
    return 2;
  }
  const o = parsed.value;
  const studio = existsSync(join(o.studioDir, 'index.html')) ? o.studioDir : null;
  let server;
  try {
    server = await startServer({ ...o, studioDir: studio });
  } catch (error) {
    io.err(
      `unet-studio serve: cannot listen on ${o.host}:${o.port}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 2;
  }
  if (server.torch.ok) {
    io.out(
      `PyTorch: ${server.torch.value.python}; training on ${describeDevices(server.torch.value)}`,
    );
    for (const [i, gpu] of server.torch.value.gpus.entries()) {
      io.out(`  GPU ${i}: ${gpu.name}, ${(gpu.memoryBytes / 2 ** 30).toFixed(1)} GiB`);
    }
  } else {
    io.err(`PyTorch not found: ${server.torch.message}`);
    io.err('The studio is served anyway; training on this server needs PyTorch.');
  }
  if (studio === null)
    io.err(`The studio is not built (${o.studioDir}): pnpm --filter @unet-studio/studio build`);
  if (o.nodes)
    io.out(
      `Node ${o.nodes.nodeRank} of ${o.nodes.nnodes}, rendezvous at ${o.nodes.masterAddr}:${o.nodes.masterPort}`,
    );
  io.out(`Runs in ${join(o.homeDir, 'runs')}${o.dataRoot ? `; data root ${o.dataRoot}` : ''}`);
  io.out('Open the studio (the token in this URL is needed for every training call):');
  io.out(`  ${server.url}`);
  const running = server;
  await new Promise<void>((resolve) => {
    const stop = () => {
      io.out(
        'Stopping: a run in progress is interrupted; its last checkpoint is kept for resuming.',
      );
      void running.close().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
