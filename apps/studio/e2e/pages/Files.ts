/**
 * Page object: opening, importing and dropping files, and the message bar.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Locator, Page } from 'playwright-core';

/** Opens files the ways a user does and reads the app's answer. */
export class Files {
  constructor(private readonly page: Page) {}

  /** The message bar. */
  message(): Locator {
    return this.page.getByTestId('message');
  }

  /** Opens a file through the Designs panel's file picker. */
  async open(path: string): Promise<void> {
    if (!(await this.page.getByTestId('designs').isVisible()))
      await this.page.getByTestId('open-designs').click();
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByTestId('open-file').click();
    await (await chooser).setFiles(path);
  }

  /** Pastes text into the Designs panel's import box and imports it. */
  async importText(text: string): Promise<void> {
    if (!(await this.page.getByTestId('designs').isVisible()))
      await this.page.getByTestId('open-designs').click();
    await this.page.getByTestId('import-text').fill(text);
    await this.page.getByTestId('import-submit').click();
  }

  /** Drops a file (as the browser's drag-and-drop does) on the canvas. */
  async drop(path: string, mime = 'application/octet-stream'): Promise<void> {
    const bytes = [...readFileSync(path)];
    const transfer = await this.page.evaluateHandle(
      ({ bytes: b, name, type }) => {
        const dt = new DataTransfer();
        dt.items.add(new File([new Uint8Array(b)], name, { type }));
        return dt;
      },
      { bytes, name: basename(path), type: mime },
    );
    await this.page.getByTestId('canvas').dispatchEvent('drop', { dataTransfer: transfer });
  }
}
