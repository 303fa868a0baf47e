/**
 * The document library: links and templates open as new documents, two tabs never overwrite each
 * other silently, records that cannot be read are kept aside, versions restore in one click, and a
 * browser without storage still lets the user download the design.
 */
import { serializeDesign } from '@unet-studio/compiler';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeShareHash } from '../src/io/shareLink';
import { chainDesign } from '../src/state/testDesign';
import { newContext, openPage } from './harness';
import { Designs } from './pages/Designs';
import { Files } from './pages/Files';
import { openSession, type Session } from './session';

const ready = (page: Page) => page.locator('[data-testid="app"][data-ready="true"]').waitFor();

describe('document library', () => {
  let s: Session | null = null;
  afterEach(async () => {
    await s?.close();
    s = null;
  });

  it('opens a template link and a share link as new documents, keeping the edited one', async () => {
    s = await openSession();
    const designs = new Designs(s.page);
    const [first] = await designs.names();
    await designs.rename(first ?? '', 'My edited design');
    await expect.poll(() => designs.title()).toBe('My edited design');
    await designs.saved();
    await s.page.goto(s.url('?template=tiny'));
    await ready(s.page);
    expect(await designs.title()).toBe('Tiny U-Net');
    await expect.poll(() => designs.names()).toEqual(['Tiny U-Net', 'My edited design']);
    const shared = encodeShareHash(serializeDesign({ ...chainDesign(), name: 'Shared chain' }));
    // Pasted into the open tab, the link changes only the hash.
    await s.page.goto(s.url(shared));
    await expect.poll(() => designs.title()).toBe('Shared chain');
    await expect
      .poll(() => designs.names())
      .toEqual(['Shared chain', 'Tiny U-Net', 'My edited design']);
    // A reload reopens this tab's document, not the link again, and not a blank.
    await s.page.reload();
    await ready(s.page);
    expect(await designs.title()).toBe('Shared chain');
    await expect.poll(() => designs.names()).toHaveLength(3);
    await designs.openDesign('My edited design');
    expect(await designs.title()).toBe('My edited design');
    await designs.search('tiny');
    await expect.poll(() => designs.names()).toEqual(['Tiny U-Net']);
    await designs.search('');
    await designs.remove('Tiny U-Net');
    await expect.poll(() => designs.names()).toEqual(['Shared chain', 'My edited design']);
    await s.page.getByTestId('undo-delete').click();
    await expect.poll(() => designs.names()).toHaveLength(3);
    // An imported config is a new document too.
    await new Files(s.page).importText(
      "create_model('unet', in_channels=3, out_channels=1, features=[16, 32], bilinear=False)",
    );
    await expect.poll(async () => (await designs.names()).length).toBe(4);
    // Most recently changed first: opening a design does not count as a change.
    expect((await designs.names()).slice(1)).toEqual([
      'Shared chain',
      'Tiny U-Net',
      'My edited design',
    ]);
    expect(s.errors).toEqual([]);
  });

  it('restores a version in one click, and the restore can be undone', async () => {
    s = await openSession('?template=tiny');
    const designs = new Designs(s.page);
    await designs.saved();
    await expect.poll(() => designs.history()).toEqual(['Started with 13 layers']);
    await designs.rename('Tiny U-Net', 'Renamed');
    await expect.poll(() => designs.title()).toBe('Renamed');
    await designs.saved();
    await designs.restore(0);
    await expect.poll(() => designs.title()).toBe('Tiny U-Net');
    await expect.poll(() => designs.history()).toHaveLength(2);
    expect((await designs.history())[0]).toMatch(/^Before restoring .*Renamed to “Renamed”/);
    await s.page.getByTestId('undo').click();
    expect(await designs.title()).toBe('Renamed');
  });

  it('never lets two tabs on one design overwrite each other silently', async () => {
    s = await openSession('?template=tiny');
    const a = new Designs(s.page);
    await a.saved();
    const { page: second } = await openPage(s.context, s.url());
    const b = new Designs(second);
    // The second tab opens the same design read-only and says why.
    await expect.poll(() => b.bannerMode()).toBe('read-only');
    expect(await a.bannerMode()).toBeNull();
    await a.rename('Tiny U-Net', 'Renamed in tab A');
    await expect.poll(() => b.title()).toBe('Renamed in tab A');
    // Tab B cannot change it; its rename is refused with a message, and tab A's stays.
    await b.rename('Renamed in tab A', 'Renamed in tab B');
    await expect
      .poll(() => second.getByTestId('message').textContent())
      .toMatch(/open in another tab/);
    expect(await b.title()).toBe('Renamed in tab A');
    // A third tab may go on with a copy of its own.
    const { page: third } = await openPage(s.context, s.url());
    const c = new Designs(third);
    await expect.poll(() => c.bannerMode()).toBe('read-only');
    await third.getByTestId('banner-copy').click();
    await expect.poll(() => c.bannerMode()).toBeNull();
    expect(await c.title()).toBe('Renamed in tab A (copy)');
    await c.saved();
    await third.close();
    // When tab A closes, tab B takes over the latest version and may edit it.
    await a.saved();
    await s.page.close();
    await expect.poll(() => b.bannerMode()).toBeNull();
    expect(await b.title()).toBe('Renamed in tab A');
    await b.rename('Renamed in tab A', 'Renamed in tab B');
    await expect.poll(() => b.title()).toBe('Renamed in tab B');
    await b.saved();
    await second.reload();
    await ready(second);
    // The list fills from the library after the app is ready.
    await expect
      .poll(() => b.names(), { timeout: 10_000 })
      .toEqual(['Renamed in tab B', 'Renamed in tab A (copy)']);
  });

  it('keeps records it cannot read, lists them with a download, and starts with the rest', async () => {
    s = await openSession();
    // A fresh profile as the single-slot version left it.
    const context = await newContext(s.browser);
    const edited = serializeDesign({ ...chainDesign(), name: 'Autosaved before the library' });
    const truncated = edited.slice(0, 200);
    const newer = edited.replace('"version": 1', '"version": 7');
    const plant = await context.newPage();
    await context.route('**/plant.html', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>plant</title>' }),
    );
    const base = s.url();
    await plant.goto(`${base}plant.html`);
    await plant.evaluate(
      async ({ records }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open('unet-studio', 1);
          req.onupgradeneeded = () => req.result.createObjectStore('designs', { keyPath: 'name' });
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error ?? new Error('open failed'));
        });
        const tx = db.transaction('designs', 'readwrite');
        for (const r of records) tx.objectStore('designs').put(r);
        await new Promise((resolve) => (tx.oncomplete = resolve));
        db.close();
      },
      {
        records: [
          { name: '\u0000autosave', text: edited, savedAt: 3 },
          { name: 'Cut short', text: truncated, savedAt: 2 },
          { name: 'From the future', text: newer, savedAt: 1 },
          { name: 'Not text', text: 12345, savedAt: 1 },
        ],
      },
    );
    await plant.close();
    const { page } = await openPage(context, base);
    const designs = new Designs(page);
    expect(await designs.title()).toBe('Autosaved before the library');
    expect(await page.getByTestId('message').textContent()).toMatch(
      /3 stored designs could not be opened/,
    );
    await expect.poll(() => designs.names()).toEqual(['Autosaved before the library']);
    // The list fills in as the library is read: wait for it rather than read it once.
    await expect.poll(async () => (await designs.unreadable()).length).toBe(3);
    const listed = await designs.unreadable();
    expect(listed.join('\n')).toMatch(/Cut short.*not valid JSON/);
    expect(listed.join('\n')).toMatch(
      /From the future.*version 7, newer than this U-Net Studio reads/,
    );
    expect(listed.join('\n')).toMatch(/Not text.*not as text/);
    const index = listed.findIndex((t) => t.startsWith('Cut short'));
    expect(await designs.downloadUnreadable(index)).toBe(truncated);
    // Still there after a reload and after more work: nothing replaced them.
    await designs.rename('Autosaved before the library', 'Still editing');
    await designs.saved();
    await page.reload();
    await ready(page);
    await expect.poll(async () => (await designs.unreadable()).length).toBe(3);
    expect(await designs.names()).toEqual(['Still editing']);
  });

  it('says when the browser keeps nothing, and the design can still be downloaded', async () => {
    s = await openSession();
    await s.context.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { value: undefined });
    });
    const { page } = await openPage(s.context, s.url('?template=tiny'));
    const designs = new Designs(page);
    expect(await designs.bannerMode()).toBe('unsaved');
    expect(await page.getByTestId('document-banner').textContent()).toMatch(/cannot be kept/);
    const download = page.waitForEvent('download');
    await page.getByTestId('banner-download').click();
    expect((await download).suggestedFilename()).toMatch(/\.json$/);
  });
});
