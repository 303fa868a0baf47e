/**
 * Hostile inputs in the browser: a stride of 2^52 from a share link or typed in the inspector, and
 * a share link of a few KB that inflates to megabytes of SVG tags, each answered at once (the spec's time
 * limit fails a frozen tab) with the limit named in the problems list.
 */
import { deflateSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { stridedPools } from '../../../packages/compiler/test/hostile';
import { toBase64, utf8 } from '../src/io/bytes';
import { openSession, type Session } from './session';

/** A `#design=` link carrying `text`. */
function link(text: string): string {
  const b64 = toBase64(deflateSync(utf8(text), { level: 9 }));
  return `#design=${b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

describe('hostile inputs in the browser', () => {
  let s: Session | null = null;
  afterEach(async () => {
    await s?.close();
    s = null;
  });

  it('a share link with strides of 2^52 opens and names the limit', async () => {
    s = await openSession(link(JSON.stringify(stridedPools(20, 2 ** 52))));
    await expect.poll(() => s?.problems.errorCodes()).toContain('PARAM_LIMIT');
    expect(s.errors).toEqual([]);
  });

  it('a link of a few KB that inflates to 7 MB of metadata tags starts the app at once', async () => {
    const hash = link('<metadata '.repeat(700_000));
    expect(hash.length).toBeLessThan(20_000);
    s = await openSession(hash);
    expect(await s.page.getByTestId('app').getAttribute('data-ready')).toBe('true');
    expect(s.errors).toEqual([]);
  });

  it('a window of 2^52 typed in the inspector is a PARAM_LIMIT error, not a frozen tab', async () => {
    s = await openSession('?template=tiny');
    await s.canvas.select('pool1');
    await s.inspector.set('window', '4503599627370496');
    await expect.poll(() => s?.problems.errorCodes()).toContain('PARAM_LIMIT');
    await s.page.keyboard.press('Escape');
    await s.page.getByTestId('undo').click();
    await expect.poll(() => s?.problems.errorCodes()).toEqual([]);
  });
});
