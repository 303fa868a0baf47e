/**
 * Bytes a compile allocates, and bytes its result keeps alive, per node of the generated designs.
 * A measurement, not a timing: it needs the collector exposed and a young generation large enough
 * that no collection runs inside one compile. Run from packages/compiler:
 * `node --expose-gc --min-semi-space-size=64 --max-semi-space-size=64 --import tsx bench/memoryBench.ts`
 */
import { compile } from '../src/compile';
import type { CompiledDesign } from '../src/compiled';
import { generateDesign } from './generateDesign';

const SIZES = [100, 1_000, 10_000] as const;
const SAMPLES = 5;

const collect = (globalThis as { gc?: () => void }).gc;
if (!collect) throw new Error('run with node --expose-gc (see the header of this file)');
const heap = (): number => process.memoryUsage().heapUsed;

const warm = generateDesign(1_000);
for (let i = 0; i < 30; i++) compile(warm);

console.log('| nodes | allocated per compile, B/node (min–max) | result kept alive, B/node |');
console.log('|---:|---:|---:|');
for (const size of SIZES) {
  const design = generateDesign(size);
  for (let i = 0; i < 10; i++) compile(design);
  const allocated: number[] = [];
  const kept: number[] = [];
  let result: CompiledDesign | null = null;
  for (let i = 0; i < SAMPLES; i++) {
    result = null;
    collect();
    const before = heap();
    result = compile(design);
    allocated.push(heap() - before);
    collect();
    kept.push(heap() - before);
  }
  const nodes = design.model.nodes.length;
  const per = (bytes: number): string => (bytes / nodes).toFixed(0);
  allocated.sort((a, b) => a - b);
  kept.sort((a, b) => a - b);
  const range = `${per(allocated[0] ?? 0)}–${per(allocated[SAMPLES - 1] ?? 0)}`;
  const ok = result?.ok === true ? '' : ' (did not compile cleanly)';
  console.log(`| ${nodes} | ${range} | ${per(kept[SAMPLES >> 1] ?? 0)}${ok} |`);
}
