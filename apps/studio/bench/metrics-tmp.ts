import { serializeDesign } from '@unet-studio/compiler';
import { launchBrowser, newContext, openPage, startPreview } from '../e2e/harness';
import { encodeShareHash } from '../src/io/shareLink';
import { chainFor, generateDesign } from './generateDesign';
const big = generateDesign(chainFor(500));
const { server, url } = await startPreview();
const browser = await launchBrowser();
try {
  const ctx = await newContext(browser);
  const { page } = await openPage(ctx, url + encodeShareHash(serializeDesign(big)));
  await page.locator('.react-flow__node[data-id="pool1"]').waitFor();
  if (process.argv[2]) await page.addStyleTag({ content: process.argv[2] });
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Performance.enable');
  const m = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]));
  const box = (await page.locator('.react-flow__node[data-id="pool1"]').boundingBox())!;
  await page.mouse.move(box.x + 5, box.y + 3); await page.mouse.down();
  const a = await m();
  for (let i = 1; i <= 60; i++) { await page.mouse.move(box.x + 5 + i, box.y + 3 + i); await page.waitForTimeout(16); }
  const b = await m();
  await page.mouse.up();
  for (const k of ['TaskDuration','ScriptDuration','LayoutDuration','RecalcStyleDuration','LayoutCount','RecalcStyleCount','Nodes','JSHeapUsedSize']) console.log(k, ((b[k]-a[k]) * (k.endsWith('Duration') ? 1000/60 : 1)).toFixed(2));
} finally { await browser.close(); await server.close(); }
