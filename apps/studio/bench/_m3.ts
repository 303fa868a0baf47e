import { serializeDesign } from '@unet-studio/compiler';
import { launchBrowser, newContext, openPage } from '../e2e/harness';
import { encodeShareHash } from '../src/io/shareLink';
import { chainFor, generateDesign } from './generateDesign';
import { editToDiagnostics } from './measure';
import { serveBuild } from './serve';
const { server, url } = await serveBuild(process.argv[2]!);
const b = await launchBrowser(); const c = await newContext(b);
const { page } = await openPage(c, url + encodeShareHash(serializeDesign(generateDesign(chainFor(500)))));
await page.locator('.react-flow__node[data-id="pool1"]').waitFor();
await page.waitForTimeout(1500);
await page.evaluate(() => ((globalThis as any).__name = (f: unknown) => f));
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const kind of ['global', 'local', 'global']) {
  if (kind === 'local') { await page.locator('.react-flow__node[data-id="output"] .layer-node-name').click(); }
  await page.evaluate(() => ((globalThis as any).__t = { c: [], n: [] }));
  const sel = kind === 'local' ? '[data-testid="field-activation"]' : '[data-testid="totals-input-size"]';
  const times = await page.evaluate(editToDiagnostics, { selector: sel, values: kind === 'local' ? ['softmax','none'] : ['120 × 120', '128 × 128'], reps: 20 });
  const t = await page.evaluate(() => (globalThis as any).__t as { c: number[]; n: number[] });
  console.log(kind, "edit", med(times).toFixed(1), "compile+derive", med(t.c).toFixed(1), "notify nodes", med(t.n).toFixed(1), "edges", med((t as any).e).toFixed(1));
}
await b.close(); await server.close();
