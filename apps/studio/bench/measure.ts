/**
 * In-page measurements for the designer benchmark. Each function runs inside the page (passed to
 * `page.evaluate`) and only observes the DOM: the app carries no benchmark hooks.
 */

/** Summary statistics of a sample, in milliseconds. */
export interface Stats {
  readonly n: number;
  readonly median: number;
  readonly p95: number;
  readonly mean: number;
}

/** Median, 95th percentile and mean of `xs`. */
export function stats(xs: readonly number[]): Stats {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  const mean = s.reduce((a, b) => a + b, 0) / Math.max(1, s.length);
  return { n: s.length, median: at(0.5), p95: at(0.95), mean };
}

/** One edit to time: a form control and the values to alternate in it. */
export interface EditSpec {
  /** CSS selector of an `<input>` or `<select>`. */
  readonly selector: string;
  /** Values to set in turn; consecutive values must change the diagnostics. */
  readonly values: readonly string[];
  readonly reps: number;
}

/** One edit's timings, in milliseconds from the input event. */
export interface EditTiming {
  /** Until the problems panel's DOM has changed (compile, derivation and React's commit). */
  readonly diagnostics: number;
  /** Until the next frame has been rendered (style, layout and paint of the update included). */
  readonly frame: number;
}

/**
 * Edit → updated diagnostics: sets each value into the control as a user's input would and times
 * from the event to the problems panel's DOM update, and to the end of the next rendered frame (a
 * task posted from `requestAnimationFrame` runs once the frame's main-thread work is done).
 */
export async function editToDiagnostics(spec: EditSpec): Promise<EditTiming[]> {
  const control = document.querySelector<HTMLInputElement | HTMLSelectElement>(spec.selector);
  const problems = document.querySelector('[data-testid="problems"]');
  if (!control || !problems) throw new Error(`${spec.selector} or the problems panel is missing`);
  const out: EditTiming[] = [];
  for (let i = 0; i < spec.reps; i++) {
    const value = spec.values[i % spec.values.length] ?? '';
    const updated = new Promise<number>((resolve) => {
      const mo = new MutationObserver(() => {
        mo.disconnect();
        resolve(performance.now());
      });
      mo.observe(problems, { subtree: true, childList: true, characterData: true });
    });
    const rendered = new Promise<number>((resolve) => {
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      });
    });
    control.focus();
    const t0 = performance.now();
    if (control instanceof HTMLSelectElement) {
      control.value = value;
      control.dispatchEvent(new Event('change', { bubbles: true }));
    } else {
      // Typing replaces the selection and fires a native input event, as a keyboard would.
      control.select();
      document.execCommand('insertText', false, value);
    }
    const diagnostics = (await updated) - t0;
    out.push({ diagnostics, frame: (await rendered) - t0 });
    // Let the autosave and idle work run outside the measured interval.
    await new Promise((r) => setTimeout(r, 60));
  }
  return out;
}

/** Starts recording, for node `nodeId`: mousemove → node moved in the DOM, and frame intervals. */
export function startDragProbe(nodeId: string): void {
  const node = document.querySelector(`.react-flow__node[data-id="${CSS.escape(nodeId)}"]`);
  if (!node) throw new Error(`node ${nodeId} is not on screen`);
  const probe = {
    moves: [] as number[],
    frames: [] as number[],
    last: -1,
    pending: null as number | null,
    on: true,
  };
  window.addEventListener('mousemove', () => (probe.pending = performance.now()), {
    capture: true,
  });
  new MutationObserver(() => {
    if (probe.pending === null) return;
    probe.moves.push(performance.now() - probe.pending);
    probe.pending = null;
  }).observe(node, { attributes: true, attributeFilter: ['style'] });
  const tick = (t: number): void => {
    if (probe.last >= 0) probe.frames.push(t - probe.last);
    probe.last = t;
    if (probe.on) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  (window as unknown as { __dragProbe: typeof probe }).__dragProbe = probe;
}

/** Stops the probe and returns its samples. */
export function stopDragProbe(): { moves: number[]; frames: number[] } {
  const probe = (
    window as unknown as { __dragProbe?: { moves: number[]; frames: number[]; on: boolean } }
  ).__dragProbe;
  if (!probe) throw new Error('no drag probe');
  probe.on = false;
  return { moves: probe.moves, frames: probe.frames };
}
