import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDesign } from '@unet-studio/compiler';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../../test/harness';

describe('unet-studio new', () => {
  it('writes a template as a design that check and summary read', async () => {
    const dir = tempDir();
    const made = await cli(['new', 'my-design.json', '--template', 'small'], dir);
    expect(made).toMatchObject({ code: 0, out: '' });
    expect(made.err).toBe('wrote my-design.json (“Small U-Net”, from template:small)');
    const checked = await cli(['check', 'my-design.json'], dir);
    expect(checked.code).toBe(0);
    expect(checked.out).toContain('my-design.json: 0 errors, 0 warnings');
    const summary = await cli(['summary', 'my-design.json', '--json'], dir);
    const template = await cli(['summary', 'template:small', '--json']);
    expect(JSON.parse(summary.out)).toEqual(JSON.parse(template.out));
  });

  it('writes an empty design, named with --name, without --template', async () => {
    const dir = tempDir();
    const made = await cli(['new', 'lungs.json', '--name', 'Lungs'], dir);
    expect(made).toMatchObject({ code: 0, err: 'wrote lungs.json (“Lungs”, empty)' });
    const parsed = parseDesign(readFileSync(join(dir, 'lungs.json'), 'utf8'));
    expect(parsed.ok && parsed.value.name).toBe('Lungs');
    expect(parsed.ok && parsed.value.model.nodes).toEqual([]);
  });

  it('never replaces an existing file unless --force is given', async () => {
    const dir = tempDir();
    const path = join(dir, 'mine.json');
    writeFileSync(path, 'my own work\n');
    const refused = await cli(['new', 'mine.json', '--template', 'tiny'], dir);
    expect(refused.code).toBe(2);
    expect(refused.err).toBe(
      'unet-studio new: mine.json already exists; pass --force to replace it',
    );
    expect(readFileSync(path, 'utf8')).toBe('my own work\n');
    expect((await cli(['new', 'mine.json', '--template', 'tiny', '--force'], dir)).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toContain('"name": "Tiny U-Net"');
  });

  it('names an unknown template, a missing folder and a missing file argument', async () => {
    const dir = tempDir();
    const unknown = await cli(['new', 'x.json', '--template', 'huge'], dir);
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.err).toMatch(/unknown template "huge"; templates: modelmanager-unet, /);
    const folder = await cli(['new', 'no/such/x.json'], dir);
    expect(folder.err).toBe(
      'unet-studio new: cannot write no/such/x.json: its folder does not exist',
    );
    expect((await cli(['new'], dir)).code).toBe(2);
    expect((await cli(['new', 'a.json', '--name', ''], dir)).code).toBe(2);
  });
});
