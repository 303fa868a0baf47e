/**
 * The server's security and data boundaries through HTTP: the token, the data root.
 */
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, newHome, removeHome, start, tinyDesign } from '../test/harness';
import type { RunningServer } from './server';

let home: string;
let server: RunningServer;

beforeAll(async () => {
  home = newHome();
  const root = join(home, 'data');
  mkdirSync(join(root, 'cells', 'images'), { recursive: true });
  mkdirSync(join(home, 'secret'), { recursive: true });
  symlinkSync(join(home, 'secret'), join(root, 'escape'));
  server = await start(home, {
    dataRoot: root,
    torch: { ok: false, tried: [], message: 'no torch here' },
  });
});

afterAll(async () => {
  await server.close();
  removeHome(home);
});

describe('the API', () => {
  it('listens on loopback and answers 401 without the token or with a wrong one', async () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).toBe(`${server.origin}/?token=${server.token}`);
    expect((await fetch(`${server.origin}/api/runs`)).status).toBe(401);
    const wrong = await fetch(`${server.origin}/api/runs`, {
      headers: { authorization: `Bearer ${server.token.slice(0, -1)}x` },
    });
    expect(wrong.status).toBe(401);
    expect((await fetch(`${server.origin}/api/runs?token=nope`, { method: 'POST' })).status).toBe(
      401,
    );
    const ok = await api(server, 'GET', '/runs');
    expect(ok).toEqual({ status: 200, body: [] });
  });

  it('sends no CORS header, even to another origin', async () => {
    const response = await fetch(`${server.origin}/api/info`, {
      headers: { authorization: `Bearer ${server.token}`, origin: 'https://evil.example' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers the pages of an origin given with --allow-origin, and only those', async () => {
    const otherHome = newHome();
    const other = await start(otherHome, {
      allowOrigins: ['http://localhost:5173'],
      torch: { ok: false, tried: [], message: 'no torch here' },
    });
    try {
      const preflight = (origin: string) =>
        fetch(`${other.origin}/api/runs`, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'authorization, content-type',
          },
        });
      const allowed = await preflight('http://localhost:5173');
      expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
        'authorization',
      );
      const refused = await preflight('https://evil.example');
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
      // The origin still needs the token.
      const call = await fetch(`${other.origin}/api/runs`, {
        headers: { origin: 'http://localhost:5173' },
      });
      expect(call.status).toBe(401);
    } finally {
      await other.close();
      removeHome(otherHome);
    }
  });

  it('says what to install when no Python imports torch, and refuses to train', async () => {
    const info = await api<{ torch: unknown; torchMessage: string }>(server, 'GET', '/info');
    expect(info.body.torch).toBeNull();
    expect(info.body.torchMessage).toBe('no torch here');
    const run = await api<{ errors: string[] }>(server, 'POST', '/runs', {
      design: tinyDesign(),
      data: { kind: 'synthetic', samples: 8 },
    });
    expect(run.status).toBe(503);
    expect(run.body.errors).toEqual(['no torch here']);
  });
});
