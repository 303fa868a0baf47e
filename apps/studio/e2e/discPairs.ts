/**
 * Own training images for the specs and the screenshots: image/mask PNG pairs drawn by the page
 * (bright discs of varied size and place on a dark ground), written to a temporary folder of
 * `images/` and `masks/` as a user would pick it.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** Image/mask PNG pairs drawn by the page: bright discs of varied size and place on a dark ground. */
async function drawPairs(
  page: Page,
  n: number,
  size: number,
): Promise<{ image: string; mask: string }[]> {
  // No named functions inside: the screenshot script's transpiler would wrap them in a helper
  // the page does not have.
  return page.evaluate(
    ([n, size]) => {
      const pairs: { image: string; mask: string }[] = [];
      for (let i = 0; i < n!; i++) {
        const pair: string[] = [];
        for (const [ground, fill] of [
          [`rgb(${20 + i * 3},${24 + i * 2},32)`, '#e8e8e8'],
          ['#000000', '#ffffff'],
        ]) {
          const c = document.createElement('canvas');
          c.width = c.height = size!;
          const g = c.getContext('2d')!;
          g.fillStyle = ground!;
          g.fillRect(0, 0, size!, size!);
          g.fillStyle = fill!;
          g.beginPath();
          g.arc(14 + ((i * 7) % 36), 16 + ((i * 11) % 32), 6 + (i % 5) * 2, 0, Math.PI * 2);
          g.fill();
          pair.push(c.toDataURL('image/png').split(',')[1]!);
        }
        pairs.push({ image: pair[0]!, mask: pair[1]! });
      }
      return pairs;
    },
    [n, size],
  );
}

/** A new temporary folder with `n` pairs of `size`×`size` (the caller removes it). */
export async function discPairsFolder(page: Page, n: number, size = 64): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'unet-disc-pairs-'));
  mkdirSync(join(dir, 'images'));
  mkdirSync(join(dir, 'masks'));
  (await drawPairs(page, n, size)).forEach((pair, i) => {
    writeFileSync(join(dir, 'images', `p${i}.png`), Buffer.from(pair.image, 'base64'));
    writeFileSync(join(dir, 'masks', `p${i}.png`), Buffer.from(pair.mask, 'base64'));
  });
  return dir;
}
