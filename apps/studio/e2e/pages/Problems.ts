/**
 * Page object: the problems panel.
 */
import type { Locator, Page } from 'playwright-core';

/** One problem row as the test reads it. */
export interface ProblemRow {
  readonly code: string;
  readonly node: string | null;
  readonly text: string;
}

/** Reads problems and applies fixes. */
export class Problems {
  constructor(private readonly page: Page) {}

  /** The panel. */
  root(): Locator {
    return this.page.getByTestId('problems');
  }

  /** Every listed problem. */
  async rows(): Promise<ProblemRow[]> {
    return this.root()
      .locator('[data-testid^="problem-"][data-code]')
      .evaluateAll((els) =>
        els.map((e) => ({
          code: e.getAttribute('data-code') ?? '',
          node: e.getAttribute('data-node'),
          text: e.textContent ?? '',
        })),
      );
  }

  /** Codes of the error-severity problems. */
  async errorCodes(): Promise<string[]> {
    return this.root()
      .locator('.problem-error')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-code') ?? ''));
  }

  /** Clicks the fix button of the problem `code` on `node`. */
  async fix(code: string, node: string): Promise<void> {
    await this.root().getByTestId(`fix-${code}-${node}`).click();
  }

  /** Clicks a problem's text (selects and centres its node). */
  async open(code: string, node: string): Promise<void> {
    await this.root().locator(`[data-code="${code}"][data-node="${node}"] .problem-main`).click();
  }
}
