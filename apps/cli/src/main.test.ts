import { describe, expect, it } from 'vitest';
import { cli } from '../test/harness';

describe('unet-studio', () => {
  it('lists its commands with --help and exits 2 with no command', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    for (const name of ['check', 'summary', 'export', 'templates'])
      expect(help.out).toContain(`  ${name}`);
    expect((await cli([])).code).toBe(2);
  });

  it('rejects an unknown command', async () => {
    const r = await cli(['train-everything']);
    expect(r).toMatchObject({
      code: 2,
      err: expect.stringContaining('unknown command "train-everything"') as unknown,
    });
  });

  it('shows a command’s usage with --help', async () => {
    const r = await cli(['export', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('--to FORMAT');
  });
});
