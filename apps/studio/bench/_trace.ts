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
const cdp = await c.newCDPSession(page);
const events: any[] = [];
cdp.on('Tracing.dataCollected', (d: any) => events.push(...d.value));
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing', transferMode: 'ReportEvents' });
const sel = process.argv[3] === 'local' ? '[data-testid="field-activation"]' : '[data-testid="totals-input-size"]';
if (process.argv[3] === 'local') { await page.locator('.react-flow__node[data-id="output"] .layer-node-name').click(); }
const times = await page.evaluate(editToDiagnostics, { selector: sel, values: process.argv[3] === 'local' ? ['softmax','none'] : ['120 × 120', '128 × 128'], reps: 6 });
await cdp.send('Tracing.end'); await done;
console.log('measured', times.map((t) => t.toFixed(1)).join(' '));
// main thread: find renderer main thread tid via thread_name
const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
const tasks = mine.filter((e) => e.name === 'RunTask' && e.dur > 3000).sort((a, b) => a.ts - b.ts);
for (const t of tasks) {
  const inside = mine.filter((e) => e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur && e !== t);
  const agg: Record<string, number> = {};
  for (const e of inside) if (['FunctionCall','EventDispatch','Layout','UpdateLayoutTree','Paint','PrePaint','Layerize','Commit','TimerFire','FireAnimationFrame','RunMicrotasks','ParseHTML','EvaluateScript','MajorGC','MinorGC','V8.GC_SCAVENGER','HitTest','IntersectionObserverController::computeIntersections','ResizeObserverController::DeliverObservations', 'UpdateLayer','ScheduleStyleRecalculation'].includes(e.name)) agg[e.name] = (agg[e.name] ?? 0) + e.dur / 1000;
  const top = inside.filter((e) => !inside.some((p) => p !== e && p.ts <= e.ts && p.ts + p.dur >= e.ts + e.dur && p.dur > e.dur)).map((e) => `${e.name}${e.args?.data?.type ? ':' + e.args.data.type : ''}${e.args?.data?.functionName ? ':' + e.args.data.functionName : ''} ${(e.dur/1000).toFixed(1)}`);
  console.log(`task ${(t.dur / 1000).toFixed(1)} ms: ${top.join(', ')} || ${Object.entries(agg).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
}
await b.close(); await server.close();
