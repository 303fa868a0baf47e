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
for (let k = 0; k < 4; k++) {
  const r = await page.evaluate(async (k) => {
    const shapes = [...document.querySelectorAll<HTMLElement>('.layer-node-shape, .edge-label')];
    const t0 = performance.now();
    for (const el of shapes) { const t = el.firstChild as Text; t.data = t.data + (k % 2 ? '' : ' '); }
    const t1 = performance.now();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const t2 = performance.now();
    return { n: shapes.length, writes: t1 - t0, frame: t2 - t1 };
  }, k);
  console.log(JSON.stringify(r));
}
await b.close(); await server.close();
