/**
 * Times each compiler pass alone on generated designs, in µs per node (fastest and median of the
 * repetitions), to see which pass grows faster than the node count. Every pass gets the results of
 * the passes before it, computed once. Run from packages/compiler:
 * `pnpm exec tsx bench/passBench.ts [sizes…]` (default 1000 10000).
 */
import { cpus, loadavg } from 'node:os';
import { compile } from '../src/compile';
import type { Diagnostic } from '../src/diagnostics/types';
import { passContext, type PassContext } from '../src/passes/context';
import { costPass } from '../src/passes/cost';
import { nodeTable } from '../src/passes/nodeTable';
import { shapesPass } from '../src/passes/shapes';
import { structurePass } from '../src/passes/structure';
import { derivesSizeRule, unetChecksPass } from '../src/passes/unetChecks';
import { generateDesign } from './generateDesign';

const REPS = 15;

const freshCtx = (): PassContext => passContext(1, [] as Diagnostic[]);

/** Fastest and median milliseconds of `REPS` runs of `run`. */
function time(run: () => unknown): { best: number; median: number } {
  const times: number[] = [];
  for (let i = 0; i < REPS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { best: times[0] ?? Number.NaN, median: times[Math.floor(REPS / 2)] ?? Number.NaN };
}

const sizes = process.argv.slice(2).map(Number).filter(Number.isFinite);
const warm = generateDesign(1_000);
for (let i = 0; i < 30; i++) compile(warm);

const [load1] = loadavg();
console.log(
  `pass benchmark: Node ${process.version}, ${cpus().length} CPUs, load ${load1?.toFixed(2)}, ${REPS} runs each`,
);
console.log('| pass | nodes | fastest µs/node | median µs/node |');
console.log('|---|---:|---:|---:|');
for (const target of sizes.length > 0 ? sizes : [1_000, 10_000]) {
  const design = generateDesign(target);
  const nodes = design.model.nodes.length;
  const s = structurePass(design, freshCtx());
  const shapes = shapesPass(design, freshCtx(), s, derivesSizeRule(s));
  const passes: [string, () => unknown][] = [
    ['structure', () => structurePass(design, freshCtx())],
    ['shapes', () => shapesPass(design, freshCtx(), s, derivesSizeRule(s))],
    ['unet-checks', () => unetChecksPass(freshCtx(), s, shapes)],
    ['cost', () => costPass(freshCtx(), shapes, s)],
    ['node table', () => nodeTable(s, shapes)],
    ['whole compile', () => compile(design)],
    // The runtime's and exporters' path: the ops, made on first read.
    ['compile, then its ops', () => compile(design).ops],
  ];
  for (const [name, run] of passes) {
    for (let i = 0; i < 3; i++) run();
    const { best, median } = time(run);
    const perNode = (ms: number): string => ((ms * 1000) / nodes).toFixed(2);
    console.log(`| ${name} | ${nodes} | ${perNode(best)} | ${perNode(median)} |`);
  }
}
