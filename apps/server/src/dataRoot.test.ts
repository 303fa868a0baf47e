/** Data folders are confined to the data root, symbolic links resolved. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveDataPath } from './dataRoot';

const home = mkdtempSync(join(tmpdir(), 'unet-root-'));
const root = join(home, 'data');
mkdirSync(join(root, 'cells', 'images'), { recursive: true });
mkdirSync(join(home, 'secret'));
writeFileSync(join(root, 'note.txt'), 'x');
symlinkSync(join(home, 'secret'), join(root, 'escape'));
symlinkSync(join(root, 'cells'), join(root, 'alias'));

afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('resolveDataPath', () => {
  it('accepts folders under the root, relative or absolute, and links that stay inside', async () => {
    expect(await resolveDataPath(root, 'cells')).toEqual({ ok: true, path: join(root, 'cells') });
    expect(await resolveDataPath(root, join(root, 'cells', 'images'))).toMatchObject({ ok: true });
    expect(await resolveDataPath(root, 'alias')).toEqual({ ok: true, path: join(root, 'cells') });
  });

  it('refuses paths outside the root, links that lead out, files, and a server without a root', async () => {
    expect(await resolveDataPath(root, '../secret')).toEqual({
      ok: false,
      message: '../secret is outside the data root',
    });
    expect(await resolveDataPath(root, '/etc')).toEqual({
      ok: false,
      message: '/etc is outside the data root',
    });
    expect(await resolveDataPath(root, 'cells/../../secret')).toMatchObject({ ok: false });
    expect(await resolveDataPath(root, 'escape')).toEqual({
      ok: false,
      message: 'escape leads outside the data root',
    });
    expect(await resolveDataPath(root, 'note.txt')).toEqual({
      ok: false,
      message: 'note.txt is not a folder',
    });
    expect(await resolveDataPath(root, 'missing')).toMatchObject({ ok: false });
    const none = await resolveDataPath(null, 'cells');
    expect(none.ok ? '' : none.message).toContain('--data-root');
  });
});
