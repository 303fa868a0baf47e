/**
 * Summaries of a V8 CPU profile (Chrome DevTools Protocol `Profiler.Profile`): self time by chunk
 * (react-dom, xyflow, compiler, studio… as built by `buildForProfile`) and by function.
 */

/** The parts of a CDP CPU profile the summary reads. */
export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string };
  }[];
  readonly samples?: readonly number[];
  readonly timeDeltas?: readonly number[];
}

/** Self time in milliseconds, per key, largest first. */
export type SelfTimes = readonly (readonly [string, number])[];

/** Where a URL's code comes from: the profiling chunk's name, or a V8 pseudo-frame. */
export function chunkName(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const m = /\/(p-[a-z-]+)-[\w-]+\.js$/.exec(url);
  if (m?.[1]) return m[1].slice(2);
  return url.includes('/assets/index-') ? 'other app code' : 'other';
}

function sortDesc(m: ReadonlyMap<string, number>): SelfTimes {
  return [...m.entries()].sort((a, b) => b[1] - a[1]);
}

/**
 * Self time of `profile`, grouped by chunk and by `chunk: function` (the top `top` functions).
 * `(idle)` is left out: it is time the main thread was free.
 */
export function summarise(
  profile: CpuProfile,
  top = 25,
): { byChunk: SelfTimes; byFunction: SelfTimes; busyMs: number } {
  const frame = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const byChunk = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busyMs = 0;
  // A sample's time is the delta to the next sample.
  for (let i = 0; i < samples.length; i++) {
    const f = frame.get(samples[i] ?? -1);
    const ms = (deltas[i + 1] ?? 0) / 1000;
    if (!f || f.functionName === '(idle)') continue;
    busyMs += ms;
    const chunk = chunkName(f.url, f.functionName);
    byChunk.set(chunk, (byChunk.get(chunk) ?? 0) + ms);
    const fn = `${chunk}: ${f.functionName || '(anonymous)'}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
  }
  return { byChunk: sortDesc(byChunk), byFunction: sortDesc(byFunction).slice(0, top), busyMs };
}
