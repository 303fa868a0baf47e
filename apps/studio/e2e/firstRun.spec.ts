/**
 * A newcomer's first minutes at 1440×900: the welcome card on the empty canvas with the three ways
 * to start, an empty design's problems as guidance, Blank starting at 100 %, an Output node with
 * no output port, and information messages that go away by themselves while errors stay.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Files } from './pages/Files';
import { openSession, type Session } from './session';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

describe('the first run', () => {
  let s: Session;

  beforeAll(async () => {
    s = await openSession();
  });
  afterAll(async () => {
    await s.close();
  });

  it('greets a first visit with the three ways to start, inside the canvas', async () => {
    const welcome = s.page.getByTestId('welcome');
    await welcome.waitFor();
    const card = await welcome.boundingBox();
    const canvas = await s.canvas.root().boundingBox();
    if (!card || !canvas) throw new Error('no welcome card or canvas');
    expect(card.x).toBeGreaterThanOrEqual(canvas.x);
    expect(card.y).toBeGreaterThanOrEqual(canvas.y);
    expect(card.x + card.width).toBeLessThanOrEqual(canvas.x + canvas.width);
    expect(card.y + card.height).toBeLessThanOrEqual(Math.min(canvas.y + canvas.height, 900));
    expect(await welcome.getByTestId('welcome-template').isVisible()).toBe(true);
    expect(await welcome.getByTestId('welcome-import').isVisible()).toBe(true);
    expect(await welcome.getByTestId('welcome-blank-hint').textContent()).toMatch(
      /Drag an Input from the palette/,
    );
  });

  it('lists what the empty design lacks as guidance, not as errors', async () => {
    expect(await s.problems.errorCodes()).toEqual([]);
    const codes = (await s.problems.rows()).map((r) => r.code).sort();
    expect(codes).toEqual(['NO_INPUT', 'NO_OUTPUT']);
    const summary = s.page.getByTestId('problems-summary');
    expect(await summary.textContent()).toBe('Empty design: add an Input to start');
    // Not the error red (#dc2626) of a broken design.
    expect(await summary.evaluate((e) => getComputedStyle(e).color)).not.toBe('rgb(220, 38, 38)');
  });

  it('opens the template gallery from the welcome card, and the card goes with the first nodes', async () => {
    await s.page.getByTestId('welcome-template').click();
    await s.page.getByTestId('templates').waitFor();
    await s.page.getByTestId('template-tiny').click();
    await expect.poll(() => s.canvas.nodeIds()).toHaveLength(13);
    expect(await s.page.getByTestId('welcome').count()).toBe(0);
  });

  it('starts Blank at 100 %, so the first node lands at full size', async () => {
    await s.canvas.zoomOutBelow(0.5);
    await s.page.getByTestId('open-templates').click();
    await s.page.getByTestId('template-blank').click();
    await s.page.getByTestId('welcome').waitFor();
    await expect.poll(() => s.canvas.zoom()).toBe(1);
    const id = await s.palette.drop('input', 120, 120);
    const box = await s.canvas.node(id).boundingBox();
    // A layer node is 180 px wide at 100 %.
    expect(box?.width).toBeCloseTo(180, 0);
    expect(await s.page.getByTestId('welcome').count()).toBe(0);
  });

  it('draws the Output node with an input port and no output port', async () => {
    const id = await s.palette.drop('output', 420, 120);
    const node = s.canvas.node(id);
    expect(await node.locator('.react-flow__handle.target').count()).toBe(1);
    expect(await node.locator('.react-flow__handle.source').count()).toBe(0);
  });

  it('lets an information message go by itself, and keeps an error until dismissed', async () => {
    await s.page.clock.install();
    const files = new Files(s.page);
    const message = files.message();
    await files.open(fixture('groupnorm.model-manager.yaml'));
    await expect.poll(() => message.getAttribute('data-kind')).toBe('info');
    await s.page.clock.runFor(7_000);
    await expect.poll(() => message.count()).toBe(0);
    await files.open(fixture('bad-features.model-manager.yaml'));
    await expect.poll(() => message.getAttribute('data-kind')).toBe('error');
    await s.page.clock.runFor(60_000);
    expect(await message.getAttribute('data-kind')).toBe('error');
    await message.getByRole('button', { name: 'Dismiss' }).click();
    expect(await message.count()).toBe(0);
    expect(s.errors).toEqual([]);
  });
});
