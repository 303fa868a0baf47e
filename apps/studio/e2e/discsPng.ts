/**
 * A test image for prediction, drawn by the page: bright discs on a dark gradient, as a PNG.
 */
import type { Page } from 'playwright-core';

/** A `width × height` PNG drawn by the page: bright discs on a dark gradient. */
export async function discsPng(page: Page, width = 1000, height = 700): Promise<Buffer> {
  const url = await page.evaluate(
    ([width, height]) => {
      const c = document.createElement('canvas');
      c.width = width!;
      c.height = height!;
      const g = c.getContext('2d')!;
      const bg = g.createLinearGradient(0, 0, width!, height!);
      bg.addColorStop(0, '#101010');
      bg.addColorStop(1, '#404040');
      g.fillStyle = bg;
      g.fillRect(0, 0, width!, height!);
      g.fillStyle = '#f0f0f0';
      for (const [x, y, r] of [
        [200, 150, 60],
        [650, 420, 110],
        [880, 120, 40],
      ]) {
        g.beginPath();
        g.arc(x!, y!, r!, 0, Math.PI * 2);
        g.fill();
      }
      return c.toDataURL('image/png');
    },
    [width, height],
  );
  return Buffer.from(url.split(',')[1]!, 'base64');
}
