/** `unet-studio serve`: the training server (see docs/server.md). */
import { SERVE_USAGE, serveMain } from '@unet-studio/server';
import type { Command } from '../command';

/** The `serve` command: runs until Ctrl-C. */
export const serveCommand: Command = {
  name: 'serve',
  summary: 'Serve the studio and train its designs with PyTorch on this machine',
  usage: SERVE_USAGE,
  run(args, io) {
    return serveMain(args, { out: io.out, err: io.err, cwd: io.cwd });
  },
};
