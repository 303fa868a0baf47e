/**
 * Page object: the Designs panel's library (list, search, rename, duplicate, delete), version
 * history, records that could not be opened, and the read-only / no-storage banner.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';

/** Drives the document library the way a user does. */
export class Designs {
  constructor(private readonly page: Page) {}

  /** Opens the Designs panel when closed. */
  async open(): Promise<void> {
    if (!(await this.page.getByTestId('designs').isVisible()))
      await this.page.getByTestId('open-designs').click();
    await this.page.getByTestId('designs-list').waitFor();
  }

  /** The names listed, in order (most recent first). */
  async names(): Promise<string[]> {
    await this.open();
    return this.page.getByTestId('design-open').allTextContents();
  }

  /** The list item of design `name`. */
  item(name: string): Locator {
    return this.page
      .getByTestId('design-item')
      .filter({ has: this.page.getByTestId('design-open').getByText(name, { exact: true }) });
  }

  /** Opens design `name` in this tab. */
  async openDesign(name: string): Promise<void> {
    await this.open();
    await this.item(name).getByTestId('design-open').click();
  }

  /** Renames design `name`. */
  async rename(name: string, to: string): Promise<void> {
    await this.open();
    await this.item(name).getByTestId('design-rename').click();
    await this.page.getByTestId('rename-input').fill(to);
    await this.page.getByTestId('rename-input').press('Enter');
  }

  /** Closes the Designs panel when open. */
  async close(): Promise<void> {
    if (await this.page.getByTestId('designs').isVisible())
      await this.page.getByTestId('designs').getByRole('button', { name: 'Close' }).click();
  }

  /** Duplicates design `name` (with what is stored with it). */
  async duplicate(name: string): Promise<void> {
    await this.open();
    await this.item(name).getByTestId('design-duplicate').click();
  }

  /** Deletes design `name` (to Recently deleted). */
  async remove(name: string): Promise<void> {
    await this.open();
    await this.item(name).getByTestId('design-delete').click();
  }

  /** Types into the search box. */
  async search(text: string): Promise<void> {
    await this.open();
    await this.page.getByTestId('designs-search').fill(text);
  }

  /** The summaries of the open design's versions, newest first. */
  async history(): Promise<string[]> {
    await this.open();
    return this.page.getByTestId('history-summary').allTextContents();
  }

  /** Restores the `index`-th version (0: newest). */
  async restore(index: number): Promise<void> {
    await this.page.getByTestId('history-restore').nth(index).click();
  }

  /** The records listed as could-not-be-opened: name and reason. */
  async unreadable(): Promise<string[]> {
    await this.open();
    return this.page.getByTestId('unreadable-item').allTextContents();
  }

  /** Downloads the raw text of the `index`-th unreadable record and returns it. */
  async downloadUnreadable(index: number): Promise<string> {
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId('unreadable-download').nth(index).click();
    return readFileSync(await (await download).path(), 'utf8');
  }

  /** The banner shown when this tab does not save (`read-only` or `unsaved`), or null. */
  async bannerMode(): Promise<string | null> {
    const banner = this.page.getByTestId('document-banner');
    return (await banner.isVisible()) ? banner.getAttribute('data-mode') : null;
  }

  /** The open design's title in the top bar. */
  title(): Promise<string | null> {
    return this.page.getByTestId('design-title').textContent();
  }

  /** Waits until the autosave has written the latest change. */
  async saved(): Promise<void> {
    await this.page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
  }
}
