import { launchBrowser, newContext, openPage, startPreview } from './harness';
import { Canvas } from './pages/Canvas';
import { Palette } from './pages/Palette';
const { server, url } = await startPreview();
const browser = await launchBrowser();
try {
  const ctx = await newContext(browser);
  const { page, errors } = await openPage(ctx, url);
  const canvas = new Canvas(page);
  const palette = new Palette(page, canvas);
  const ids: string[] = [];
  for (let i = 0; i < 6; i++) ids.push(await palette.drop(i % 2 ? 'conv' : 'pool', 30 + (i % 4) * 215 + 90, 20 + Math.floor(i / 4) * 125 + 30));
  await page.screenshot({ path: '/tmp/dbg1.png' });
  await canvas.connect(ids[0]!, ids[1]!);
  await canvas.connect(ids[1]!, ids[2]!);
  await page.screenshot({ path: '/tmp/dbg2.png' });
  console.log(await canvas.edgeCount(), errors);
} finally {
  await browser.close();
  await server.close();
}
