/**
 * `pnpm bench`: median compile time of generated designs of 100 to 20,000 nodes, and of a compile
 * followed by reading its primitive ops (made on first read: what the runtime and the exporters
 * pay). The load average is printed before and after: the machine may be shared, and the medians
 * move with it.
 */
import { cpus, loadavg } from 'node:os';
import { compile } from '../src/compile';
import type { CompiledDesign } from '../src/compiled';
import type { Design } from '../src/design/schema';
import { generateDesign } from './generateDesign';

const SIZES = [100, 1_000, 5_000, 10_000, 20_000] as const;
const RUNS = 31;
const WARM_UP = 10;

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

interface Timing {
  readonly ms: number;
  readonly best: number;
  readonly ok: boolean;
}

/** Median and fastest of `RUNS` timed runs of `run` on `design`, after `WARM_UP` untimed ones. */
function time(design: Design, run: (design: Design) => CompiledDesign): Timing {
  // Warm-up runs let the JIT settle before timing.
  for (let i = 0; i < WARM_UP; i++) run(design);
  const times: number[] = [];
  let ok = true;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const result = run(design);
    times.push(performance.now() - start);
    ok &&= result.ok;
  }
  return { ms: median(times), best: Math.min(...times), ok };
}

/** A compile whose ops are read, as the runtime's model builder and the exporters read them. */
function compileWithOps(design: Design): CompiledDesign {
  const result = compile(design);
  if (result.ok && result.ops.length === 0) throw new Error('a clean compile made no ops');
  return result;
}

// Let the JIT optimise the whole compiler on a mid-sized design before any size is timed.
const warmUpDesign = generateDesign(1_000);
for (let i = 0; i < 30; i++) compile(warmUpDesign);

const load = (): string => loadavg()[0]?.toFixed(2) ?? '?';
console.log(
  `compile benchmark: Node ${process.version}, ${cpus().length} CPUs, median of ${RUNS} runs, load average ${load()}`,
);
console.log(
  '| nodes | median ms | fastest ms | µs per node (median / fastest) | with ops read: median ms, µs per node | compiles cleanly |',
);
console.log('|---:|---:|---:|---:|---:|:-:|');
for (const size of SIZES) {
  const design = generateDesign(size);
  const nodes = design.model.nodes.length;
  const plain = time(design, compile);
  const withOps = time(design, compileWithOps);
  const perNode = (t: number): string => ((t * 1000) / nodes).toFixed(1);
  const { ms, best } = plain;
  const ok = plain.ok && withOps.ok ? 'yes' : 'NO';
  console.log(
    `| ${nodes} | ${ms.toFixed(2)} | ${best.toFixed(2)} | ${perNode(ms)} / ${perNode(best)} | ${withOps.ms.toFixed(2)}, ${perNode(withOps.ms)} | ${ok} |`,
  );
}
console.log(`load average after: ${load()}`);
