/**
 * The export panel warns when the target system cannot run what a format expresses: a
 * ModelManager config with `bilinear: false` runs in U-Net Studio but crashes the real platform
 * on its first forward pass, and the panel says so with both parameter counts.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Files } from './pages/Files';
import { openSession, type Session } from './session';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

describe('export warnings', () => {
  let s: Session;

  beforeAll(async () => {
    s = await openSession('?template=tiny');
  });
  afterAll(async () => {
    await s.close();
  });

  it('warns beside every ModelManager spelling of a bilinear=False design', async () => {
    await s.exportPanel.open();
    for (const format of ['model-manager', 'model-manager-yaml', 'model-manager-python']) {
      const warning = s.page.getByTestId(`export-warning-${format}`);
      await expect.poll(() => warning.isVisible()).toBe(true);
      const text = (await warning.textContent()) ?? '';
      expect(text).toContain('bilinear: false crashes the real platform on its first forward pass');
      expect(text).toContain("(29,625 parameters; the platform's module holds 35,717)");
    }
    expect(await s.exportPanel.text('model-manager-yaml')).toContain('bilinear: false');
    expect(await s.page.getByTestId('export-warning-unet-params').count()).toBe(0);
    expect(await s.page.getByTestId('export-warning-design').count()).toBe(0);
    await s.exportPanel.close();
  });

  it('says nothing for a bilinear config', async () => {
    await new Files(s.page).open(fixture('groupnorm.model-manager.yaml'));
    await s.exportPanel.open();
    await expect
      .poll(() => s.exportPanel.text('model-manager-yaml'))
      .toContain('normalization: groupnorm');
    expect(await s.page.getByTestId('export-warning-model-manager').count()).toBe(0);
    await s.exportPanel.close();
  });
});
