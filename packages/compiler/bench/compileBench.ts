/**
 * `pnpm bench`: median compile time of generated designs of 100, 1,000 and 10,000 nodes. The load
 * average is printed before and after: the machine may be shared, and the medians move with it.
 */
import { cpus, loadavg } from 'node:os';
import { compile } from '../src/compile';
import { generateDesign } from './generateDesign';

const SIZES = [100, 1_000, 10_000] as const;
const RUNS = 31;
const WARM_UP = 10;

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function bench(nodes: number): { nodes: number; ms: number; best: number; ok: boolean } {
  const design = generateDesign(nodes);
  // Warm-up runs let the JIT settle before timing.
  for (let i = 0; i < WARM_UP; i++) compile(design);
  const times: number[] = [];
  let ok = true;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const result = compile(design);
    times.push(performance.now() - start);
    ok &&= result.ok;
  }
  return { nodes: design.model.nodes.length, ms: median(times), best: Math.min(...times), ok };
}

// Let the JIT optimise the whole compiler on a mid-sized design before any size is timed.
const warmUpDesign = generateDesign(1_000);
for (let i = 0; i < 30; i++) compile(warmUpDesign);

const load = (): string => loadavg()[0]?.toFixed(2) ?? '?';
console.log(
  `compile benchmark: Node ${process.version}, ${cpus().length} CPUs, median of ${RUNS} runs, load average ${load()}`,
);
console.log(
  '| nodes | median ms | fastest ms | µs per node (median / fastest) | compiles cleanly |',
);
console.log('|---:|---:|---:|---:|:-:|');
for (const size of SIZES) {
  const { nodes, ms, best, ok } = bench(size);
  const perNode = (t: number): string => ((t * 1000) / nodes).toFixed(1);
  console.log(
    `| ${nodes} | ${ms.toFixed(2)} | ${best.toFixed(2)} | ${perNode(ms)} / ${perNode(best)} | ${ok ? 'yes' : 'NO'} |`,
  );
}
console.log(`load average after: ${load()}`);
