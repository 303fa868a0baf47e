/**
 * Chromium for the training specs and the browser benchmark: like the harness's, but with
 * WebGL rendered by SwiftShader (no GPU needed), so the webgl backend runs headless.
 */
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM } from './harness';

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
