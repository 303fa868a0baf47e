import { compile } from './src/compile';
import { generateDesign } from './bench/generateDesign';
for (const n of [100, 1000, 10000]) {
  const d = generateDesign(n);
  for (let i = 0; i < 20; i++) compile(d);
  const times: number[] = [];
  for (let i = 0; i < 30; i++) { const t = performance.now(); compile(d); times.push(performance.now() - t); }
  times.sort((a, b) => a - b);
  console.log(n, 'min', times[0]!.toFixed(2), 'median', times[15]!.toFixed(2));
}
