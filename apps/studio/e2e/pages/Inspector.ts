/**
 * Page object: the inspector and its generated params form.
 */
import type { Locator, Page } from 'playwright-core';

/** Edits the selected node's params. */
export class Inspector {
  constructor(private readonly page: Page) {}

  /** The inspector panel. */
  root(): Locator {
    return this.page.getByTestId('inspector');
  }

  /** The control of a param (`filters`, `norm.type`, …). */
  field(path: string): Locator {
    return this.page.getByTestId(`field-${path}`);
  }

  /** Types a value into a text param. */
  async set(path: string, value: string): Promise<void> {
    await this.field(path).fill(value);
  }

  /** Chooses an option of an enum param. */
  async choose(path: string, value: string): Promise<void> {
    await this.field(path).selectOption(value);
  }

  /** The validation message under a field, if any. */
  error(path: string): Locator {
    return this.page.getByTestId(`field-error-${path}`);
  }
}
