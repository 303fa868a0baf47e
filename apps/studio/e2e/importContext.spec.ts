/**
 * A heliaEDGE UNet section alone does not say its input size or class count (the kits keep them in
 * the task config): opening one asks for them, then shows the design; Cancel changes nothing.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Files } from './pages/Files';
import { openSession, type Session } from './session';

const SECTION = fileURLToPath(
  new URL(
    '../../../packages/compiler/fixtures/heliaedge-kits/heartkit-segmentation-class-4-unet.architecture.json',
    import.meta.url,
  ),
);

describe('importing a heliaEDGE section that lacks its context', () => {
  let s: Session;
  let files: Files;

  beforeAll(async () => {
    s = await openSession('?template=tiny');
    files = new Files(s.page);
  });
  afterAll(async () => {
    await s.close();
  });

  const dialog = () => s.page.getByTestId('import-context-dialog');
  const title = () => s.page.getByTestId('design-title').textContent();

  it('asks for the input size and classes, and Cancel keeps the design that was open', async () => {
    await files.open(SECTION);
    await expect.poll(() => dialog().isVisible()).toBe(true);
    expect(await s.page.getByRole('dialog', { name: 'Input size and classes' }).count()).toBe(1);
    expect(await dialog().getByLabel('Input length').inputValue()).toBe('256');
    expect(await dialog().getByLabel('Channels').inputValue()).toBe('1');
    expect(await dialog().getByLabel('Classes').inputValue()).toBe('');
    await s.page.getByTestId('import-context-cancel').click();
    await expect.poll(() => dialog().count()).toBe(0);
    expect(await title()).toBe('Tiny U-Net');
    expect(await s.canvas.nodeIds()).toHaveLength(13);
    expect(await files.message().count()).toBe(0);
  });

  it('names an invalid field, then imports with the values given', async () => {
    await files.open(SECTION);
    await expect.poll(() => dialog().isVisible()).toBe(true);
    await s.page.getByTestId('import-classes').fill('0');
    await s.page.getByTestId('import-context-ok').click();
    expect(await s.page.getByTestId('import-classes').getAttribute('aria-invalid')).toBe('true');
    expect(await dialog().textContent()).toContain('Classes must be a whole number from 1 to');
    await s.page.getByTestId('import-input-size').fill('256');
    await s.page.getByTestId('import-classes').fill('4');
    await s.page.getByTestId('import-context-ok').click();
    await expect.poll(() => dialog().count()).toBe(0);
    await expect.poll(() => files.message().getAttribute('data-kind')).toBe('info');
    expect(await title()).toBe('UNet (heliaEDGE)');
    expect(await s.canvas.edgeLabels()).toContain('1×256');
    expect(await s.canvas.shapeOf('output')).toBe('4×256');
    expect(await s.problems.errorCodes()).toEqual([]);
    expect(s.errors).toEqual([]);
  });

  it('asks for a dropped section too, and Escape cancels it', async () => {
    await files.drop(SECTION, 'application/json');
    await expect.poll(() => dialog().isVisible()).toBe(true);
    await s.page.getByTestId('import-input-size').press('Escape');
    await expect.poll(() => dialog().count()).toBe(0);
    expect(await title()).toBe('UNet (heliaEDGE)');
    expect(await s.canvas.shapeOf('output')).toBe('4×256');
  });
});
