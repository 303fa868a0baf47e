import { compile } from './src/compile';
import { generateDesign } from './bench/generateDesign';
const d = generateDesign(1000);
for (let i = 0; i < 20; i++) compile(d);
console.log('START');
for (let i = 0; i < 10; i++) compile(d);
console.log('END');
