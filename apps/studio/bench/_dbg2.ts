import { serializeDesign } from '@unet-studio/compiler';
import { launchBrowser, newContext, openPage } from '../e2e/harness';
import { encodeShareHash } from '../src/io/shareLink';
import { chainFor, generateDesign } from './generateDesign';
import { serveBuild } from './serve';
const { server, url } = await serveBuild(process.argv[2]!);
const b = await launchBrowser();
const c = await newContext(b);
const { page } = await openPage(
  c,
  url + encodeShareHash(serializeDesign(generateDesign(chainFor(500)))),
);
await page.locator('.react-flow__node[data-id="pool1"]').waitFor();
await page.waitForTimeout(1500);
for (const v of ['120 × 120', '128 × 128', '120 × 120']) {
  const r = await page.evaluate(async (v) => {
    const tally: Record<string, number> = {};
    const root = document.querySelector('[data-testid="app"]')!;
    const mo = new MutationObserver((recs) => {
      for (const m of recs) {
        const t = m.target as Element;
        const cls = (t.nodeType === 1 ? t.className : (t.parentElement?.className ?? '')) + '';
        const k = `${m.type}:${m.attributeName ?? ''}:${cls.split(' ')[0]}`;
        tally[k] = (tally[k] ?? 0) + 1;
      }
    });
    mo.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    const el = document.querySelector<HTMLInputElement>('[data-testid="totals-input-size"]')!;
    el.focus();
    el.select();
    const t0 = performance.now();
    document.execCommand('insertText', false, v);
    const t1 = performance.now();
    await new Promise((r) => setTimeout(r, 500));
    mo.disconnect();
    return { sync: t1 - t0, tally };
  }, v);
  console.log(JSON.stringify(r));
}
await b.close();
await server.close();
