import { serializeDesign } from '@unet-studio/compiler';
import { launchBrowser, newContext, openPage } from '../e2e/harness';
import { encodeShareHash } from '../src/io/shareLink';
import { chainFor, generateDesign } from './generateDesign';
import { editToDiagnostics } from './measure';
import { serveBuild } from './serve';
const dirs = process.argv.slice(2);
const served = await Promise.all(dirs.map((d) => serveBuild(d)));
const b = await launchBrowser();
const q = encodeShareHash(serializeDesign(generateDesign(chainFor(500))));
const res: Record<string, { g: number[]; l: number[] }> = {};
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (let round = 0; round < 3; round++) {
  for (let k = 0; k < dirs.length; k++) {
    const i = round % 2 ? dirs.length - 1 - k : k;
    const c = await newContext(b);
    const { page } = await openPage(c, served[i]!.url + q);
    await page.locator('.react-flow__node[data-id="pool1"]').waitFor();
    await page.waitForTimeout(1000);
    await page.evaluate(() => ((globalThis as any).__name = (f: unknown) => f));
    const g = await page.evaluate(editToDiagnostics, { selector: '[data-testid="totals-input-size"]', values: ['120 × 120', '128 × 128'], reps: 20 });
    await page.locator('.react-flow__node[data-id="output"] .layer-node-name').click();
    const l = await page.evaluate(editToDiagnostics, { selector: '[data-testid="field-activation"]', values: ['softmax', 'none'], reps: 20 });
    const r = (res[dirs[i]!] ??= { g: [], l: [] }); r.g.push(...g); r.l.push(...l);
    await c.close();
  }
}
for (const d of dirs) console.log(d, 'global', med(res[d]!.g).toFixed(1), 'local', med(res[d]!.l).toFixed(1));
await b.close(); for (const s of served) await s.server.close();
