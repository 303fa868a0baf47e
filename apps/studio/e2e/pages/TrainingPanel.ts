/**
 * Page object: the training panel (settings, Train/Stop, status, metrics, preview, prediction),
 * the right column's "Train" tab, and its comparison of kept runs.
 */
import type { Locator, Page } from 'playwright-core';

/** The latest epoch's figures as the panel shows them. */
export interface EpochFigures {
  readonly epoch: number;
  readonly loss: number;
  readonly dice: number;
}

/** Pixel counts of one predicted-mask canvas. */
export interface MaskPixels {
  readonly foreground: number;
  readonly background: number;
}

/** Drives and reads the training panel. */
export class TrainingPanel {
  constructor(private readonly page: Page) {}

  /** The panel. */
  root(): Locator {
    return this.page.getByTestId('training');
  }

  /** Shows the right column's Train tab (the inspector's tab is the first one shown). */
  async open(): Promise<void> {
    const sidebar = this.page.getByTestId('sidebar');
    await sidebar.waitFor();
    if ((await sidebar.getAttribute('data-tab')) !== 'train') {
      await this.page.getByTestId('tab-train').click();
    }
    await this.page.getByTestId('train-panel').waitFor();
  }

  /** Types `value` into a settings field (`train-epochs`, `train-size-0`…), on the Train tab. */
  async set(testId: string, value: string): Promise<void> {
    await this.open();
    await this.page.getByTestId(testId).fill(value);
  }

  /** Small, quick settings (32×32, 24 samples, batch 4) for `epochs` epochs on `backend`. */
  async quickSettings(
    epochs: number,
    backend?: 'webgl' | 'webgpu' | 'wasm' | 'cpu',
  ): Promise<void> {
    await this.set('train-size-0', '32');
    await this.set('train-size-1', '32');
    await this.set('train-samples', '24');
    await this.set('train-batch', '4');
    await this.set('train-epochs', String(epochs));
    await this.set('train-lr', '0.003');
    if (backend) await this.page.getByTestId('train-backend-choice').selectOption(backend);
  }

  /** What the panel says about the backend that runs (e.g. `wasm, 2 threads, SIMD`). */
  async backendSummary(): Promise<string> {
    await this.backend();
    return (await this.page.locator('.train-backend-line').getAttribute('title')) ?? '';
  }

  /** Presses Train (on the Train tab). */
  async train(): Promise<void> {
    await this.open();
    await this.page.getByTestId('train').click();
  }

  /** Presses Stop. */
  async stop(): Promise<void> {
    await this.page.getByTestId('train-stop').click();
  }

  /** The backend name shown once the worker has started one. */
  async backend(): Promise<string> {
    const label = this.page.getByTestId('train-backend');
    await label.waitFor({ timeout: 120_000 });
    return (await label.textContent()) ?? '';
  }

  /** Waits until the run reaches `phase` (`finished`, `failed`, `training`…). */
  async waitForPhase(phase: string, timeout = 300_000): Promise<void> {
    await this.page
      .locator(`[data-testid="train-status"][data-phase="${phase}"]`)
      .waitFor({ timeout });
  }

  /** Waits until the weights of epoch `epoch` (or later) are saved. */
  async waitForSavedEpoch(epoch: number, timeout = 300_000): Promise<void> {
    await this.page.waitForFunction(
      (n) =>
        Number(
          document
            .querySelector('[data-testid="train-status"]')
            ?.getAttribute('data-saved-epoch') || 0,
        ) >= n,
      epoch,
      { timeout, polling: 200 },
    );
  }

  /** The run's phase, status (`completed` / `stopped` when finished) and failure text. */
  async status(): Promise<{ phase: string; status: string; text: string }> {
    const root = this.page.getByTestId('train-status');
    return {
      phase: (await root.getAttribute('data-phase')) ?? '',
      status: (await root.getAttribute('data-status')) ?? '',
      text: (await this.page.getByTestId('train-phase').textContent()) ?? '',
    };
  }

  /** Waits for epoch `epoch`'s metrics and reads them. */
  async epochFigures(epoch: number, timeout = 300_000): Promise<EpochFigures> {
    const metrics = this.page.locator(`[data-testid="train-metrics"][data-epoch="${epoch}"]`);
    await metrics.waitFor({ timeout });
    const read = async (name: string) => Number(await metrics.getAttribute(name));
    return { epoch, loss: await read('data-loss'), dice: await read('data-dice') };
  }

  /** Foreground (white) and background (black) pixels of each predicted-mask canvas. */
  async predictedMasks(): Promise<MaskPixels[]> {
    return this.page
      .getByTestId('train-preview')
      .locator('canvas[data-role="mask"]')
      .evaluateAll((canvases) =>
        (canvases as HTMLCanvasElement[]).map((c) => {
          const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
          let foreground = 0;
          let background = 0;
          for (let i = 0; i < data.length; i += 4) {
            if (data[i]! > 127) foreground++;
            else background++;
          }
          return { foreground, background };
        }),
      );
  }

  /**
   * Uploads a PNG (bytes) for prediction (at full size, as the panel's options say) and waits
   * for its result's foreground share.
   */
  async predict(png: Buffer, name = 'probe.png'): Promise<number> {
    const result = this.page.getByTestId('predict-result');
    const before = (await result.count()) > 0 ? await result.getAttribute('data-prediction') : '';
    // Browser- and server-trained models share the prediction view and its `predict-input`.
    await this.page
      .getByTestId('predict-input')
      .setInputFiles({ name, mimeType: 'image/png', buffer: png });
    const next = this.page.locator(
      `[data-testid="predict-result"]:not([data-prediction="${before ?? ''}"])`,
    );
    await next.waitFor({ timeout: 180_000 });
    return Number(await next.getAttribute('data-foreground'));
  }

  /** The run comparison's overlaid charts and the series names of each one's legend. */
  async compareCharts(): Promise<{ canvases: number; legend: string[] }[]> {
    const charts = this.page.getByTestId('run-compare-chart');
    return charts.evaluateAll((els) =>
      els.map((el) => ({
        canvases: el.querySelectorAll('canvas').length,
        legend: [...el.querySelectorAll('.u-legend .u-series th')].map((th) =>
          (th.textContent ?? '').trim(),
        ),
      })),
    );
  }

  /** The values the legends of the run comparison show (no pointer over the charts). */
  async compareLegendValues(): Promise<string[]> {
    return this.page
      .getByTestId('run-compare-chart')
      .locator('.u-legend .u-series td.u-value')
      .allTextContents();
  }
}
