/**
 * Files: a template from the URL, importing configs (file picker, drop, paste), rejecting
 * malformed and foreign files without touching the design, and images that carry the design.
 */
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Files } from './pages/Files';
import { openSession, type Session } from './session';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

describe('opening, importing and exporting files', () => {
  let s: Session;
  let files: Files;

  beforeAll(async () => {
    s = await openSession('?template=tiny');
    files = new Files(s.page);
  });
  afterAll(async () => {
    await s.close();
  });

  it('starts from the template named in the URL', async () => {
    expect(await s.page.getByTestId('design-title').textContent()).toBe('Tiny U-Net');
    expect(await s.canvas.nodeIds()).toHaveLength(13);
    expect(new URL(s.page.url()).search).toBe('');
  });

  it('imports a ModelManager config file and shows its graph', async () => {
    await files.open(fixture('groupnorm.model-manager.yaml'));
    await expect.poll(() => files.message().getAttribute('data-kind')).toBe('info');
    expect(await s.canvas.nodeIds()).toHaveLength(13);
    expect(await s.canvas.edgeCount()).toBe(14);
    const labels = await s.canvas.edgeLabels();
    expect(labels).toContain('1×256×256');
    expect(labels).toContain('32×64×64');
    await s.exportPanel.open();
    expect(await s.exportPanel.text('model-manager-yaml')).toBe(
      readFileSync(fixture('groupnorm.model-manager.yaml'), 'utf8'),
    );
    await s.exportPanel.close();
  });

  it('rejects a malformed file, naming the bad field, and keeps the design', async () => {
    await s.exportPanel.open();
    const before = await s.exportPanel.text('design');
    await s.exportPanel.close();
    await files.open(fixture('bad-features.model-manager.yaml'));
    await expect.poll(() => files.message().getAttribute('data-kind')).toBe('error');
    expect(await files.message().textContent()).toMatch(/model\.parameters\.features\[1\]/);
    await files.open(fixture('foreign.json'));
    await expect
      .poll(() => files.message().textContent())
      .toMatch(/format: "excalidraw\/clipboard" is not a U-Net Studio design/);
    await files.drop(fixture('foreign.json'));
    await expect.poll(() => files.message().textContent()).toMatch(/not a U-Net Studio design/);
    await s.exportPanel.open();
    expect(await s.exportPanel.text('design')).toBe(before);
    await s.exportPanel.close();
  });

  it('imports a UNetParams file dropped on the canvas', async () => {
    await files.drop(fixture('ecg.unet-params.json'), 'application/json');
    await expect.poll(() => files.message().getAttribute('data-kind')).toBe('info');
    const labels = await s.canvas.edgeLabels();
    expect(labels).toContain('1×256');
    expect(labels.every((l) => /^\d+×\d+$/.test(l))).toBe(true);
  });

  it('imports a pasted create_model line', async () => {
    await files.importText(
      "model_manager.create_model('unet', in_channels=3, out_channels=1, features=[16, 32, 64, 128], bilinear=False)",
    );
    await expect.poll(() => s.canvas.nodeIds()).toHaveLength(18);
    await files.importText("create_model('unet', features=[16, 'many'])");
    await expect.poll(() => files.message().textContent()).toMatch(/features\[1\]/);
    expect(await s.canvas.nodeIds()).toHaveLength(18);
  });

  it('exports SVG and PNG images that reopen the design when dropped back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'unet-studio-e2e-'));
    await s.exportPanel.open();
    const design = await s.exportPanel.text('design');
    for (const kind of ['svg', 'png'] as const) {
      const download = s.page.waitForEvent('download');
      await s.page.getByTestId(`export-${kind}`).click();
      const path = join(dir, `design.${kind}`);
      await (await download).saveAs(path);
      const head = readFileSync(path).subarray(0, 8);
      if (kind === 'png') expect([...head]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
      else expect(readFileSync(path, 'utf8')).toMatch(/<metadata id="unet-studio-design"/);
      await s.page.getByTestId('open-templates').click();
      await s.page.getByTestId('template-blank').click();
      expect(await s.canvas.nodeIds()).toHaveLength(0);
      await files.drop(path, kind === 'png' ? 'image/png' : 'image/svg+xml');
      await expect.poll(() => s.canvas.nodeIds()).toHaveLength(18);
      await s.exportPanel.open();
      expect(await s.exportPanel.text('design')).toBe(design);
    }
    expect(s.errors).toEqual([]);
  });
});
