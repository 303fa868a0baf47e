/**
 * Training on images: a folder under the data root, and the same images uploaded from the
 * studio. Skipped, saying why, without a Python that imports torch and Pillow (train.py reads
 * image files with Pillow).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  finished,
  newHome,
  readEvents,
  removeHome,
  start,
  statusOf,
  tinyDesign,
  torch,
} from '../test/harness';
import type { RunRecord } from './runRecord';
import type { RunningServer } from './server';

// Six 32×32 images with a bright square and their masks, in images/ and masks/.
const MAKE = `
import os, sys
from PIL import Image, ImageDraw
root = sys.argv[1]
for sub in ("images", "masks"):
    os.makedirs(os.path.join(root, sub), exist_ok=True)
for i in range(6):
    image, mask = Image.new("RGB", (32, 32), (30, 30, 30)), Image.new("L", (32, 32), 0)
    box = (4 + i, 6, 14 + i, 16)
    ImageDraw.Draw(image).rectangle(box, fill=(220, 220, 220))
    ImageDraw.Draw(mask).rectangle(box, fill=255)
    image.save(os.path.join(root, "images", f"s{i}.png"))
    mask.save(os.path.join(root, "masks", f"s{i}.png"))
`;

const found = torch();
const pillow = found.ok && spawnSync(found.value.python, ['-c', 'import PIL']).status === 0;
if (found.ok && !pillow) console.warn('skipping image-folder tests: the Python has no Pillow');
let home: string;
let server: RunningServer;

beforeAll(async () => {
  home = newHome();
  if (!pillow || !found.ok) return;
  expect(spawnSync(found.value.python, ['-c', MAKE, join(home, 'data', 'cells')]).status).toBe(0);
  server = await start(home, { dataRoot: join(home, 'data') });
});

afterAll(async () => {
  await server?.close();
  removeHome(home);
});

async function trainOn(data: unknown): Promise<string> {
  const created = await api<RunRecord>(server, 'POST', '/runs', {
    design: tinyDesign(),
    data,
    settings: { epochs: 1, valFraction: 0.34 },
  });
  expect(created.status).toBe(201);
  const events = await readEvents(server, created.body.id, finished);
  expect(statusOf(events.at(-1)!)).toBe('completed');
  return readFileSync(join(server.manager.dir(created.body.id), 'train.log'), 'utf8');
}

describe.skipIf(!pillow)('image data', () => {
  it('trains on a folder under the data root', async () => {
    const log = await trainOn({ kind: 'folder', path: 'cells' });
    expect(log).toContain('4 train / 2 validation samples');
  });

  it('trains on images uploaded from the studio', async () => {
    const dir = join(home, 'data', 'cells');
    const files = ['images', 'masks'].flatMap((sub) =>
      readdirSync(join(dir, sub)).map((name) => ({
        path: `picked/${sub}/${name}`,
        data: readFileSync(join(dir, sub, name)).toString('base64'),
      })),
    );
    const upload = await api<{ id: string; files: number }>(server, 'POST', '/uploads', { files });
    expect(upload.status).toBe(201);
    expect(upload.body.files).toBe(12);
    const log = await trainOn({ kind: 'upload', id: upload.body.id });
    expect(log).toContain('4 train / 2 validation samples');
    const missing = await api<{ errors: string[] }>(server, 'POST', '/runs', {
      design: tinyDesign(),
      data: { kind: 'upload', id: 'u-nothing' },
    });
    expect(missing).toEqual({
      status: 400,
      body: { errors: ['no uploaded image set u-nothing on this server'] },
    });
  });
});
