/**
 * The routes that bring results back: `GET /api/runs/:id/package` (a zip with weights.pt),
 * `GET /api/runs/:id/weights` (a state bundle for the studio) and `GET /api/runs/:id/log`.
 */
import { Hono } from 'hono';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageZip, weightsBundle } from './results';
import type { RunManager } from './runManager';

function fileName(name: string): string {
  return (name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'model').slice(0, 80);
}

/** The result routes, mounted under `/api` after the token check and the run-id check. */
export function resultsRoutes(manager: RunManager): Hono {
  const routes = new Hono();
  routes.get('/runs/:id/package', async (c) => {
    const id = c.req.param('id');
    const run = manager.get(id);
    if (!run) return c.json({ errors: [`no run ${id}`] }, 404);
    const zip = await packageZip(manager.config.torch?.python ?? null, manager.dir(id));
    return c.body(zip.slice().buffer, 200, {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${fileName(run.name)}-pytorch.zip"`,
    });
  });
  routes.get('/runs/:id/weights', async (c) => {
    const python = manager.config.torch?.python;
    if (python === undefined) return c.json({ errors: [manager.config.torchMessage] }, 503);
    const bundle = await weightsBundle(python, manager.dir(c.req.param('id')));
    if (!bundle.ok) return c.json({ errors: [bundle.message] }, 409);
    return c.body(bundle.bytes.slice().buffer, 200, { 'Content-Type': 'application/octet-stream' });
  });
  routes.get('/runs/:id/log', async (c) => {
    try {
      const text = await readFile(join(manager.dir(c.req.param('id')), 'train.log'), 'utf8');
      return c.text(text.slice(-1_000_000));
    } catch {
      return c.text('');
    }
  });
  return routes;
}
