import { serializeDesign } from '@unet-studio/compiler';
import { writeFileSync } from 'node:fs';
import { launchBrowser, newContext, openPage, startPreview } from '../e2e/harness';
import { encodeShareHash } from '../src/io/shareLink';
import { chainFor, generateDesign } from './generateDesign';
import { editToDiagnostics } from './measure';
const big = generateDesign(chainFor(500));
const { server, url } = await startPreview();
const browser = await launchBrowser();
const mode = process.argv[2] ?? 'drag';
try {
  const ctx = await newContext(browser);
  const { page } = await openPage(ctx, url + encodeShareHash(serializeDesign(big)));
  await page.locator('.react-flow__node[data-id="pool1"]').waitFor();
  await page.evaluate(() => ((globalThis as any).__name = (f: unknown) => f));
  await page.locator('.react-flow__node[data-id="output"] .layer-node-name').click();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  if (mode === 'edit') {
    await page.evaluate(editToDiagnostics, { selector: '[data-testid="field-activation"]', values: ['softmax', 'none'], reps: 20 });
  } else {
    const box = (await page.locator('.react-flow__node[data-id="pool1"]').boundingBox())!;
    await page.mouse.move(box.x + 5, box.y + 3); await page.mouse.down();
    for (let i = 1; i <= 60; i++) { await page.mouse.move(box.x + 5 + i, box.y + 3 + i); await page.waitForTimeout(16); }
    await page.mouse.up();
  }
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync('/tmp/p.cpuprofile', JSON.stringify(profile));
} finally { await browser.close(); await server.close(); }
