/** `pnpm serve` options. */
import { describe, expect, it } from 'vitest';
import { parseServeArgs } from './serveArgs';

describe('parseServeArgs', () => {
  it('listens on 127.0.0.1:8765 by default, with no data root and one machine', () => {
    const r = parseServeArgs([], '/work', {});
    expect(r).toMatchObject({
      ok: true,
      value: { host: '127.0.0.1', port: 8765, dataRoot: null, nodes: null, token: undefined },
    });
  });

  it('reads the several-machines options and resolves folders against the working directory', () => {
    const r = parseServeArgs(
      ['--', '--nnodes', '2', '--node-rank', '1', '--master-addr', 'gpu0', '--data-root', 'data'],
      '/work',
      { UNET_STUDIO_TOKEN: 't' },
    );
    expect(r).toMatchObject({
      ok: true,
      value: {
        dataRoot: '/work/data',
        token: 't',
        nodes: { nnodes: 2, nodeRank: 1, masterAddr: 'gpu0', masterPort: 29500 },
      },
    });
  });

  it('takes several --allow-origin and refuses what is not an origin', () => {
    const r = parseServeArgs(
      ['--allow-origin', 'http://localhost:5173', '--allow-origin', 'https://a.example:8443'],
      '/',
    );
    expect(r).toMatchObject({
      ok: true,
      value: { allowOrigins: ['http://localhost:5173', 'https://a.example:8443'] },
    });
    expect(parseServeArgs(['--allow-origin', '*'], '/')).toMatchObject({ ok: false });
    expect(parseServeArgs(['--allow-origin', 'http://a.example/path'], '/')).toMatchObject({
      ok: false,
    });
  });

  it('names the bad option', () => {
    expect(parseServeArgs(['--port', 'x'], '/')).toMatchObject({
      ok: false,
      message: expect.stringContaining('--port') as unknown,
    });
    expect(parseServeArgs(['--nnodes', '2'], '/')).toMatchObject({
      ok: false,
      message: expect.stringContaining('--master-addr') as unknown,
    });
    expect(
      parseServeArgs(['--node-rank', '3', '--nnodes', '2', '--master-addr', 'h'], '/'),
    ).toMatchObject({ ok: false });
    expect(parseServeArgs(['--master-addr', 'a;rm -rf', '--nnodes', '2'], '/')).toMatchObject({
      ok: false,
    });
    expect(parseServeArgs(['--bogus'], '/')).toMatchObject({ ok: false });
  });
});
