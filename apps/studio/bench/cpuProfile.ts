/**
 * Summaries of a V8 CPU profile (Chrome DevTools Protocol `Profiler.Profile`): self time by chunk
 * (react, xyflow, compiler, studio… as built by `buildApp({ profile: true })`), self time by
 * function, and total (inclusive) time by function.
 */

/** The parts of a CDP CPU profile the summary reads. */
export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string };
    readonly children?: readonly number[];
  }[];
  readonly samples?: readonly number[];
  readonly timeDeltas?: readonly number[];
}

/** Times in milliseconds, per key, largest first. */
export type Times = readonly (readonly [string, number])[];

/** Where a URL's code comes from: the profiling chunk's name, or a V8 pseudo-frame. */
export function chunkName(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const m = /\/(p-[a-z-]+)-[\w-]+\.js$/.exec(url);
  if (m?.[1]) return m[1].slice(2);
  return url.includes('/assets/index-') ? 'other app code' : 'other';
}

function sortDesc(m: ReadonlyMap<string, number>, top: number): Times {
  return [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
}

/** A summary of a profile. `(idle)` is left out: it is time the main thread was free. */
export interface Summary {
  readonly byChunk: Times;
  readonly selfByFunction: Times;
  readonly totalByFunction: Times;
  readonly busyMs: number;
}

/**
 * Summarises `profile`, keeping the `top` functions of each table. With `within`, only samples
 * taken inside a function of that name count (e.g. React's `dispatchDiscreteEvent`: the work an
 * input event does before the browser can render, leaving out timers such as the autosave).
 */
export function summarise(profile: CpuProfile, top = 25, within?: string): Summary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (id: number): string => {
    const f = byId.get(id)?.callFrame;
    if (!f) return '?';
    return `${chunkName(f.url, f.functionName)}: ${f.functionName || '(anonymous)'}`;
  };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const byChunk = new Map<string, number>();
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let busyMs = 0;
  for (let i = 0; i < samples.length; i++) {
    const id = samples[i] ?? -1;
    const f = byId.get(id)?.callFrame;
    // A sample's time is the delta to the next sample.
    const ms = (deltas[i + 1] ?? 0) / 1000;
    if (!f || f.functionName === '(idle)') continue;
    const stack: number[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(at);
    if (within && !stack.some((at) => byId.get(at)?.callFrame.functionName === within)) continue;
    busyMs += ms;
    const chunk = chunkName(f.url, f.functionName);
    byChunk.set(chunk, (byChunk.get(chunk) ?? 0) + ms);
    self.set(label(id), (self.get(label(id)) ?? 0) + ms);
    // Each function on the stack once, however deep it recurses.
    const seen = new Set<string>();
    for (const at of stack) {
      const key = label(at);
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + ms);
    }
  }
  return {
    byChunk: sortDesc(byChunk, top),
    selfByFunction: sortDesc(self, top),
    totalByFunction: sortDesc(total, top),
    busyMs,
  };
}
