/**
 * The HTTP layer: a Hono app over the run manager. Every `/api` call needs the token; the rest
 * serves the built studio. No CORS headers, so other sites' pages cannot read the API.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { streamSSE } from 'hono/streaming';
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describeDevices, type TorchInfo } from './python';
import { storeUpload, zUpload } from './runData';
import type { RunManager, RunResult } from './runManager';
import { RUN_ID } from './runRecord';
import { zResumeRequest, zRunRequest } from './runRequest';
import { readMetrics, readPreview } from './runStore';
import { requestToken, tokenMatches } from './token';
import { resultsRoutes } from './resultsRoutes';

/** What the app serves. */
export interface ApiConfig {
  readonly token: string;
  readonly manager: RunManager;
  /** The built studio (apps/studio/dist), or null when it is not built. */
  readonly studioDir: string | null;
  /** Largest request body (uploads): bytes. */
  readonly maxBodyBytes: number;
  /**
   * Other origins whose pages may call the API (a studio served by `pnpm start`), each exactly
   * (`http://localhost:5173`); none by default. They still need the token.
   */
  readonly allowOrigins: readonly string[];
}

/** The server's facts for `GET /api/info`. */
function info(torch: TorchInfo | null, message: string, manager: RunManager) {
  return {
    devices: torch ? describeDevices(torch) : null,
    torch,
    torchMessage: torch ? null : message,
    cpuProcesses: manager.config.cpuProcesses,
    dataRoot: manager.config.dataRoot !== null,
    nodes: manager.config.nodes,
  };
}

function reply(c: Context, result: RunResult, okStatus: 200 | 201 = 200) {
  return result.ok
    ? c.json(result.run, okStatus)
    : c.json({ errors: result.errors }, result.status);
}

async function jsonBody(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    return undefined;
  }
}

/** Builds the app. */
export function createApp(config: ApiConfig): Hono {
  const { manager } = config;
  const app = new Hono();
  const api = new Hono();
  if (config.allowOrigins.length > 0) {
    const allowed = new Set(config.allowOrigins);
    api.use(
      '*',
      cors({
        origin: (origin) => (allowed.has(origin) ? origin : null),
        allowHeaders: ['Authorization', 'Content-Type'],
        allowMethods: ['GET', 'POST'],
        maxAge: 600,
      }),
    );
  }
  api.use('*', async (c, next) => {
    const given = requestToken(c.req.header('authorization'), c.req.query('token'));
    if (!tokenMatches(config.token, given)) {
      return c.json(
        { errors: ['a valid token is needed (the one in the URL the server printed)'] },
        401,
      );
    }
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Cache-Control', 'no-store');
    return next();
  });
  api.use(
    '*',
    bodyLimit({
      maxSize: config.maxBodyBytes,
      onError: (c) => c.json({ errors: ['the request is too large'] }, 413),
    }),
  );
  api.get('/info', (c) => c.json(info(manager.config.torch, manager.config.torchMessage, manager)));
  api.get('/runs', (c) => c.json(manager.list()));
  api.post('/runs', async (c) => {
    const parsed = zRunRequest.safeParse(await jsonBody(c));
    if (!parsed.success) {
      return c.json(
        { errors: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) },
        400,
      );
    }
    return reply(c, await manager.create(parsed.data), 201);
  });
  api.use('/runs/:id/*', async (c, next) => {
    const id = c.req.param('id');
    if (!RUN_ID.test(id) || !manager.get(id)) return c.json({ errors: [`no run ${id}`] }, 404);
    return next();
  });
  api.get('/runs/:id', async (c) => {
    const id = c.req.param('id');
    const run = manager.get(id);
    if (!RUN_ID.test(id) || !run) return c.json({ errors: [`no run ${id}`] }, 404);
    return c.json({ run, epochs: await readMetrics(manager.dir(id)) });
  });
  api.post('/runs/:id/stop', async (c) => reply(c, await manager.stop(c.req.param('id'))));
  api.post('/runs/:id/resume', async (c) => {
    const parsed = zResumeRequest.safeParse((await jsonBody(c)) ?? {});
    if (!parsed.success) return c.json({ errors: ['epochs: a whole number of epochs'] }, 400);
    return reply(c, await manager.resume(c.req.param('id'), parsed.data.epochs));
  });
  api.get('/runs/:id/previews/:name', async (c) => {
    const preview = await readPreview(manager.dir(c.req.param('id')), c.req.param('name'));
    return preview ? c.json(preview) : c.json({ errors: ['no such preview'] }, 404);
  });
  api.get('/runs/:id/events', (c) => {
    const id = c.req.param('id');
    return streamSSE(c, async (stream) => {
      const send = (event: string, data: unknown) =>
        stream.writeSSE({ event, data: JSON.stringify(data) });
      const unsubscribe = manager.subscribe(id, (e) => void send(e.type, e));
      const run = manager.get(id);
      if (run) await send('status', { type: 'status', run });
      const epochs = await readMetrics(manager.dir(id));
      for (const record of epochs) await send('epoch', { type: 'epoch', record });
      const last = epochs.at(-1)?.preview;
      const preview = last ? await readPreview(manager.dir(id), last) : null;
      if (preview) await send('preview', { type: 'preview', preview });
      await new Promise<void>((done) => {
        const beat = setInterval(() => void stream.write(': keep-alive\n\n'), 15_000);
        stream.onAbort(() => {
          clearInterval(beat);
          unsubscribe();
          done();
        });
      });
    });
  });
  api.post('/uploads', async (c) => {
    const parsed = zUpload.safeParse(await jsonBody(c));
    if (!parsed.success)
      return c.json({ errors: ['files: a list of { path, data (base64) }'] }, 400);
    return c.json(await storeUpload(manager.config.uploadsDir, parsed.data), 201);
  });
  api.route('/', resultsRoutes(manager));
  api.all('*', (c) => c.json({ errors: [`no API ${c.req.method} ${c.req.path}`] }, 404));
  app.route('/api', api);

  const studio = config.studioDir;
  if (studio !== null && existsSync(join(studio, 'index.html'))) {
    const root = relative(process.cwd(), studio) || '.';
    app.use('*', serveStatic({ root }));
    app.get('*', serveStatic({ root, path: 'index.html' }));
  } else {
    app.get('/', (c) =>
      c.text(
        'The studio is not built: run `pnpm --filter @unet-studio/studio build`, then restart.',
        503,
      ),
    );
  }
  return app;
}
