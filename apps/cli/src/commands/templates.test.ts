import { describe, expect, it } from 'vitest';
import { cli } from '../../test/harness';

describe('unet-studio templates', () => {
  it('lists every template with its seed and title', async () => {
    const r = await cli(['templates']);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^name\s+seed\s+title$/);
    expect(lines.slice(2).map((l) => l.split(/\s{2,}/).slice(0, 2))).toEqual([
      ['modelmanager-unet', '000'],
      ['heliaedge-1d', '001'],
      ['basic-pytorch-unet', '002'],
      ['carvana', '003'],
      ['original-unet', '004'],
      ['milesial-unet', '-'],
      ['small', '-'],
      ['tiny', '-'],
    ]);
  });

  it('prints JSON with --json and refuses stray arguments', async () => {
    const r = await cli(['templates', '--json']);
    const list = JSON.parse(r.out) as { name: string; seed: string | null }[];
    expect(list.find((t) => t.name === 'carvana')?.seed).toBe('003');
    expect((await cli(['templates', 'extra'])).code).toBe(2);
    expect((await cli(['templates', '--bogus'])).code).toBe(2);
  });
});
