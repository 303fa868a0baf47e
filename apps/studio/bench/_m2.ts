import { serializeDesign } from '@unet-studio/compiler';
import { launchBrowser, newContext, openPage } from '../e2e/harness';
import { encodeShareHash } from '../src/io/shareLink';
import { chainFor, generateDesign } from './generateDesign';
import { serveBuild } from './serve';
const { server, url } = await serveBuild(process.argv[2]!);
const b = await launchBrowser(); const c = await newContext(b);
const { page } = await openPage(c, url + encodeShareHash(serializeDesign(generateDesign(chainFor(500)))));
await page.locator('.react-flow__node[data-id="pool1"]').waitFor();
await page.waitForTimeout(1500);
for (const v of ['120 × 120', '128 × 128', '120 × 120', '128 × 128']) {
  const r = await page.evaluate(async (v) => {
    const g = globalThis as any; g.__rc = {}; g.__ct = [];
    const el = document.querySelector<HTMLInputElement>('[data-testid="totals-input-size"]')!;
    el.focus(); el.select(); const t0 = performance.now(); document.execCommand('insertText', false, v); const t1 = performance.now();
    const rc = { ...g.__rc }; const ct = [...g.__ct];
    await new Promise((r) => setTimeout(r, 300)); return { sync: t1 - t0, rc, ct, later: g.__rc };
  }, v);
  console.log(JSON.stringify(r));
}
await b.close(); await server.close();
