/**
 * The options of `pnpm serve` / `unet-studio serve`, parsed and checked.
 */
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { NodeSpec } from './torchrun';

/** The usage text. */
export const SERVE_USAGE = `Usage: unet-studio serve [options]   (or: pnpm serve -- [options])

Serves the studio and trains its designs with PyTorch (torchrun) on this machine.

  --host ADDR          listen here (default 127.0.0.1; any other still needs the token)
  --port N             port (default 8765; 0 picks a free one)
  --home DIR           where runs and uploads are kept (default ~/.unet-studio/server)
  --data-root DIR      folders under DIR may be used as training data
  --processes N        training processes on the CPU when there is no GPU (default 1)
  --token TOKEN        a fixed access token (default: a new random one; or UNET_STUDIO_TOKEN)
  --studio DIR         the built studio (default apps/studio/dist)
  --allow-origin URL   let pages of this origin call the API (e.g. http://localhost:5173 for
                       a studio started with pnpm start); repeat for more; still token-only
  --nnodes N           machines in the run (torchrun --nnodes; default 1)
  --node-rank R        this machine's rank (torchrun --node_rank)
  --master-addr HOST   rank 0's address (torchrun --master_addr)
  --master-port PORT   rank 0's port (torchrun --master_port; default 29500)

PyTorch: UNET_STUDIO_PYTHON, else the first python3 that imports torch.`;

/** Parsed options. */
export interface ServeArgs {
  readonly host: string;
  readonly port: number;
  readonly homeDir: string;
  readonly dataRoot: string | null;
  readonly cpuProcesses: number;
  readonly token: string | undefined;
  readonly studioDir: string;
  readonly nodes: NodeSpec | null;
  readonly allowOrigins: readonly string[];
}

const here = dirname(fileURLToPath(import.meta.url));

function int(
  value: string | undefined,
  name: string,
  min: number,
  max: number,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  if (!/^\d{1,6}$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new Error(`--${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  }
  return Number(value);
}

/**
 * Parses the options.
 *
 * @param cwd relative paths are resolved against it.
 * @returns the options, or a message naming the bad one.
 */
export function parseServeArgs(
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): { ok: true; value: ServeArgs } | { ok: false; message: string } {
  try {
    const { values: v } = parseArgs({
      args: [...args].filter((a) => a !== '--'),
      strict: true,
      options: Object.fromEntries(
        [
          'host',
          'port',
          'home',
          'data-root',
          'processes',
          'token',
          'studio',
          'nnodes',
          'node-rank',
          'master-addr',
          'master-port',
          'allow-origin',
        ].map((name) => [name, { type: 'string' as const, multiple: name === 'allow-origin' }]),
      ),
    });
    const s = (name: string): string | undefined => {
      const value = v[name];
      return Array.isArray(value) ? value.at(-1) : value;
    };
    const origins = [v['allow-origin'] ?? []].flat();
    for (const origin of origins) {
      if (!/^https?:\/\/[A-Za-z0-9.:[\]-]+$/.test(origin)) {
        throw new Error(
          `--allow-origin must be an origin such as http://localhost:5173, got "${origin}"`,
        );
      }
    }
    const nnodes = int(s('nnodes'), 'nnodes', 1, 4096, 1);
    const masterAddr = s('master-addr');
    if (nnodes > 1 && masterAddr === undefined) {
      throw new Error('--nnodes above 1 needs --master-addr (the rank-0 machine) and --node-rank');
    }
    const nodes: NodeSpec | null =
      nnodes > 1
        ? {
            nnodes,
            nodeRank: int(s('node-rank'), 'node-rank', 0, nnodes - 1, 0),
            masterAddr: masterAddr ?? '',
            masterPort: int(s('master-port'), 'master-port', 1, 65535, 29500),
          }
        : null;
    if (masterAddr !== undefined && !/^[A-Za-z0-9.:-]{1,253}$/.test(masterAddr)) {
      throw new Error(`--master-addr must be a host name or address, got "${masterAddr}"`);
    }
    const dataRoot = s('data-root');
    return {
      ok: true,
      value: {
        host: s('host') ?? '127.0.0.1',
        port: int(s('port'), 'port', 0, 65535, 8765),
        homeDir: resolve(cwd, s('home') ?? join(homedir(), '.unet-studio', 'server')),
        dataRoot: dataRoot === undefined ? null : resolve(cwd, dataRoot),
        cpuProcesses: int(s('processes'), 'processes', 1, 256, 1),
        token: s('token') ?? (env.UNET_STUDIO_TOKEN || undefined),
        studioDir: resolve(cwd, s('studio') ?? join(here, '..', '..', 'studio', 'dist')),
        nodes,
        allowOrigins: origins,
      },
    };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
