/**
 * Chromium for the training specs and the browser benchmark: like the harness's, but with
 * WebGL rendered by SwiftShader (no GPU needed), so the webgl backend runs headless.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, newContext, openPage } from './harness';
import { TrainingPanel } from './pages/TrainingPanel';

/** Flags: headless, WebGL on SwiftShader, nothing that reaches the network. */
export const WEBGL_CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launches Chromium with software WebGL. */
export function launchWebglBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: WEBGL_CHROMIUM_ARGS, headless: true });
}

/**
 * Launches Chromium with software WebGL and WebGPU turned on (`--enable-unsafe-webgpu`): without
 * a GPU, headless Chromium then offers SwiftShader's WebGPU adapter.
 */
export function launchWebgpuBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [...WEBGL_CHROMIUM_ARGS, '--enable-unsafe-webgpu'],
    headless: true,
  });
}

/** A training spec's page: its own WebGL browser, a fresh context, and the training panel. */
export interface TrainingPage {
  readonly browser: Browser;
  readonly page: Page;
  /** Uncaught page errors and console errors seen so far. */
  readonly errors: string[];
  readonly panel: TrainingPanel;
}

/** Launches Chromium with software WebGL and opens the app at `url` in a fresh context. */
export async function openTrainingPage(url: string): Promise<TrainingPage> {
  const browser = await launchWebglBrowser();
  const { page, errors } = await openPage(await newContext(browser), url);
  return { browser, page, errors, panel: new TrainingPanel(page) };
}
