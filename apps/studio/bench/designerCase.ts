/**
 * One design's measurements in an open app page, for the designer benchmark: the two edits timed
 * to the problems panel's update, then a drag of one node.
 */
import type { Page } from 'playwright-core';
import { editToDiagnostics, startDragProbe, stopDragProbe, type EditTiming } from './measure';

/** A design to measure. */
export interface Case {
  readonly title: string;
  /** The app URL's query or hash that opens the design. */
  readonly query: string;
  /** Input sizes to alternate: one fits the network, the other does not (every shape changes). */
  readonly sizes: readonly string[];
  /** A node to drag. */
  readonly dragNode: string;
  /** Zoom in around the node to drag to at least this zoom before measuring (default: the whole design). */
  readonly zoom?: number;
}

/** Raw samples, in milliseconds. */
export interface Samples {
  readonly nodes: number;
  /** The canvas zoom while measuring. */
  readonly zoom: number;
  /** One node's param (the output's activation: none ↔ softmax on 1 class). */
  readonly localEdit: readonly EditTiming[];
  /** The input size (every shape and cost changes). */
  readonly globalEdit: readonly EditTiming[];
  /** Drag: mousemove → node moved. */
  readonly moves: readonly number[];
  /** Drag: intervals between animation frames. */
  readonly frames: readonly number[];
  /** Drag: Chrome's main-thread task time over those frames. */
  readonly taskMs: number;
}

/** Edits of each kind per measurement. */
export const EDIT_REPS = 20;
/** Mouse moves per drag. */
export const DRAG_STEPS = 90;

/** Both sample sets together. */
export function mergeSamples(a: Samples | undefined, b: Samples): Samples {
  if (!a) return b;
  return {
    nodes: b.nodes,
    zoom: b.zoom,
    localEdit: [...a.localEdit, ...b.localEdit],
    globalEdit: [...a.globalEdit, ...b.globalEdit],
    moves: [...a.moves, ...b.moves],
    frames: [...a.frames, ...b.frames],
    taskMs: a.taskMs + b.taskMs,
  };
}

/** Measures `c` in `page`, which shows it. */
export async function measureCase(page: Page, c: Case): Promise<Samples> {
  // tsx keeps function names with a helper the page does not have.
  await page.evaluate(
    () => ((globalThis as unknown as { __name: unknown }).__name = (f: unknown) => f),
  );
  // The page shows the whole design (the zoom controls' fit button), zoomed in from there when asked.
  // Selecting the output opens the inspector field that the one-node edit changes.
  await page.locator('.react-flow__node[data-id="output"] .layer-node-name').click();
  await page.getByTestId('inspector-output').waitFor();
  if (c.zoom !== undefined) await zoomAround(page, c.dragNode, c.zoom);
  const nodes = await page.locator('.react-flow__node').count();
  const zoom = await canvasZoom(page);
  const globalEdit = await page.evaluate(editToDiagnostics, {
    selector: '[data-testid="totals-input-size"]',
    values: [...c.sizes],
    reps: EDIT_REPS,
  });
  const localEdit = await page.evaluate(editToDiagnostics, {
    selector: '[data-testid="field-activation"]',
    values: ['softmax', 'none'],
    reps: EDIT_REPS,
  });
  const box = await page.locator(`.react-flow__node[data-id="${c.dragNode}"]`).boundingBox();
  if (!box) throw new Error(`${c.dragNode} is not visible`);
  await page.evaluate(startDragProbe, c.dragNode);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskMs = async (): Promise<number> =>
    ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')
      ?.value ?? NaN) * 1000;
  const x = box.x + box.width / 2;
  const y = box.y + Math.min(8, box.height / 3);
  await page.mouse.move(x, y);
  await page.mouse.down();
  const framesBefore = await page.evaluate(
    () => (window as unknown as { __dragProbe: { frames: number[] } }).__dragProbe.frames.length,
  );
  const before = await taskMs();
  for (let i = 1; i <= DRAG_STEPS; i++) {
    await page.mouse.move(x + Math.sin(i / 8) * 120, y + i, { steps: 1 });
    await page.waitForTimeout(16);
  }
  const after = await taskMs();
  await page.mouse.up();
  const probe = await page.evaluate(stopDragProbe);
  await cdp.detach();
  return {
    nodes,
    zoom,
    localEdit,
    globalEdit,
    moves: probe.moves,
    frames: probe.frames.slice(framesBefore),
    taskMs: after - before,
  };
}

/** The canvas zoom, read from React Flow's viewport transform. */
async function canvasZoom(page: Page): Promise<number> {
  const transform = await page.locator('.react-flow__viewport').evaluate((e) => e.style.transform);
  return Number(/scale\(([\d.]+)\)/.exec(transform)?.[1] ?? NaN);
}

/** Zooms in with the mouse wheel over `nodeId` until the zoom is at least `zoom`. */
async function zoomAround(page: Page, nodeId: string, zoom: number): Promise<void> {
  for (let i = 0; i < 40 && (await canvasZoom(page)) < zoom; i++) {
    const box = await page.locator(`.react-flow__node[data-id="${nodeId}"]`).boundingBox();
    if (!box) throw new Error(`${nodeId} is not visible`);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -200);
    await page.waitForTimeout(100);
  }
  if ((await canvasZoom(page)) < zoom) throw new Error(`could not zoom in to ${zoom}`);
}
