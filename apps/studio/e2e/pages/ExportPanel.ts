/**
 * Page object: the export panel.
 */
import type { Locator, Page } from 'playwright-core';

/** Opens the export panel and reads its live outputs. */
export class ExportPanel {
  constructor(private readonly page: Page) {}

  /** Opens the panel when closed. */
  async open(): Promise<void> {
    if (!(await this.page.getByTestId('export-panel').isVisible()))
      await this.page.getByTestId('open-export').click();
  }

  /** Closes the panel when open. */
  async close(): Promise<void> {
    if (await this.page.getByTestId('export-panel').isVisible())
      await this.page.getByTestId('open-export').click();
  }

  /** The output of a format (`model-manager`, `model-manager-yaml`, `design`, …). */
  output(format: string): Locator {
    return this.page.getByTestId(`export-${format}`);
  }

  /** The text of a format's output. */
  async text(format: string): Promise<string> {
    return (await this.output(format).textContent()) ?? '';
  }
}
