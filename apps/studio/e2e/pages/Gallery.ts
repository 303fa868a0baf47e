/**
 * Page object: the template gallery (cards with a thumbnail, a plain-language line and figures).
 */
import type { Locator, Page } from 'playwright-core';

/** Opens and reads the template gallery. */
export class Gallery {
  constructor(private readonly page: Page) {}

  /** Opens the gallery from the toolbar. */
  async open(): Promise<void> {
    await this.page.getByTestId('open-templates').click();
    await this.page.getByTestId('templates').waitFor();
  }

  /** The card of template `name`. */
  card(name: string): Locator {
    return this.page.getByTestId(`template-card-${name}`);
  }

  /** Every template card. */
  cards(): Locator {
    return this.page.locator('[data-testid^="template-card-"]');
  }

  /** Names of the cards whose content is wider or taller than the card (text overflowing). */
  async overflowing(): Promise<string[]> {
    return this.cards().evaluateAll((cards) =>
      cards
        .filter((c) =>
          [c, ...c.querySelectorAll('*')].some(
            (e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflow !== 'hidden',
          ),
        )
        .map((c) => c.getAttribute('data-testid') ?? ''),
    );
  }
}
