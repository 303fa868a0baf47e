/**
 * The command line of a run: `python -m torch.distributed.run` (torchrun) with one process per
 * GPU (NCCL) or N CPU processes (gloo), then train.py with the run's settings.
 */
import { join } from 'node:path';
import { PACKAGE_DIR } from './runPackage';
import type { RunSettings } from './runRecord';

/** Several machines: torchrun's static rendezvous. One node when absent. */
export interface NodeSpec {
  readonly nnodes: number;
  readonly nodeRank: number;
  readonly masterAddr: string;
  readonly masterPort: number;
}

/** Everything {@link torchrunArgs} needs besides the settings. */
export interface LaunchPlan {
  readonly runDir: string;
  readonly settings: RunSettings;
  /** train.py's data option, already resolved (`--synthetic N` or `--data DIR`). */
  readonly dataArgs: readonly string[];
  /** Train on CUDA (NCCL) rather than the CPU (gloo). */
  readonly cuda: boolean;
  readonly nodes: NodeSpec | null;
  /** Continue from the run's last checkpoint. */
  readonly resume: boolean;
}

/**
 * The arguments after the python executable.
 *
 * @example torchrunArgs(plan) // ['-m', 'torch.distributed.run', '--standalone', '--nproc_per_node=2', …]
 */
export function torchrunArgs(plan: LaunchPlan): string[] {
  const { settings, runDir, nodes } = plan;
  const rendezvous =
    nodes === null || nodes.nnodes <= 1
      ? ['--standalone']
      : [
          `--nnodes=${nodes.nnodes}`,
          `--node_rank=${nodes.nodeRank}`,
          `--master_addr=${nodes.masterAddr}`,
          `--master_port=${nodes.masterPort}`,
        ];
  return [
    '-m',
    'torch.distributed.run',
    ...rendezvous,
    `--nproc_per_node=${settings.processes}`,
    // Debian's torch 1.13 on Python 3.11 cannot parse torchrun's default "0"; "2" (stderr) works
    // everywhere and keeps rank 0's standard output, which carries the JSON lines, untouched.
    '--redirects',
    '2',
    '--tee',
    '2',
    join(runDir, PACKAGE_DIR, 'train.py'),
    ...plan.dataArgs,
    '--epochs',
    String(settings.epochs),
    '--batch-size',
    String(settings.batchSize),
    '--lr',
    String(settings.learningRate),
    '--val-fraction',
    String(settings.valFraction),
    ...(settings.size ? ['--size', ...settings.size.map(String)] : []),
    '--out',
    join(runDir, 'checkpoints'),
    '--previews',
    join(runDir, 'previews'),
    '--progress',
    ...(plan.cuda ? [] : ['--cpu']),
    ...(settings.amp && plan.cuda ? ['--amp'] : []),
    ...(plan.resume ? ['--resume', join(runDir, 'checkpoints', 'last.pt')] : []),
  ];
}
