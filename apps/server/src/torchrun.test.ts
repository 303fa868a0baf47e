/** The torchrun command line of a run, one machine and several. */
import { describe, expect, it } from 'vitest';
import { torchrunArgs, type LaunchPlan } from './torchrun';

const plan: LaunchPlan = {
  runDir: '/runs/r',
  settings: {
    epochs: 3,
    batchSize: 8,
    learningRate: 0.001,
    processes: 2,
    amp: true,
    valFraction: 0.1,
    data: { kind: 'synthetic', samples: 16 },
  },
  dataArgs: ['--synthetic', '16'],
  cuda: false,
  nodes: null,
  resume: false,
};

describe('torchrunArgs', () => {
  it('runs train.py standalone with N processes, gloo on the CPU (no --amp there)', () => {
    const args = torchrunArgs(plan);
    expect(args.slice(0, 4)).toEqual([
      '-m',
      'torch.distributed.run',
      '--standalone',
      '--nproc_per_node=2',
    ]);
    expect(args).toContain('/runs/r/package/train.py');
    expect(args.join(' ')).toContain('--synthetic 16 --epochs 3 --batch-size 8 --lr 0.001');
    expect(args).toContain('--cpu');
    expect(args).not.toContain('--amp');
    expect(args).not.toContain('--resume');
    expect(args).not.toContain('--size');
  });

  it('passes the training size of an open-size design as --size', () => {
    const args = torchrunArgs({ ...plan, settings: { ...plan.settings, size: [96, 128] } });
    expect(args.join(' ')).toContain('--val-fraction 0.1 --size 96 128 --out');
  });

  it('passes --amp on GPUs, --resume with the last checkpoint, and the rendezvous of several machines', () => {
    const args = torchrunArgs({
      ...plan,
      cuda: true,
      resume: true,
      nodes: { nnodes: 2, nodeRank: 1, masterAddr: '10.0.0.5', masterPort: 29501 },
    });
    expect(args.slice(2, 7)).toEqual([
      '--nnodes=2',
      '--node_rank=1',
      '--master_addr=10.0.0.5',
      '--master_port=29501',
      '--nproc_per_node=2',
    ]);
    expect(args).not.toContain('--standalone');
    expect(args).not.toContain('--cpu');
    expect(args).toContain('--amp');
    expect(args.slice(-2)).toEqual(['--resume', '/runs/r/checkpoints/last.pt']);
  });
});
