import { findTemplate, type Design } from '@unet-studio/compiler';
import { describe, expect, it } from 'vitest';
import type { ProbeReport } from './backendChoice';
import { planRun } from './runPlan';

const small = (): Design => findTemplate('small')!.build();

describe('planRun', () => {
  it('can start the small template with its own size and an estimate', () => {
    const plan = planRun(small(), {}, null, null);
    expect(plan.blockers).toEqual([]);
    expect(plan.settings.size).toEqual([64, 64]);
    expect(plan.estimate?.secondsPerStep).toBeGreaterThan(0);
  });

  it('refuses a size the network cannot take, saying why', () => {
    const plan = planRun(small(), { size: [4, 4] }, null, null);
    expect(plan.blockers.join(' ')).toMatch(/At 4×4: .*pool3/);
    expect(plan.estimate).toBeNull();
  });

  it('refuses a design with errors', () => {
    const d = small();
    const broken: Design = { ...d, model: { ...d.model, edges: d.model.edges.slice(1) } };
    expect(planRun(broken, {}, null, null).blockers[0]).toMatch(/error/);
  });

  it('needs own images before training on them, read at the run size', () => {
    expect(planRun(small(), { source: 'images' }, null, null).blockers.join(' ')).toMatch(
      /images and masks/,
    );
    const images = { report: { used: 4, skipped: [] }, files: [], size: [32, 32] };
    expect(planRun(small(), { source: 'images' }, images, null).blockers.join(' ')).toMatch(
      /read them again at 64×64/,
    );
    expect(planRun(small(), { source: 'images', size: [32, 32] }, images, null).blockers).toEqual(
      [],
    );
  });

  it('uses the slower software-WebGL figure once a run reported it', () => {
    const gpu = planRun(small(), {}, null, {
      name: 'webgl',
      summary: 'webgl',
      software: false,
      notes: [],
    });
    const soft = planRun(small(), {}, null, {
      name: 'webgl',
      summary: 'webgl',
      software: true,
      notes: [],
    });
    expect(soft.estimate!.secondsPerStep).toBeGreaterThan(gpu.estimate!.secondsPerStep);
  });

  it('uses the probe of the model once measured, scaled to the run batch, and a guess before', () => {
    const report: ProbeReport = {
      results: [
        {
          backend: 'wasm',
          label: 'wasm, 2 threads',
          secondsPerStep: 0.1,
          software: false,
          note: '',
        },
        {
          backend: 'webgl',
          label: 'webgl (software)',
          secondsPerStep: 4,
          software: true,
          note: '',
        },
      ],
      chosen: 'wasm',
      batch: 2,
    };
    const guess = planRun(small(), {}, null, null);
    expect(guess.settings.backend).toBe('auto');
    expect(guess.estimate?.basis).not.toBe('measured');
    const plan = planRun(small(), {}, null, null, () => report);
    expect(plan.estimate?.basis).toBe('measured');
    // Batch 8 is four times the probe's batch 2.
    expect(plan.estimate?.secondsPerStep).toBeCloseTo(0.4);
    const steps = plan.estimate!.runSeconds / plan.estimate!.secondsPerStep;
    expect(steps).toBeCloseTo(Math.round(steps));
    // An explicit backend takes its own figure from the same probe.
    const webgl = planRun(small(), { backend: 'webgl' }, null, null, () => report);
    expect(webgl.estimate?.secondsPerStep).toBeCloseTo(16);
    expect(webgl.measured?.label).toBe('webgl (software)');
  });
});
