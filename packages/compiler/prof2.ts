import { generateDesign } from './bench/generateDesign';
import { passContext } from './src/passes/context';
import { structurePass } from './src/passes/structure';
import { shapesPass } from './src/passes/shapes';
import { unetChecksPass } from './src/passes/unetChecks';
import { costPass } from './src/passes/cost';
import { lowerOpen, deriveSizeRule } from './src/passes/sizeRule';
for (const n of [100, 1000, 3000]) {
const d = generateDesign(n);
const time = (name: string, f: () => unknown) => { for (let i = 0; i < 10; i++) f(); const ts: number[] = []; for (let i = 0; i < 20; i++) { const t = performance.now(); f(); ts.push(performance.now() - t); } ts.sort((a,b)=>a-b); console.log(n, name, ts[0]!.toFixed(3)); };
const ctx = passContext(1, []);
const s = structurePass(d, ctx);
const sh = shapesPass(d, ctx, s);
time('structure', () => structurePass(d, passContext(1, [])));
time('shapes', () => shapesPass(d, passContext(1, []), s));
time('open', () => lowerOpen(s));
const o = lowerOpen(s);
time('derive', () => deriveSizeRule(s, o));
time('unet', () => unetChecksPass(passContext(1, []), s, sh));
time('cost', () => costPass(passContext(1, []), sh));
}
